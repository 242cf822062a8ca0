import { z } from 'zod';
import { NetworkParams } from './common.js';
import { ListExclusionReason } from './contacts.js';

/* Invitations to an event: mailings to distribution lists and chosen people, reminders, decline. */

export const EventParams = NetworkParams.extend({
  eventId: z.uuid({ error: 'Unbekannte Veranstaltung.' }),
});

/** Why somebody got no invitation: the list's reasons, or invited before (never twice). */
export const SkipReason = z.enum([...ListExclusionReason.options, 'already_invited']);
export type SkipReason = z.infer<typeof SkipReason>;

const subject = z
  .string({ error: 'Bitte geben Sie einen Betreff ein.' })
  .trim()
  .min(1, { error: 'Bitte geben Sie einen Betreff ein.' })
  .max(200, { error: 'Der Betreff ist zu lang (höchstens 200 Zeichen).' });
const body = z
  .string({ error: 'Bitte geben Sie einen Text ein.' })
  .trim()
  .min(1, { error: 'Bitte geben Sie einen Text ein.' })
  .max(10_000, { error: 'Der Text ist zu lang (höchstens 10.000 Zeichen).' });

export const InvitationInput = z
  .object({
    kind: z.literal('invitation').default('invitation'),
    listId: z.uuid({ error: 'Unbekannter Verteiler.' }).nullish(),
    personIds: z
      .array(z.uuid({ error: 'Unbekannte Person.' }))
      .max(500, { error: 'Höchstens 500 Personen auf einmal.' })
      .default([]),
    subject,
    body,
  })
  .refine((i) => Boolean(i.listId) || i.personIds.length > 0, {
    error: 'Bitte wählen Sie einen Verteiler oder Personen.',
    path: ['listId'],
  });

export const ReminderInput = z.object({ kind: z.literal('reminder'), subject, body });

export const MailingInput = z.union([ReminderInput, InvitationInput], {
  error: 'Bitte wählen Sie einen Verteiler oder Personen und geben Sie Betreff und Text ein.',
});
export type MailingInput = z.infer<typeof MailingInput>;

export const SkipCounts = z.record(z.string(), z.number().int());

export const Mailing = z.object({
  id: z.uuid(),
  kind: z.enum(['invitation', 'reminder', 'evaluation', 'message']),
  listName: z.string().nullable(),
  subject: z.string(),
  status: z.enum(['queued', 'sending', 'sent']),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  createdByName: z.string().nullable(),
  /** Invitation: people invited by this mailing; reminder: reminders written. */
  recipients: z.number().int(),
  sent: z.number().int(),
  skipped: SkipCounts,
  registered: z.number().int(),
  declined: z.number().int(),
  open: z.number().int(),
});
export type Mailing = z.infer<typeof Mailing>;

export const Invitee = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  invitedAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  answer: z.enum(['registered', 'declined', 'open']),
});
export type Invitee = z.infer<typeof Invitee>;

export const InvitationsOverview = z.object({
  mailings: z.array(Mailing),
  invitees: z.array(Invitee),
  counts: z.object({
    invited: z.number().int(),
    registered: z.number().int(),
    declined: z.number().int(),
    open: z.number().int(),
    /** Those a reminder would go to now. */
    remindable: z.number().int(),
  }),
  lists: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** The prefilled invitation text (title, date, place). */
  draft: z.object({
    subject: z.string(),
    body: z.string(),
    reminderSubject: z.string(),
    reminderBody: z.string(),
  }),
});
export type InvitationsOverview = z.infer<typeof InvitationsOverview>;

export const MailingPreview = z.object({
  recipients: z.number().int(),
  skipped: SkipCounts,
  skippedPeople: z.array(z.object({ name: z.string(), reason: SkipReason })),
  firstRecipient: z.object({ name: z.string(), email: z.string() }).nullable(),
  /** The mail as the first recipient gets it; the personal link shown as "[persönlicher Link]". */
  text: z.string().nullable(),
  subject: z.string(),
});
export type MailingPreview = z.infer<typeof MailingPreview>;

export const PersonCandidate = z.object({
  personId: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
});
export type PersonCandidate = z.infer<typeof PersonCandidate>;
export const CandidatesQuery = z.object({ q: z.string().max(100).default('') });

export const DeclineParams = z.object({ token: z.string().min(10).max(200) });
export const DeclineResult = z.object({ eventTitle: z.string(), declined: z.boolean() });
