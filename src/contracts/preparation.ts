import { z } from 'zod';
import { MeetingStatus } from './steering.js';

/*
 * The member's meeting page ("Ihre Sitzung"): what a member or guest reads to prepare a meeting, through
 * the personal link of the invitation or signed in; private notes and questions on items (Rückfragen).
 */

const Reply = z.enum(['attending', 'deputy', 'excused']);

export const ItemQuestion = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  askedByName: z.string(),
  mine: z.boolean(),
  text: z.string(),
  askedAt: z.iso.datetime({ offset: true }),
  answer: z.string().nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.iso.datetime({ offset: true }).nullable(),
});
export type ItemQuestion = z.infer<typeof ItemQuestion>;

export const PreparationPaper = z.object({
  id: z.uuid(),
  title: z.string(),
  version: z.number(),
  fileName: z.string(),
  mimeType: z.string(),
  /** Opens in the browser (PDF inline). */
  url: z.string(),
});

export const PreparationItem = z.object({
  id: z.uuid(),
  number: z.number(),
  title: z.string(),
  kind: z.enum(['information', 'discussion', 'decision']),
  proposal: z.string(),
  presenter: z.string(),
  durationMinutes: z.number().nullable(),
  /** Planned start from the meeting's start and the durations of the items before; null if one is missing. */
  plannedStart: z.iso.datetime({ offset: true }).nullable(),
  papers: z.array(PreparationPaper),
  /** The viewer's private note; only they read it. */
  note: z.string(),
  questions: z.array(ItemQuestion),
});
export type PreparationItem = z.infer<typeof PreparationItem>;

export const Preparation = z.object({
  networkName: z.string(),
  meetingId: z.uuid(),
  title: z.string(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  location: z.string(),
  onlineUrl: z.string().nullable(),
  status: MeetingStatus,
  cancelReason: z.string().nullable(),
  viewer: z.object({
    name: z.string(),
    isGuest: z.boolean(),
    /** False before the invitation reached this person: reply, notes and questions wait for it. */
    invited: z.boolean(),
    hasDeputy: z.boolean(),
    reply: Reply.nullable(),
  }),
  /** Replies, notes and questions are taken while the meeting is being planned. */
  open: z.boolean(),
  items: z.array(PreparationItem),
  /** All papers as one ZIP file; null when there are none. */
  allPapersUrl: z.string().nullable(),
  /** This meeting as an .ics file. */
  calendarUrl: z.string(),
});
export type Preparation = z.infer<typeof Preparation>;

const Text = (max: number, what: string) =>
  z
    .string({ error: `${what}: bitte als Text angeben.` })
    .trim()
    .max(max, { error: `${what}: höchstens ${max} Zeichen.` });

export const NoteInput = z.object({ text: Text(5000, 'Notiz') });
export const QuestionInput = z.object({
  text: Text(2000, 'Rückfrage').min(3, { error: 'Rückfrage: bitte mindestens 3 Zeichen.' }),
});
export const AnswerInput = z.object({
  answer: Text(4000, 'Antwort').min(2, { error: 'Antwort: bitte mindestens 2 Zeichen.' }),
});
export const PreparationReplyInput = z.object({
  reply: z.enum(['attending', 'deputy', 'excused'], {
    error: 'Bitte wählen Sie: Teilnahme, Stellvertretung oder Absage.',
  }),
});

export const PreparationToken = z.object({ token: z.string().min(20).max(100) });
export const TokenItemParams = PreparationToken.extend({ itemId: z.uuid() });
export const TokenPaperParams = PreparationToken.extend({
  paperId: z.uuid(),
  version: z.coerce.number().int().min(1),
});
export const PrepItemParams = z.object({ networkId: z.uuid(), meetingId: z.uuid(), itemId: z.uuid() });
export const QuestionParams = z.object({ networkId: z.uuid(), meetingId: z.uuid(), questionId: z.uuid() });

export const CalendarSubscription = z.object({
  /** The subscription address, shown this once (only its hash is kept). */
  url: z.string(),
});

/** An open question for the office's Start page. */
export const OpenQuestion = ItemQuestion.extend({
  meetingId: z.uuid(),
  meetingTitle: z.string(),
  startsAt: z.iso.datetime({ offset: true }),
  itemNumber: z.number(),
  itemTitle: z.string(),
});
export type OpenQuestion = z.infer<typeof OpenQuestion>;
