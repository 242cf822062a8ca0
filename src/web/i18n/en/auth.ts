import type { auth as de } from '../de/auth';
import type { Shape } from '../shape';

/** First-run setup, sign-in, password reset and account invitations. */
export const auth: Shape<typeof de> = {
  setup: {
    title: 'Setup',
    intro:
      'Welcome! Create the first administrator and your education network. Afterwards you can invite others.',
    adminLegend: 'Administrator',
    networkLegend: 'Education network',
    networkName: 'Name of the education network',
    networkNamePlaceholder: 'Regional education network …',
    regionKey: 'Regional key',
    regionKeyHint: 'Official regional key of the county or city, e.g. 05958.',
    submit: 'Finish setup',
    done: 'Setup is already complete.',
  },
  signIn: {
    title: 'Sign in',
    intro: 'Sign in with your e-mail address and password.',
    submit: 'Sign in',
    forgot: 'Forgot your password?',
    totpTitle: 'Second factor',
    totpIntro: 'Enter the six-digit code from your authenticator app.',
    totpCode: 'Code from the authenticator app',
    totpSubmit: 'Confirm',
    trustDevice: 'Trust this device for 30 days',
    publicTitle: 'Public pages',
    publicIntro: 'Without signing in: the pages of the education networks of this installation.',
  },
  forgot: {
    title: 'Forgot password',
    intro: 'Enter your e-mail address. We will send you a link to set a new password.',
    submit: 'Request link',
    sent: 'If an account exists for this address, an e-mail with a link is on its way. Please check your inbox.',
    backToSignIn: 'Back to sign-in',
  },
  reset: {
    title: 'Set a new password',
    newPassword: 'New password',
    submit: 'Save password',
    done: 'Your password has been changed. You can sign in now.',
    missingToken: 'The link is incomplete. Please request a new one.',
  },
  invitation: {
    title: 'Invitation',
    intro: '{{name}}, you are invited to the education network “{{network}}”.',
    role: 'Your role',
    email: 'Invited address',
    createAccount: 'Create your account to accept the invitation.',
    existingSignedOut: 'An account exists for {{email}}. Please sign in first.',
    existingOtherUser: 'You are signed in as {{current}}. This invitation is for {{email}}.',
    accept: 'Accept invitation',
    acceptAndCreate: 'Create account and accept',
    signInFirst: 'Sign in, then accept',
    invalid: 'This invitation is invalid, expired or was revoked.',
  },
};
