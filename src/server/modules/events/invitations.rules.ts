import { formatMeetingTime } from '../../lib/format.js';

/* Invitations: the pure rules — who gets what, the mail texts, the counts. */

export type EventForText = {
  title: string;
  startsAt: Date;
  endsAt: Date;
  venue: string;
  venueAddress: string;
};

/** Where the event is, as one line. */
export const placeOf = (e: EventForText) =>
  [e.venue, e.venueAddress]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(', ') || 'wird noch bekannt gegeben';

/** The office's prefilled invitation: title, date and place; the office edits it before sending. */
export function invitationDraft(e: EventForText, networkName: string) {
  return {
    subject: `Einladung: ${e.title}`,
    body: [
      `herzlich laden wir Sie zur Veranstaltung „${e.title}“ ein.`,
      '',
      `Termin: ${formatMeetingTime(e.startsAt, e.endsAt)}`,
      `Ort: ${placeOf(e)}`,
      '',
      'Bitte melden Sie sich über Ihren persönlichen Link an. Wir freuen uns auf Sie!',
      '',
      'Mit freundlichen Grüßen',
      `Regionales Bildungsbüro – ${networkName}`,
    ].join('\n'),
    reminderSubject: `Erinnerung: ${e.title}`,
    reminderBody: [
      `wir möchten Sie an unsere Einladung zur Veranstaltung „${e.title}“ erinnern.`,
      '',
      `Termin: ${formatMeetingTime(e.startsAt, e.endsAt)}`,
      `Ort: ${placeOf(e)}`,
      '',
      'Bitte melden Sie sich über Ihren persönlichen Link an oder sagen Sie ab, wenn Sie nicht teilnehmen können.',
      '',
      'Mit freundlichen Grüßen',
      `Regionales Bildungsbüro – ${networkName}`,
    ].join('\n'),
  };
}

/**
 * The mail of one invitee: salutation, the office's text, the personal link (register or decline),
 * the public registration page for public events (to pass on), and for people of the address book the
 * link to stop further mails (as every list mail has).
 */
export function invitationMailText(p: {
  salutation: string;
  body: string;
  personalLink: string;
  publicUrl: string | null;
  withdrawalLink: string | null;
}): string {
  const lines = [
    p.salutation,
    '',
    p.body.trim(),
    '',
    `Ihre persönliche Anmeldung (auch zum Absagen): ${p.personalLink}`,
    'Dieser Link ist persönlich: Bitte leiten Sie die E-Mail nicht weiter.',
  ];
  if (p.publicUrl) lines.push(`Kolleginnen und Kollegen können sich hier anmelden: ${p.publicUrl}`);
  lines.push('', 'Den Termin für Ihren Kalender finden Sie im Anhang.');
  if (p.withdrawalLink)
    lines.push(
      '',
      '-- ',
      'Sie erhalten diese E-Mail, weil Sie im Adressbuch des Bildungsnetzwerks stehen.',
      `Keine weiteren E-Mails: ${p.withdrawalLink}`,
    );
  return `${lines.join('\n')}\n`;
}

export type InviteeState = {
  invitedAt: Date | null;
  registrationId: string | null;
  declinedAt: Date | null;
  remindedAt: Date | null;
};

/** An invitee's answer: registered wins over a decline (they changed their mind and registered). */
export const answerOf = (i: Pick<InviteeState, 'registrationId' | 'declinedAt'>) =>
  i.registrationId ? ('registered' as const) : i.declinedAt ? ('declined' as const) : ('open' as const);

/**
 * Whether a reminder mailing made at `since` still owes this invitee a mail: invited, no answer yet,
 * and not reminded by this (or a later) reminder.
 */
export const owesReminder = (i: InviteeState, since: Date) =>
  i.invitedAt !== null &&
  answerOf(i) === 'open' &&
  (i.remindedAt === null || i.remindedAt.getTime() < since.getTime());

/** Counts of reasons, in a stable order of keys. */
export function tally(reasons: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of [...reasons].sort()) out[r] = (out[r] ?? 0) + 1;
  return out;
}

/** E-mail addresses are compared without case and surrounding spaces (one invitation per address). */
export const normalEmail = (e: string) => e.trim().toLowerCase();

export const skipReasonLabel: Record<string, string> = {
  already_invited: 'bereits eingeladen',
  no_email: 'keine E-Mail-Adresse',
  no_consent: 'keine Einwilligung',
  consent_withdrawn: 'Einwilligung widerrufen',
  erased: 'gelöscht',
};
