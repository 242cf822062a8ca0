export const surveys = {
  surveys: {
    title: 'Befragungen',
    surveyTitle: 'Befragung',
    answerTitle: 'Befragung',
    eventTitle: 'Auswertung',
  },
};
