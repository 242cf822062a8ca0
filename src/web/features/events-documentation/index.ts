export { DocumentationPage } from './components/documentation-page';
export { PublicDocumentationPage } from './components/public-documentation-page';
