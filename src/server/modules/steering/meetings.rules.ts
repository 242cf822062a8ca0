import { DomainError } from '../../http/errors.js';

/**
 * A meeting's life: planned → invited (invitations out) → held (opened at its start; attendance and
 * positions are recorded) → minutes_drafted → minutes_approved (frozen; only corrections); or cancelled
 * while still being planned. Pure: the services load the meeting and call these before writing.
 */
export type MeetingStatus =
  | 'planned'
  | 'invited'
  | 'held'
  | 'minutes_drafted'
  | 'minutes_approved'
  | 'cancelled';

/** Title, times, agenda and guests change only while the meeting is being planned. */
export function assertPlanning(status: MeetingStatus): void {
  if (status !== 'planned' && status !== 'invited') {
    throw new DomainError(
      'steering.meeting_closed',
      status === 'cancelled'
        ? 'Die Sitzung ist abgesagt.'
        : 'Die Sitzung hat bereits stattgefunden; ihre Planung ist abgeschlossen.',
      'conflict',
    );
  }
}

/** Attendance, rounds and decisions are recorded only in an opened meeting. */
export function assertRecording(status: MeetingStatus): void {
  if (status !== 'held') {
    throw new DomainError(
      'steering.meeting_not_held',
      status === 'planned' || status === 'invited'
        ? 'Die Sitzung ist noch nicht eröffnet. Eröffnen Sie sie zu Beginn, dann lassen sich Anwesenheit und Beschlüsse erfassen.'
        : 'Für diese Sitzung werden keine Anwesenheiten oder Beschlüsse mehr erfasst.',
      'conflict',
    );
  }
}

/**
 * A reply to an invitation (through the member's link, or entered by the office) is taken while the
 * meeting is being planned; only a member can send the deputy, a guest attends in person or not.
 */
export function assertReplyAllowed(
  status: MeetingStatus,
  reply: 'attending' | 'deputy' | 'excused',
  isMember: boolean,
): void {
  if (status !== 'planned' && status !== 'invited') {
    throw new DomainError(
      'steering.reply_closed',
      'Für diese Sitzung sind keine Rückmeldungen mehr möglich.',
      'conflict',
    );
  }
  if (reply === 'deputy' && !isMember) {
    throw new DomainError(
      'steering.reply_deputy_guest',
      'Gäste können keine Stellvertretung schicken.',
      'invalid',
    );
  }
}

/** One hour of leeway for setting up the room before a meeting may be opened; not days ahead. */
export const OPENING_LEEWAY_MS = 3_600_000;

export type MeetingActionFlags = {
  edit: boolean;
  cancel: boolean;
  invite: boolean;
  open: boolean;
  opensAt: Date | null;
  record: boolean;
};

/**
 * What the office can do with a meeting now; each flag is true exactly when the matching use case
 * would pass its rule (assertPlanning, assertMayOpen, assertRecording), so the page never offers an
 * action that then fails. Without the right to manage, nothing.
 */
export function meetingActions(
  status: MeetingStatus,
  startsAt: Date,
  now: Date,
  manage: boolean,
): MeetingActionFlags {
  const planning = manage && (status === 'planned' || status === 'invited');
  const opensAt = new Date(startsAt.getTime() - OPENING_LEEWAY_MS);
  return {
    edit: planning,
    cancel: planning,
    invite: planning,
    open: planning && now.getTime() >= opensAt.getTime(),
    opensAt: planning ? opensAt : null,
    record: manage && status === 'held',
  };
}

export function assertMayOpen(status: MeetingStatus, startsAt: Date, now: Date): void {
  assertPlanning(status);
  if (startsAt.getTime() - now.getTime() > OPENING_LEEWAY_MS) {
    throw new DomainError(
      'steering.meeting_not_started',
      'Die Sitzung hat noch nicht begonnen. Anwesenheit und Beschlüsse werden erst in der Sitzung erfasst.',
      'conflict',
    );
  }
}

/**
 * The iCalendar SEQUENCE after a change: calendars that received the invitation need a higher one to
 * accept an update; before invitations went out nobody holds the event yet. A cancellation always counts.
 */
export function nextSequence(status: MeetingStatus, sequence: number, change: 'update' | 'cancel'): number {
  return change === 'cancel' || status === 'invited' ? sequence + 1 : sequence;
}

const frozen =
  'Die Niederschrift ist genehmigt und damit festgeschrieben. Änderungen gehen nur als Berichtigung.';

/**
 * What may happen to the minutes in this meeting status: a draft is generated after the meeting (again
 * and again until approval), edited while drafted, corrected only once approved.
 */
export function assertMinutesStep(status: MeetingStatus, step: 'generate' | 'edit' | 'correct'): void {
  if (step === 'generate' && status !== 'held' && status !== 'minutes_drafted') {
    throw new DomainError(
      status === 'minutes_approved' ? 'steering.minutes_frozen' : 'steering.meeting_not_held',
      status === 'minutes_approved' ? frozen : 'Eine Niederschrift entsteht erst nach der Sitzung.',
      'conflict',
    );
  }
  if (step === 'edit' && status !== 'minutes_drafted') {
    throw new DomainError(
      'steering.minutes_frozen',
      status === 'minutes_approved' ? frozen : 'Erzeugen Sie zuerst den Entwurf der Niederschrift.',
      'conflict',
    );
  }
  if (step === 'correct' && status !== 'minutes_approved') {
    throw new DomainError(
      'steering.minutes_not_approved',
      'Berichtigt wird nur eine genehmigte Niederschrift; einen Entwurf bearbeiten Sie direkt.',
      'conflict',
    );
  }
}
