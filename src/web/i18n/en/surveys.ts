export const surveys = {
  surveys: {
    title: 'Surveys',
    surveyTitle: 'Survey',
    answerTitle: 'Survey',
    eventTitle: 'Evaluation',
  },
};
