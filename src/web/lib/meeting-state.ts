import type { Meeting } from '../../contracts/steering';

/**
 * What a meeting is to its readers now, derived from its status, its time and its minutes: the
 * stored status says what was done (invitations sent, opened, minutes approved), the clock says
 * whether it lies ahead, runs or is over. One function for the list, the meeting page and Start.
 */
export type MeetingState =
  | { key: 'planned' | 'invited' | 'today' | 'running' | 'done' | 'cancelled'; group: MeetingGroup }
  | {
      key: 'followUp';
      group: 'followUp';
      /** notOpened: its time passed without being opened; open: no minutes yet. */
      minutes: 'notOpened' | 'open' | 'draft' | 'circulating';
    };
export type MeetingGroup = 'upcoming' | 'followUp' | 'done';

const berlinDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function meetingState(
  m: Pick<Meeting, 'status' | 'startsAt' | 'endsAt' | 'minutesStatus'>,
  now: Date,
): MeetingState {
  const starts = new Date(m.startsAt);
  const ends = new Date(m.endsAt);
  switch (m.status) {
    case 'cancelled':
      return { key: 'cancelled', group: 'done' };
    case 'minutes_approved':
      return { key: 'done', group: 'done' };
    case 'minutes_drafted':
      return {
        key: 'followUp',
        group: 'followUp',
        minutes: m.minutesStatus === 'circulated' ? 'circulating' : 'draft',
      };
    case 'held':
      return now < ends
        ? { key: 'running', group: 'upcoming' }
        : { key: 'followUp', group: 'followUp', minutes: 'open' };
    default:
      if (now >= ends) return { key: 'followUp', group: 'followUp', minutes: 'notOpened' };
      if (now >= starts) return { key: 'running', group: 'upcoming' };
      if (berlinDay.format(starts) === berlinDay.format(now)) return { key: 'today', group: 'upcoming' };
      return { key: m.status, group: 'upcoming' };
  }
}
