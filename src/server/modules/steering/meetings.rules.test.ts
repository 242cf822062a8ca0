import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../../../tests/helpers/rules.js';
import {
  assertMayOpen,
  assertMinutesStep,
  assertPlanning,
  assertRecording,
  assertReplyAllowed,
  type MeetingStatus,
  meetingActions,
  nextSequence,
} from './meetings.rules.js';

const statuses: MeetingStatus[] = [
  'planned',
  'invited',
  'held',
  'minutes_drafted',
  'minutes_approved',
  'cancelled',
];

describe('the meeting life cycle', () => {
  // status            planning                    recording                    generate minutes              edit minutes               correct minutes
  const table: Record<MeetingStatus, [string, string, string, string, string]> = {
    planned: [
      'ok',
      'steering.meeting_not_held',
      'steering.meeting_not_held',
      'steering.minutes_frozen',
      'steering.minutes_not_approved',
    ],
    invited: [
      'ok',
      'steering.meeting_not_held',
      'steering.meeting_not_held',
      'steering.minutes_frozen',
      'steering.minutes_not_approved',
    ],
    held: ['steering.meeting_closed', 'ok', 'ok', 'steering.minutes_frozen', 'steering.minutes_not_approved'],
    minutes_drafted: [
      'steering.meeting_closed',
      'steering.meeting_not_held',
      'ok',
      'ok',
      'steering.minutes_not_approved',
    ],
    minutes_approved: [
      'steering.meeting_closed',
      'steering.meeting_not_held',
      'steering.minutes_frozen',
      'steering.minutes_frozen',
      'ok',
    ],
    cancelled: [
      'steering.meeting_closed',
      'steering.meeting_not_held',
      'steering.meeting_not_held',
      'steering.minutes_frozen',
      'steering.minutes_not_approved',
    ],
  };
  it.each(statuses)('%s', (status) => {
    expect([
      errorCodeOf(() => assertPlanning(status)),
      errorCodeOf(() => assertRecording(status)),
      errorCodeOf(() => assertMinutesStep(status, 'generate')),
      errorCodeOf(() => assertMinutesStep(status, 'edit')),
      errorCodeOf(() => assertMinutesStep(status, 'correct')),
    ]).toEqual(table[status]);
  });

  it('tells a cancelled meeting apart from one that took place', () => {
    expect(() => assertPlanning('cancelled')).toThrow('abgesagt');
    expect(() => assertPlanning('held')).toThrow('stattgefunden');
  });
});

describe('opening a meeting', () => {
  const start = new Date('2027-03-12T13:00:00Z');
  it.each([
    ['a day ahead', '2027-03-11T13:00:00Z', 'planned', 'steering.meeting_not_started'],
    ['61 minutes ahead', '2027-03-12T11:59:00Z', 'invited', 'steering.meeting_not_started'],
    ['exactly one hour ahead (setting up the room)', '2027-03-12T12:00:00Z', 'invited', 'ok'],
    ['at the start', '2027-03-12T13:00:00Z', 'planned', 'ok'],
    ['a week late (entered afterwards)', '2027-03-19T13:00:00Z', 'invited', 'ok'],
    ['when cancelled', '2027-03-12T13:00:00Z', 'cancelled', 'steering.meeting_closed'],
    ['twice', '2027-03-12T13:00:00Z', 'held', 'steering.meeting_closed'],
  ] as const)('%s → %s', (_name, now, status, expected) => {
    expect(errorCodeOf(() => assertMayOpen(status, start, new Date(now)))).toBe(expected);
  });
});

describe('the calendar SEQUENCE', () => {
  it.each([
    ['planned', 'update', 0],
    ['invited', 'update', 1],
    ['planned', 'cancel', 1],
    ['invited', 'cancel', 1],
  ] as const)('%s, %s → +%i', (status, change, plus) => {
    expect(nextSequence(status, 3, change)).toBe(3 + plus);
  });
});

describe('replies to an invitation', () => {
  it.each(statuses)('are taken only while the meeting is planned or invited (%s)', (status) => {
    const open = status === 'planned' || status === 'invited';
    expect(errorCodeOf(() => assertReplyAllowed(status, 'attending', true))).toBe(
      open ? 'ok' : 'steering.reply_closed',
    );
  });
  it.each([
    ['deputy', true, 'ok'],
    ['deputy', false, 'steering.reply_deputy_guest'],
    ['excused', false, 'ok'],
    ['attending', false, 'ok'],
  ] as const)('%s from a member=%s → %s', (reply, isMember, code) => {
    expect(errorCodeOf(() => assertReplyAllowed('invited', reply, isMember))).toBe(code);
  });
});

describe('what the meeting page offers (meetingActions), in step with the rules that would run', () => {
  const start = new Date('2027-03-12T13:00:00Z');
  const times = {
    'three months before': '2026-12-12T10:00:00Z',
    'two hours before': '2027-03-12T11:00:00Z',
    'one hour before': '2027-03-12T12:00:00Z',
    'during the meeting': '2027-03-12T14:00:00Z',
  };
  for (const status of statuses) {
    for (const [when, now] of Object.entries(times)) {
      it(`${status}, ${when}: open offered exactly when assertMayOpen passes`, () => {
        const a = meetingActions(status, start, new Date(now), true);
        expect(a.open).toBe(errorCodeOf(() => assertMayOpen(status, start, new Date(now))) === 'ok');
        expect(a.edit).toBe(errorCodeOf(() => assertPlanning(status)) === 'ok');
        expect(a.cancel).toBe(a.edit);
        expect(a.record).toBe(errorCodeOf(() => assertRecording(status)) === 'ok');
      });
    }
  }
  it('says from when opening will be accepted, and offers nothing without the right to manage', () => {
    expect(meetingActions('invited', start, new Date(times['three months before']), true).opensAt).toEqual(
      new Date('2027-03-12T12:00:00Z'),
    );
    expect(meetingActions('invited', start, new Date(times['during the meeting']), false)).toEqual({
      edit: false,
      cancel: false,
      invite: false,
      open: false,
      opensAt: null,
      record: false,
    });
  });
});
