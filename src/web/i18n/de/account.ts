/** The own account: profile, password, second factor. */
export const account = {
  account: {
    title: 'Konto',
    profile: 'Persönliche Angaben',
    nameSaved: 'Ihr Name ist gespeichert.',
    passwordTitle: 'Passwort ändern',
    currentPassword: 'Aktuelles Passwort',
    newPassword: 'Neues Passwort',
    passwordSaved: 'Ihr Passwort ist geändert.',
    passwordSubmit: 'Passwort ändern',
    twoFactorTitle: 'Zweiter Faktor (Authenticator-App)',
    twoFactorOn: 'Der zweite Faktor ist eingeschaltet.',
    twoFactorOff: 'Der zweite Faktor ist ausgeschaltet.',
    twoFactorRequired:
      'Das Bildungsnetzwerk „{{networks}}“ verlangt einen zweiten Faktor. Richten Sie ihn hier ein; danach haben Sie wieder Zugriff.',
    twoFactorEnable: 'Zweiten Faktor einrichten',
    twoFactorDisable: 'Zweiten Faktor ausschalten',
    twoFactorPasswordHint: 'Zur Bestätigung Ihr aktuelles Passwort.',
    twoFactorUri: 'Schlüssel für die Authenticator-App',
    twoFactorUriHint:
      'Tragen Sie diesen Schlüssel in Ihre Authenticator-App ein (z. B. über „Schlüssel eingeben“). Geben Sie danach den angezeigten Code ein.',
    backupCodes: 'Ersatzcodes',
    backupCodesHint:
      'Bewahren Sie diese Codes sicher auf. Jeder Code gilt einmal, falls Sie das Gerät verlieren.',
    twoFactorVerify: 'Code bestätigen und einschalten',
    twoFactorEnabled: 'Der zweite Faktor ist eingeschaltet.',
    twoFactorDisabled: 'Der zweite Faktor ist ausgeschaltet.',
    networksTitle: 'Meine Bildungsnetzwerke',
    noNetworks: 'Sie gehören noch keinem Bildungsnetzwerk an.',
    open: 'Öffnen',
  },
};
