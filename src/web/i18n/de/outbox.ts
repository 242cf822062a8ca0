/** The outbox ("Postausgang"). */
export const outbox = {
  outbox: {
    title: 'Postausgang',
    smtpMissing:
      'Es ist kein SMTP-Server eingerichtet. E-Mails bleiben hier, bis der Versand eingerichtet ist.',
    smtpMissingTitle: 'Kein Versand eingerichtet',
    statusFilter: 'Status',
    all: 'Alle',
    statuses: { pending: 'Wartend', sent: 'Versendet', failed: 'Fehlgeschlagen' },
    tableCaption: 'E-Mails im Postausgang',
    to: 'An',
    subject: 'Betreff',
    created: 'Erstellt',
    sent: 'Versendet',
    attempts: 'Versuche',
    show: 'Anzeigen',
    showLabel: 'E-Mail „{{subject}}“ anzeigen',
    retry: 'Erneut senden',
    retryLabel: 'E-Mail „{{subject}}“ erneut senden',
    retried: 'Die E-Mail wird erneut versendet.',
    lastError: 'Letzter Fehler',
    attachments: 'Anhänge',
    body: 'Text der E-Mail',
    none: 'Keine E-Mails im Postausgang.',
  },
};
