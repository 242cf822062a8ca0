export { PeoplePage } from './components/people-page';
export { PersonPage } from './components/person-page';
