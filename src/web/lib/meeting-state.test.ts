import { describe, expect, it } from 'vitest';
import type { Meeting } from '../../contracts/steering';
import { meetingState } from './meeting-state';

// A meeting on Thursday 11 March 2027, 14:00–16:00 Berlin time (CET, UTC+1).
const at = (status: Meeting['status'], minutesStatus: Meeting['minutesStatus'] = null) => ({
  status,
  minutesStatus,
  startsAt: '2027-03-11T13:00:00.000Z',
  endsAt: '2027-03-11T15:00:00.000Z',
});
const weekBefore = new Date('2027-03-04T10:00:00Z');
const morning = new Date('2027-03-11T08:00:00Z');
// 00:30 in Berlin is still the same day there, though 23:30 UTC of the day before.
const justAfterMidnight = new Date('2027-03-10T23:30:00Z');
const during = new Date('2027-03-11T14:00:00Z');
const after = new Date('2027-03-12T09:00:00Z');

describe('meetingState: one display state from status, time and minutes', () => {
  it.each([
    ['planned', null, weekBefore, 'planned', 'upcoming', undefined],
    ['invited', null, weekBefore, 'invited', 'upcoming', undefined],
    ['invited', null, morning, 'today', 'upcoming', undefined],
    ['planned', null, justAfterMidnight, 'today', 'upcoming', undefined],
    ['invited', null, during, 'running', 'upcoming', undefined],
    ['held', null, during, 'running', 'upcoming', undefined],
    ['held', null, after, 'followUp', 'followUp', 'open'],
    ['invited', null, after, 'followUp', 'followUp', 'notOpened'],
    ['minutes_drafted', 'draft', after, 'followUp', 'followUp', 'draft'],
    // The walk's finding: a held meeting with minutes in circulation is not "Anstehend".
    ['minutes_drafted', 'circulated', after, 'followUp', 'followUp', 'circulating'],
    ['minutes_approved', 'approved', after, 'done', 'done', undefined],
    ['cancelled', null, weekBefore, 'cancelled', 'done', undefined],
    ['cancelled', null, after, 'cancelled', 'done', undefined],
  ] as const)('%s (minutes %s) at %s → %s in %s (%s)', (status, minutes, now, key, group, detail) => {
    const state = meetingState(at(status, minutes), now);
    expect(state.key).toBe(key);
    expect(state.group).toBe(group);
    expect('minutes' in state ? state.minutes : undefined).toBe(detail);
  });
});
