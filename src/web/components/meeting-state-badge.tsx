import { useTranslation } from 'react-i18next';
import type { Meeting } from '../../contracts/steering';
import { type MeetingState, meetingState } from '../lib/meeting-state';
import { Badge } from './ui/badge';

// Calm and distinct: each state has its own icon and words, the colour only adds to them; the warning
// triangle is kept for what is wrong, which none of these states is.
const look: Record<MeetingState['key'], { kind: 'info' | 'success' | 'warning' | 'danger'; icon: string }> = {
  planned: { kind: 'info', icon: 'draft' },
  invited: { kind: 'info', icon: 'mail' },
  today: { kind: 'warning', icon: 'calendar-today' },
  running: { kind: 'warning', icon: 'autorenew' },
  followUp: { kind: 'warning', icon: 'edit' },
  done: { kind: 'success', icon: 'success' },
  cancelled: { kind: 'danger', icon: 'close' },
};

/** The meeting's display state as a badge, e.g. "Nachbereitung: Niederschrift im Umlauf". */
export function MeetingStateBadge({
  meeting,
  now = new Date(),
}: {
  meeting: Pick<Meeting, 'status' | 'startsAt' | 'endsAt' | 'minutesStatus'>;
  now?: Date;
}) {
  const { t } = useTranslation();
  const state = meetingState(meeting, now);
  const { kind, icon } = look[state.key];
  return (
    <Badge kind={kind} icon={icon}>
      {state.key === 'followUp'
        ? t('meetings.states.followUpWith', { minutes: t(`meetings.states.minutes.${state.minutes}`) })
        : t(`meetings.states.${state.key}`)}
    </Badge>
  );
}
