/** Personal links: the page for a link that no longer applies, the calendar link, answers the office records. */
export const personalLinks = {
  personalLinks: {
    goneTitle: 'This link is no longer valid',
    gone: {
      procedure_closed:
        'The deadline of this written procedure has passed; you can no longer answer through this link. You will receive the result by e-mail.',
      meeting_over: 'This meeting is over; the personal reply link is no longer valid.',
      term_ended: 'Your term on the steering committee has ended, so this personal link is no longer valid.',
      replaced: 'This link has been replaced by a new one. Please use the link from the latest e-mail.',
    },
    goneHelp: 'If you have questions, please contact the regional education office.',
    calendarTitle: 'Calendar subscription for the steering committee',
    calendarIntro:
      "With a personal link you subscribe to the steering committee's meetings in your calendar (for example Outlook, Thunderbird or on your phone). The link is shown only once. If you create a new one, the old one stops working at once.",
    calendarNone:
      'You are not a member of a steering committee; calendar subscriptions are for members only.',
    calendarActive: 'A calendar subscription link exists for {{network}}.',
    calendarMissing: 'There is no calendar subscription link for {{network}} yet.',
    create: 'Create calendar subscription link',
    rotate: 'Create a new calendar subscription link',
    newLink: 'Your new calendar subscription link for {{network}}',
    newLinkHint: 'Copy the link into your calendar now. It will not be shown again.',
    created: 'The new calendar subscription link has been created. Earlier links no longer work.',
    channel: 'Received',
    channels: { link: 'personal link', phone: 'by phone', paper: 'on paper' },
    recordedBy: '{{channel}}, entered by {{name}}',
    recordTitle: 'Enter answers received by phone or on paper',
    recordIntro:
      'The personal link is for the member alone. If an answer arrived by phone or on paper, enter it here; it is marked with your name as "entered by".',
    recordFor: 'Answer of {{name}}',
    stance: 'Answer',
    chooseStance: '– please choose –',
    reason: 'Reason (required for an objection)',
    submit: 'Enter answer',
    recorded: 'The answer of {{name}} has been entered.',
    replyRecordTitle: 'Enter reply',
    replyFor: 'Reply of {{name}}',
    replySubmit: 'Enter',
    replyRecorded: 'The reply of {{name}} has been entered.',
  },
};
