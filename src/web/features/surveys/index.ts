export { AnswerPage } from './components/answer-page';
export { EventEvaluationPage } from './components/event-evaluation-page';
export { FieldSurveyResults } from './components/field-survey-results';
export { SurveyPage } from './components/survey-page';
export { SurveysPage } from './components/surveys-page';
