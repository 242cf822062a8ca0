import type { common as de } from '../de/common';
import type { Shape } from '../shape';

/** Shared words, roles, error messages by code and the error pages. */
export const common: Shape<typeof de> = {
  common: {
    save: 'Save',
    cancel: 'Cancel',
    delete: 'Delete',
    remove: 'Remove',
    close: 'Close',
    loading: 'Loading …',
    saved: 'Your changes are saved.',
    actions: 'Actions',
    empty: 'No entries.',
    name: 'Name',
    email: 'E-mail address',
    password: 'Password',
    passwordRepeat: 'Repeat password',
    passwordHint: 'At least 10 characters.',
    role: 'Role',
    required: 'Required',
    back: 'Back',
    date: 'Date',
    details: 'Details',
  },
  roles: {
    admin: 'Administration',
    office: 'Education office',
    committee: 'Steering committee member',
    guest: 'Guest (advisory)',
    partner: 'Network partner',
  },
  errors: {
    title: 'That did not work',
    generic: 'That did not work. Please try again.',
    network: 'The server cannot be reached. Please check the connection and try again.',
    rate_limited_one: 'Too many attempts. Please try again in a minute.',
    rate_limited_other: 'Too many attempts. Please try again in {{count}} minutes.',
    forbidden: 'You lack the permission for this in this education network.',
    not_found: 'The entry was not found.',
    passwordMismatch: 'The two passwords do not match.',
    networks: {
      last_admin: 'The network needs at least one administrator. Appoint another person first.',
    },
    contract: {
      none: 'No cooperation contract has been recorded for this network yet.',
      version_overlap: 'The version overlaps with another version; a new version must take effect later.',
      amendment_empty:
        'An amendment must add a field of action, end one or contain a section of the contract text.',
      field_exists: 'This field of action already exists.',
      field_already_ended: 'This field of action is already ended by another version.',
      field_end_before_start: 'This field of action cannot be ended on that date.',
      consent_exists: 'The consent of this party is already recorded.',
      version_not_draft: 'This version is no longer a draft.',
      consent_in_future: 'The date of signature lies in the future.',
      version_withdrawn: 'Nothing can be attached to a withdrawn version.',
      owner_name_required: 'Please name the responsible body.',
      matter_exists: 'This matter is already in the catalogue.',
    },
    publicsite: {
      slug_taken: 'This address is already taken.',
      no_recipient: 'The message cannot be delivered at the moment. Please try again later.',
    },
    files: {
      missing: 'Please choose a file.',
    },
    invitations: {
      sign_in_required: 'An account exists for this address. Please sign in with it and open the link again.',
    },
    auth: {
      second_factor_required:
        'This education network requires a second factor. Please set it up in your account.',
      invalid_email_or_password: 'E-mail address or password is wrong.',
      invalid_password: 'The password is wrong.',
      invalid_code: 'The code is wrong or expired. Please enter the current code.',
      invalid_token: 'The link is invalid or expired. Please request a new one.',
      password_too_short: 'The password is too short (at least 10 characters).',
      password_too_long: 'The password is too long (at most 128 characters).',
      user_already_exists: 'An account already exists for this e-mail address.',
      invalid_two_factor_cookie: 'The sign-in expired. Please sign in again.',
    },
    steering: {
      term_invalid: 'The term ends before it begins.',
      office_no_vote: 'Education office staff take part without a vote.',
      deputy_of_deputy: 'A deputy cannot have a deputy.',
      field_missing: 'Please choose the field of action.',
      deadline_past: 'The deadline must be in the future.',
      no_members:
        'There are no voting members who could consent. Please record the steering committee members first.',
      objection_reason: 'An objection needs a reason.',
      procedure_closed: 'The deadline has passed; answers are no longer possible.',
      reply_closed: '{{message}}',
      reply_deputy_guest: '{{message}}',
    },
  },
  notFound: {
    title: 'Page not found',
    text: 'This page does not exist or you have no access to it.',
    home: 'To the start page',
  },
  errorPage: {
    title: 'An error occurred',
    text: 'The page could not be shown. Please reload the page.',
    reload: 'Reload page',
    reference: 'Reference: {{id}}',
  },
  linkPage: {
    sub: 'Steering committee',
    subMailing: 'Distribution lists',
    footer: 'This link is personal. Please do not forward the email.',
  },
  paging: { loadMore: 'Load more', loading: 'Loading …' },
};
