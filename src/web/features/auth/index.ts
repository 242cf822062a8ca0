export { InvitationPage } from './components/invitation-page';
export { ForgotPasswordPage, ResetPasswordPage } from './components/password-pages';
export { SetupPage } from './components/setup-page';
export { SignInPage } from './components/sign-in-page';
