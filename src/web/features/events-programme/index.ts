export { ProgrammePage } from './components/programme-page';
export { PublicProgramme } from './components/public-programme';
export { ResourcesPage } from './components/resources-page';
