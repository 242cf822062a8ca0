import { and, asc, desc, eq, gt, gte, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { ownMember } from './committee.repository.js';
import {
  committeeMember,
  meeting,
  meetingRecipient,
  procedureVote,
  writtenProcedure,
} from './steering.tables.js';

/*
 * The short lists Start shows: each query reads a handful of rows through an index that leads with
 * network_id, never a network's whole history. Drizzle only; the service decides who sees which.
 */

const DAY_MS = 86_400_000;

// Drizzle writes a one-table query's columns unqualified, which inside these correlated subqueries
// would name the inner table; so they are written out with their tables.

/** The latest minutes' state of the row's meeting, as a column of the meeting query. */
const minutesStatus = sql<'draft' | 'circulated' | 'approved' | null>`(
  SELECT mv.status FROM minutes_version mv WHERE mv.meeting_id = "meeting"."id"
  ORDER BY mv.version DESC LIMIT 1)`;

const meetingRef = {
  id: meeting.id,
  title: meeting.title,
  startsAt: meeting.startsAt,
  endsAt: meeting.endsAt,
  location: meeting.location,
  status: meeting.status,
  minutesStatus,
};

const itemCount = sql<number>`(
  SELECT count(*)::int FROM agenda_item ai WHERE ai.meeting_id = "meeting"."id" AND ai.status <> 'moved')`;

/**
 * The person's committee memberships in the network (a deputy is a membership of its own): linked to
 * the account, or recognised by the e-mail address the office entered, as for the calendar link.
 */
export async function memberIdsOf(db: Db, networkId: string, userId: string, email: string) {
  const rows = await db
    .select({ id: committeeMember.id })
    .from(committeeMember)
    .where(and(eq(committeeMember.networkId, networkId), ownMember(userId, email)));
  return rows.map((r) => r.id);
}

/** Invitations of these memberships still unanswered, for meetings that have not begun. */
export async function unansweredInvitations(db: Db, networkId: string, memberIds: string[], now: Date) {
  return db
    .selectDistinct(meetingRef)
    .from(meetingRecipient)
    .innerJoin(meeting, eq(meeting.id, meetingRecipient.meetingId))
    .where(
      and(
        eq(meetingRecipient.networkId, networkId),
        inArray(meetingRecipient.memberId, memberIds),
        isNull(meetingRecipient.reply),
        inArray(meeting.status, ['planned', 'invited']),
        gt(meeting.startsAt, now),
      ),
    )
    .orderBy(asc(meeting.startsAt))
    .limit(10);
}

/** Open procedures these memberships vote in, the next deadline first, with their answer so far. */
export async function openVotesOf(db: Db, networkId: string, memberIds: string[], now: Date) {
  return db
    .select({
      id: writtenProcedure.id,
      title: writtenProcedure.title,
      proposal: writtenProcedure.proposal,
      deadline: writtenProcedure.deadline,
      stance: procedureVote.stance,
      reason: procedureVote.reason,
    })
    .from(procedureVote)
    .innerJoin(writtenProcedure, eq(writtenProcedure.id, procedureVote.procedureId))
    .where(
      and(
        eq(procedureVote.networkId, networkId),
        inArray(procedureVote.memberId, memberIds),
        eq(writtenProcedure.status, 'open'),
        gt(writtenProcedure.deadline, now),
      ),
    )
    .orderBy(asc(writtenProcedure.deadline))
    .limit(10);
}

/** Meetings after the meeting itself: held, or with minutes not yet approved; the latest first. */
export async function meetingsToFollowUp(db: Db, networkId: string) {
  return db
    .select(meetingRef)
    .from(meeting)
    .where(and(eq(meeting.networkId, networkId), inArray(meeting.status, ['held', 'minutes_drafted'])))
    .orderBy(desc(meeting.startsAt))
    .limit(10);
}

/** The next meeting not cancelled that has not ended, with how many items and papers it has. */
export async function nextMeeting(db: Db, networkId: string, now: Date) {
  const [m] = await db
    .select({
      ...meetingRef,
      items: itemCount,
      papers: sql<number>`(
        SELECT count(*)::int FROM paper p JOIN agenda_item ai ON ai.id = p.item_id
        WHERE ai.meeting_id = "meeting"."id" AND ai.status <> 'moved')`,
    })
    .from(meeting)
    .where(
      and(
        eq(meeting.networkId, networkId),
        // No meeting lasts a day: the bound keeps the index range short.
        gte(meeting.startsAt, new Date(now.getTime() - DAY_MS)),
        gt(meeting.endsAt, now),
        ne(meeting.status, 'cancelled'),
      ),
    )
    .orderBy(asc(meeting.startsAt))
    .limit(1);
  return m;
}

/** Upcoming meetings still in planning, with agenda size and how many members were invited / answered. */
export async function upcomingPlanning(db: Db, networkId: string, now: Date) {
  return db
    .select({
      ...meetingRef,
      items: itemCount,
      invited: sql<number>`(
        SELECT count(*)::int FROM meeting_recipient r
        WHERE r.meeting_id = "meeting"."id" AND r.member_id IS NOT NULL)`,
      missing: sql<number>`(
        SELECT count(*)::int FROM meeting_recipient r
        WHERE r.meeting_id = "meeting"."id" AND r.member_id IS NOT NULL AND r.reply IS NULL)`,
    })
    .from(meeting)
    .where(
      and(
        eq(meeting.networkId, networkId),
        gt(meeting.startsAt, now),
        inArray(meeting.status, ['planned', 'invited']),
      ),
    )
    .orderBy(asc(meeting.startsAt))
    .limit(10);
}

/** The network's open procedures, the next deadline first, with how many answers are in. */
export async function openProcedures(db: Db, networkId: string) {
  return db
    .select({
      id: writtenProcedure.id,
      title: writtenProcedure.title,
      deadline: writtenProcedure.deadline,
      total: sql<number>`(
        SELECT count(*)::int FROM procedure_vote v WHERE v.procedure_id = "written_procedure"."id")`,
      answered: sql<number>`(
        SELECT count(*)::int FROM procedure_vote v
        WHERE v.procedure_id = "written_procedure"."id" AND v.stance IS NOT NULL)`,
    })
    .from(writtenProcedure)
    .where(and(eq(writtenProcedure.networkId, networkId), eq(writtenProcedure.status, 'open')))
    .orderBy(asc(writtenProcedure.deadline))
    .limit(5);
}
