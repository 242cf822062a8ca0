import { z } from 'zod';
import { DueEventTask } from './events-planning.js';
import { MeetingStatus, Stance } from './steering.js';

/*
 * Start: what needs the signed-in person now, one list per kind of errand. Each entry carries the ids
 * its link needs; the web app words and links it. Lists are short (a few entries each), never a
 * network's whole history.
 */

const Instant = z.iso.datetime({ offset: true });

const MeetingRef = z.object({
  id: z.uuid(),
  title: z.string(),
  startsAt: Instant,
  endsAt: Instant,
  location: z.string(),
  status: MeetingStatus,
  /** The latest minutes' state, for the meeting's display state. */
  minutesStatus: z.enum(['draft', 'circulated', 'approved']).nullable(),
});
export type MeetingRef = z.infer<typeof MeetingRef>;

export const MemberWork = z.object({
  /** Invitations the member has not answered; the answer is possible until the meeting begins. */
  repliesDue: z.array(MeetingRef),
  /** Open written procedures the member may vote in, with the member's answer so far. */
  procedures: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      proposal: z.string(),
      deadline: Instant,
      stance: Stance.nullable(),
      reason: z.string().nullable(),
    }),
  ),
  /** Meetings whose minutes are out for comment. */
  minutesCirculating: z.array(MeetingRef),
  /** The next meeting (not cancelled) with the number of papers on its agenda. */
  nextMeeting: MeetingRef.extend({ papers: z.number().int(), items: z.number().int() }).nullable(),
});
export type MemberWork = z.infer<typeof MemberWork>;

export const OfficeWork = z.object({
  /** Upcoming meetings without sent invitations or without an agenda. */
  toPrepare: z.array(MeetingRef.extend({ items: z.number().int() })),
  /** Upcoming invited meetings with members who have not answered. */
  repliesMissing: z.array(MeetingRef.extend({ missing: z.number().int(), invited: z.number().int() })),
  /** Held meetings whose minutes are not approved yet. */
  toFollowUp: z.array(MeetingRef),
  /** Open written procedures, the next deadline first. */
  proceduresClosing: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      deadline: Instant,
      answered: z.number().int(),
      total: z.number().int(),
    }),
  ),
  /** Mails that could not be delivered after every attempt. */
  mailsFailed: z.number().int(),
});
export type OfficeWork = z.infer<typeof OfficeWork>;

/**
 * `member` for a person on the committee, `office` for the office; either may be absent.
 * `eventSteps`: open steps of the events' checklists overdue or due within 14 days, for those who
 * manage events (null for everyone else).
 */
export const Dashboard = z.object({
  member: MemberWork.nullable(),
  office: OfficeWork.nullable(),
  eventSteps: z.array(DueEventTask).nullable(),
});
export type Dashboard = z.infer<typeof Dashboard>;
