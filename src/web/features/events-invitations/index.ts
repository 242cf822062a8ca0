export { InvitationsPage } from './components/invitations-page';
