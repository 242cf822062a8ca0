import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeskBucket, DeskItem } from '../../../../contracts/work-desk';
import {
  Badge,
  Button,
  ErrorAlert,
  Loading,
  Page,
  ProgressBar,
  Section,
  StatusMessage,
  TextField,
} from '../../../components/ui';
import { WorkItemLink } from '../../../components/work-item-link';
import { formatDay } from '../../../lib/format';
import { calendarLinkQuery, deskQuery, renewCalendarLink, revokeCalendarLink } from '../api';
import { ExportLinks } from './export-links';

const sections: Array<{
  bucket: DeskBucket;
  title: 'workDesk.overdue' | 'workDesk.thisMonth' | 'workDesk.later';
}> = [
  { bucket: 'overdue', title: 'workDesk.overdue' },
  { bucket: 'this_month', title: 'workDesk.thisMonth' },
  { bucket: 'later', title: 'workDesk.later' },
];

/**
 * The office member's desk: their own open work orders and tasks in three sections (overdue, due this
 * month, later), each grouped by field of action; the year's exports; the calendar subscription.
 */
export function DeskPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const desk = useQuery(deskQuery(networkId));
  const d = desk.data;
  return (
    <Page
      title={t('workDesk.title')}
      intro={
        d
          ? `${t('workDesk.intro')} ${t('workDesk.summary', { overdue: d.counts.overdue, thisMonth: d.counts.thisMonth, later: d.counts.later })}`
          : t('workDesk.intro')
      }
    >
      <ErrorAlert error={desk.error} />
      {desk.isPending ? <Loading /> : null}
      {d && d.items.length === 0 ? <p className="kern-body">{t('workDesk.empty')}</p> : null}
      {d && d.items.length > 0
        ? sections.map((s) => (
            <Section
              key={s.bucket}
              id={`desk-${s.bucket}`}
              title={`${t(s.title)} (${d.items.filter((i) => i.bucket === s.bucket).length})`}
            >
              <BucketList networkId={networkId} items={d.items.filter((i) => i.bucket === s.bucket)} />
            </Section>
          ))
        : null}
      <ExportSection
        networkId={networkId}
        defaultYear={Number((d?.today ?? new Date().toISOString()).slice(0, 4))}
      />
      <CalendarSection networkId={networkId} />
    </Page>
  );
}

/** One section's items, grouped by field of action (in the order the server sorted them). */
function BucketList({ networkId, items }: { networkId: string; items: DeskItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="kern-body">{t('workDesk.none')}</p>;
  const groups = new Map<string, DeskItem[]>();
  for (const i of items) {
    const key = i.fieldName ?? t('workDesk.noField');
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  return (
    <>
      {[...groups.entries()].map(([field, list]) => (
        <div key={field} className="bn-desk-group">
          <h3 className="kern-heading-small">{field}</h3>
          <ul className="bn-card-list bn-card-list--plain">
            {list.map((i) => (
              <DeskEntry key={`${i.kind}-${i.id}`} networkId={networkId} item={i} />
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

function DeskEntry({ networkId, item }: { networkId: string; item: DeskItem }) {
  const { t } = useTranslation();
  return (
    <li className="kern-body">
      <WorkItemLink networkId={networkId} item={item} />
      <br />
      <span className={item.bucket === 'overdue' ? 'bn-overdue' : undefined}>
        {item.dueOn ? t('workDesk.due', { date: formatDay(item.dueOn) }) : t('workDesk.noDue')}
      </span>
      {' · '}
      {t(`workDesk.status.${item.status}`)}
      {' · '}
      <ProgressBar
        value={item.progress}
        label={`${t('workDesk.progress')} ${t('workDesk.progressValue', { value: item.progress })}`}
      />
      {item.kind === 'task' && item.projectTitle ? (
        <>
          {' · '}
          {t('workDesk.inProject', { project: item.projectTitle })}
        </>
      ) : null}
      {item.fieldEndedOn ? (
        <>
          {' '}
          <Badge kind="warning">{t('workDesk.fieldEnded', { date: formatDay(item.fieldEndedOn) })}</Badge>
        </>
      ) : null}
    </li>
  );
}

/** The year's programme for the committee: PDF (whole or only the orders) and Excel. */
function ExportSection({ networkId, defaultYear }: { networkId: string; defaultYear: number }) {
  const { t } = useTranslation();
  const [year, setYear] = useState(String(defaultYear));
  const valid = /^\d{4}$/.test(year);
  const y = valid ? Number(year) : defaultYear;
  return (
    <Section id="desk-export" title={t('workDesk.exportTitle')}>
      <p className="kern-body">{t('workDesk.exportIntro')}</p>
      <div className="bn-form">
        <TextField
          label={t('workDesk.year')}
          hint={t('workDesk.yearHint')}
          inputMode="numeric"
          value={year}
          onChange={(e) => setYear(e.target.value.trim())}
          error={valid ? null : t('workDesk.yearHint')}
          className="bn-input--short"
        />
      </div>
      <ExportLinks networkId={networkId} year={y} />
    </Section>
  );
}

/** The personal calendar feed of due dates: created or renewed (shown once), or ended. */
function CalendarSection({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const status = useQuery(calendarLinkQuery(networkId));
  const [url, setUrl] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: calendarLinkQuery(networkId).queryKey });
  const renew = useMutation({
    mutationFn: () => renewCalendarLink(networkId),
    onSuccess: (r) => {
      setUrl(r.url);
      setMessage(t('workDesk.calendarCreated'));
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: () => revokeCalendarLink(networkId),
    onSuccess: () => {
      setUrl(null);
      setMessage(t('workDesk.calendarRevoked'));
      void refresh();
    },
  });
  const active = status.data?.active ?? false;
  return (
    <Section id="desk-calendar" title={t('workDesk.calendarTitle')}>
      <p className="kern-body">{t('workDesk.calendarIntro')}</p>
      <ErrorAlert error={status.error ?? renew.error ?? revoke.error} />
      {status.data ? (
        <p className="kern-body">{t(active ? 'workDesk.calendarActive' : 'workDesk.calendarMissing')}</p>
      ) : null}
      <StatusMessage message={message} />
      <div className="bn-form">
        {url ? (
          <TextField
            label={t('workDesk.calendarLink')}
            hint={t('workDesk.calendarLinkHint')}
            value={url}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
          />
        ) : null}
        <div className="bn-form__actions">
          <Button type="button" variant="secondary" busy={renew.isPending} onClick={() => renew.mutate()}>
            {active ? t('workDesk.calendarRenew') : t('workDesk.calendarCreate')}
          </Button>
          {active ? (
            <Button type="button" variant="tertiary" busy={revoke.isPending} onClick={() => revoke.mutate()}>
              {t('workDesk.calendarRevoke')}
            </Button>
          ) : null}
        </div>
      </div>
    </Section>
  );
}
