/** The public reply page for meeting invitations. */
export const replies = {
  reply: {
    title: 'Einladung',
    heading: 'Einladung: {{title}}',
    when: 'Wann',
    where: 'Ort',
    online: 'Online',
    onlineLink: 'Zur Videokonferenz',
    newWindow: '(öffnet in neuem Fenster)',
    yourReply: 'Ihre Rückmeldung',
    noReply: 'noch keine',
    formTitle: 'Rückmeldung geben',
    changeTitle: 'Rückmeldung ändern',
    legend: 'Nehmen Sie teil?',
    choose: 'Bitte wählen Sie: Teilnahme, Stellvertretung oder Absage.',
    submit: 'Rückmeldung senden',
    options: {
      attending: 'Ich nehme teil',
      deputy: 'Meine Stellvertretung nimmt teil',
      excused: 'Ich bin verhindert',
    },
    answers: {
      attending: 'Sie nehmen teil.',
      deputy: 'Ihre Stellvertretung nimmt teil.',
      excused: 'Sie sind verhindert.',
    },
    confirm: {
      attending: 'Vielen Dank, Ihre Teilnahme ist vermerkt.',
      deputy: 'Vielen Dank, die Teilnahme Ihrer Stellvertretung ist vermerkt.',
      excused: 'Vielen Dank, Ihre Absage ist vermerkt.',
    },
    cancelledTitle: 'Die Sitzung ist abgesagt',
    cancelledText: 'Eine Rückmeldung ist nicht mehr nötig.',
    closedTitle: 'Die Sitzung hat bereits begonnen',
    closedText: 'Eine Rückmeldung ist nicht mehr möglich.',
  },
};
