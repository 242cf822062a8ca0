export { ProgrammePage } from './components/programme-page';
export { ResourcesPage } from './components/resources-page';
