/** Shared words, roles, error messages by code and the error pages. */
export const common = {
  common: {
    save: 'Speichern',
    cancel: 'Abbrechen',
    delete: 'Löschen',
    remove: 'Entfernen',
    close: 'Schließen',
    loading: 'Wird geladen …',
    saved: 'Die Änderungen sind gespeichert.',
    actions: 'Aktionen',
    empty: 'Keine Einträge vorhanden.',
    name: 'Name',
    email: 'E-Mail-Adresse',
    password: 'Passwort',
    passwordRepeat: 'Passwort wiederholen',
    passwordHint: 'Mindestens 10 Zeichen.',
    role: 'Rolle',
    required: 'Pflichtfeld',
    back: 'Zurück',
    date: 'Datum',
    details: 'Details',
  },
  roles: {
    admin: 'Administration',
    office: 'Bildungsbüro',
    committee: 'Lenkungskreis-Mitglied',
    guest: 'Gast (beratend)',
    partner: 'Netzwerkpartner',
  },
  errors: {
    title: 'Das hat nicht geklappt',
    generic: 'Das hat nicht geklappt. Bitte versuchen Sie es erneut.',
    network: 'Der Server ist nicht erreichbar. Bitte prüfen Sie die Verbindung und versuchen Sie es erneut.',
    rate_limited_one: 'Zu viele Versuche in kurzer Zeit. Bitte versuchen Sie es in einer Minute erneut.',
    rate_limited_other:
      'Zu viele Versuche in kurzer Zeit. Bitte versuchen Sie es in {{count}} Minuten erneut.',
    forbidden: 'Dafür fehlt Ihnen in diesem Bildungsnetzwerk die Berechtigung.',
    not_found: 'Der Eintrag wurde nicht gefunden.',
    passwordMismatch: 'Die beiden Passwörter stimmen nicht überein.',
    networks: {
      last_admin:
        'Das Bildungsnetzwerk braucht mindestens eine Administration. Ernennen Sie zuerst eine weitere Person.',
    },
    contract: {
      none: 'Für dieses Bildungsnetzwerk ist noch kein Kooperationsvertrag erfasst.',
      version_overlap: '{{message}}',
      amendment_empty:
        'Eine Änderungsvereinbarung muss ein Handlungsfeld aufnehmen, eines beenden oder einen Abschnitt des Vertragstexts enthalten.',
      field_exists: '{{message}}',
      field_already_ended: '{{message}}',
      field_end_before_start: '{{message}}',
      consent_exists: '{{message}}',
      version_not_draft: '{{message}}',
      consent_in_future: 'Das Datum der Unterschrift liegt in der Zukunft.',
      version_withdrawn: 'An eine zurückgezogene Fassung wird nichts mehr angehängt.',
      owner_name_required: 'Bitte nennen Sie die zuständige Stelle.',
      matter_exists: '{{message}}',
    },
    publicsite: {
      slug_taken: '{{message}}',
      no_recipient:
        'Die Nachricht kann derzeit nicht zugestellt werden. Bitte versuchen Sie es später erneut.',
    },
    files: {
      missing: 'Bitte wählen Sie eine Datei aus.',
    },
    invitations: {
      sign_in_required:
        'Für diese Adresse gibt es schon ein Konto. Bitte melden Sie sich mit dieser E-Mail-Adresse an und öffnen Sie den Link erneut.',
    },
    auth: {
      second_factor_required:
        'Dieses Bildungsnetzwerk verlangt einen zweiten Faktor. Bitte richten Sie ihn in Ihrem Konto ein.',
      invalid_email_or_password: 'E-Mail-Adresse oder Passwort ist falsch.',
      invalid_password: 'Das Passwort ist falsch.',
      invalid_code: 'Der Code ist falsch oder abgelaufen. Bitte geben Sie den aktuellen Code ein.',
      invalid_token: 'Der Link ist ungültig oder abgelaufen. Bitte fordern Sie einen neuen an.',
      password_too_short: 'Das Passwort ist zu kurz (mindestens 10 Zeichen).',
      password_too_long: 'Das Passwort ist zu lang (höchstens 128 Zeichen).',
      user_already_exists: 'Für diese E-Mail-Adresse gibt es bereits ein Konto.',
      invalid_two_factor_cookie: 'Die Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.',
    },
    steering: {
      term_invalid: 'Die Amtszeit endet vor ihrem Beginn.',
      office_no_vote: 'Mitarbeitende des Bildungsbüros nehmen ohne Stimmrecht teil.',
      deputy_of_deputy: 'Eine Stellvertretung kann nicht selbst vertreten werden.',
      field_missing: 'Bitte wählen Sie das Handlungsfeld.',
      deadline_past: 'Die Frist muss in der Zukunft liegen.',
      no_members:
        'Es gibt keine stimmberechtigten Mitglieder, die zustimmen könnten. Bitte erfassen Sie zuerst die Mitglieder des Lenkungskreises.',
      objection_reason: 'Ein Einwand braucht eine Begründung.',
      procedure_closed: 'Die Frist ist abgelaufen; eine Antwort ist nicht mehr möglich.',
      reply_closed: '{{message}}',
      reply_deputy_guest: '{{message}}',
    },
  },
  notFound: {
    title: 'Seite nicht gefunden',
    text: 'Diese Seite gibt es nicht oder Sie haben keinen Zugriff darauf.',
    home: 'Zur Startseite',
  },
  errorPage: {
    title: 'Ein Fehler ist aufgetreten',
    text: 'Die Seite konnte nicht angezeigt werden. Bitte laden Sie die Seite neu.',
    reload: 'Seite neu laden',
    reference: 'Vorgangsnummer: {{id}}',
  },
  linkPage: {
    sub: 'Lenkungskreis',
    subMailing: 'Verteiler',
    footer: 'Dieser Link ist persönlich. Bitte leiten Sie die E-Mail nicht weiter.',
  },
  paging: { loadMore: 'Weitere laden', loading: 'Wird geladen …' },
};
