export { InstitutionPage } from './components/institution-page';
export { InstitutionsPage } from './components/institutions-page';
