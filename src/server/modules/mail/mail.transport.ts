import nodemailer from 'nodemailer';
import type { Transport } from './mail.service.js';

/** SMTP delivery through nodemailer; SMTP_URL carries host, port, credentials and TLS. */
export function smtpTransport(smtpUrl: string, from: string): Transport & { close(): void } {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      const info = await transporter.sendMail({
        from,
        to: mail.toName ? { name: mail.toName, address: mail.toAddress } : mail.toAddress,
        subject: mail.subject,
        text: mail.textBody,
        html: mail.htmlBody ?? undefined,
        headers: { 'X-Bildungsnetz-Mail-Id': mail.id },
        attachments: mail.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.contentBase64, 'base64'),
        })),
        // An iCalendar attachment with a METHOD is also offered as the alternative Outlook reads.
        icalEvent: mail.attachments
          .filter((a) => a.method && a.contentType.startsWith('text/calendar'))
          .map((a) => ({
            method: a.method!,
            content: Buffer.from(a.contentBase64, 'base64').toString('utf8'),
          }))[0],
      });
      return { messageId: info.messageId };
    },
    close: () => transporter.close(),
  };
}
