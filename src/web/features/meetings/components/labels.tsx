import { useTranslation } from 'react-i18next';
import type { AgendaItem, Meeting } from '../../../../contracts/steering';
import { Badge } from '../../../components/ui';
import { formatTimeRange, formatWeekdayDate } from '../../../lib/format';

export const decisionTypes = [
  'goal',
  'work_plan',
  'work_order',
  'recommendation',
  'contract_amendment',
  'procedural',
] as const;
export const itemKinds = ['information', 'discussion', 'decision'] as const;

const berlinParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
/** An instant as Berlin wall-clock parts: { day: '2027-03-12', time: '14:00' }. */
export function berlinLocal(iso: string): { day: string; time: string } {
  const p = Object.fromEntries(berlinParts.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** "Freitag, 12.03.2027" in Europe/Berlin. */
export const formatMeetingDay = formatWeekdayDate;

/** "von 14:00 bis 16:00 Uhr" in Europe/Berlin. */
export function useTimeRange() {
  return (m: Pick<Meeting, 'startsAt' | 'endsAt'>) => formatTimeRange(m.startsAt, m.endsAt);
}

export function ItemStatusBadge({ status }: { status: AgendaItem['status'] }) {
  const { t } = useTranslation();
  if (status === 'open') return null;
  const kind = status === 'decided' ? 'success' : status === 'withdrawn' ? 'danger' : 'info';
  return <Badge kind={kind}>{t(`meetings.itemStatuses.${status}`)}</Badge>;
}

/** Planning is open until the meeting is held or cancelled (the server refuses otherwise). */
export const planning = (m: Pick<Meeting, 'status'>) => m.status === 'planned' || m.status === 'invited';
