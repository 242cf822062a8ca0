import type { outbox as de } from '../de/outbox';
import type { Shape } from '../shape';

/** The outbox ("Postausgang"). */
export const outbox: Shape<typeof de> = {
  outbox: {
    title: 'Outbox',
    smtpMissing: 'No SMTP server is configured. E-mails stay here until sending is set up.',
    smtpMissingTitle: 'Sending not configured',
    statusFilter: 'Status',
    all: 'All',
    statuses: { pending: 'Waiting', sent: 'Sent', failed: 'Failed' },
    tableCaption: 'E-mails in the outbox',
    to: 'To',
    subject: 'Subject',
    created: 'Created',
    sent: 'Sent',
    attempts: 'Attempts',
    show: 'Show',
    showLabel: 'Show e-mail “{{subject}}”',
    retry: 'Send again',
    retryLabel: 'Send e-mail “{{subject}}” again',
    retried: 'The e-mail will be sent again.',
    lastError: 'Last error',
    attachments: 'Attachments',
    body: 'Text of the e-mail',
    none: 'No e-mails in the outbox.',
  },
};
