export { InvitationLinkPage } from './components/invitation-link-page';
export { MyRegistrationPage } from './components/my-registration-page';
export { PublicEventPage } from './components/public-event-page';
export { RegistrationsPage } from './components/registrations-page';
