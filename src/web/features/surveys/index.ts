export { AnswerPage } from './components/answer-page';
export { SurveyPage } from './components/survey-page';
export { SurveysPage } from './components/surveys-page';
