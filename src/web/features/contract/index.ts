export { CataloguePage } from './components/catalogue-page';
export { ContractPage } from './components/contract-page';
export { FieldsPage } from './components/fields-page';
export { ScopePage } from './components/scope-page';
export { VersionNewPage } from './components/version-new-page';
export { VersionPage } from './components/version-page';
