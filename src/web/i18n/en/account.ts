import type { account as de } from '../de/account';
import type { Shape } from '../shape';

/** The own account: profile, password, second factor. */
export const account: Shape<typeof de> = {
  account: {
    title: 'Account',
    profile: 'Personal details',
    nameSaved: 'Your name is saved.',
    passwordTitle: 'Change password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    passwordSaved: 'Your password has been changed.',
    passwordSubmit: 'Change password',
    twoFactorTitle: 'Second factor (authenticator app)',
    twoFactorOn: 'The second factor is on.',
    twoFactorOff: 'The second factor is off.',
    twoFactorRequired:
      'The education network “{{networks}}” requires a second factor. Set it up here to regain access.',
    twoFactorEnable: 'Set up second factor',
    twoFactorDisable: 'Turn off second factor',
    twoFactorPasswordHint: 'Your current password, to confirm.',
    twoFactorUri: 'Key for the authenticator app',
    twoFactorUriHint:
      'Enter this key in your authenticator app (e.g. "enter a setup key"). Then type the code it shows.',
    backupCodes: 'Backup codes',
    backupCodesHint: 'Keep these codes safe. Each works once, should you lose the device.',
    twoFactorVerify: 'Confirm code and turn on',
    twoFactorEnabled: 'The second factor is on.',
    twoFactorDisabled: 'The second factor is off.',
    networksTitle: 'My education networks',
    noNetworks: 'You do not belong to any education network yet.',
    open: 'Open',
  },
};
