export { PublicAdminPage } from './components/public-admin-page';
