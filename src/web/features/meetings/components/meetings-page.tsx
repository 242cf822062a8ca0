import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Meeting, MeetingInput } from '../../../../contracts/steering';
import { MeetingStateBadge } from '../../../components/meeting-state-badge';
import {
  Button,
  DateField,
  ErrorAlert,
  Loading,
  LoadMore,
  Page,
  Section,
  TableHead,
  TableRegion,
  TextField,
  TimeField,
} from '../../../components/ui';
import { meetingState } from '../../../lib/meeting-state';
import { useCan } from '../../../lib/session';
import { createMeeting, meetingPagesQuery, meetingsKey } from '../api';
import { formatMeetingDay, useTimeRange } from './labels';
import { SeriesPlan } from './series-plan';

/**
 * The steering committee's meetings in three groups: upcoming (soonest first), those to follow up
 * (minutes open or circulating) and those done or cancelled; planning a new one.
 */
export function MeetingsPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const meetings = useInfiniteQuery(meetingPagesQuery(networkId));
  const now = new Date();
  const list = meetings.data?.pages.flatMap((p) => p.items) ?? [];
  const group = (g: string) => list.filter((m) => meetingState(m, now).group === g);
  // The API lists the newest first (pages load further back); upcoming ones read best soonest first.
  const upcoming = group('upcoming').reverse();

  return (
    <Page title={t('meetings.title')} intro={t('meetings.intro')}>
      <ErrorAlert error={meetings.error} />
      {meetings.isPending ? (
        <Loading />
      ) : (
        <>
          <MeetingTable
            networkId={networkId}
            id="meetings-upcoming"
            title={t('meetings.upcoming')}
            empty={t('meetings.noUpcoming')}
            meetings={upcoming}
            now={now}
          />
          <MeetingTable
            networkId={networkId}
            id="meetings-follow-up"
            title={t('meetings.followUp')}
            empty={t('meetings.noFollowUp')}
            meetings={group('followUp')}
            now={now}
          />
          <MeetingTable
            networkId={networkId}
            id="meetings-done"
            title={t('meetings.done')}
            empty={t('meetings.noDone')}
            meetings={group('done')}
            now={now}
          />
          <LoadMore
            hasMore={meetings.hasNextPage}
            loading={meetings.isFetchingNextPage}
            onLoad={() => meetings.fetchNextPage()}
          />
        </>
      )}
      {can('steering.manage') ? <PlanForm networkId={networkId} /> : null}
      {can('steering.manage') ? <SeriesPlan networkId={networkId} /> : null}
    </Page>
  );
}

function MeetingTable({
  networkId,
  id,
  title,
  empty,
  meetings,
  now,
}: {
  networkId: string;
  id: string;
  title: string;
  empty: string;
  meetings: Meeting[];
  now: Date;
}) {
  const { t } = useTranslation();
  const range = useTimeRange();
  return (
    <Section title={title} id={id}>
      {meetings.length === 0 ? (
        <p className="kern-body">{empty}</p>
      ) : (
        <TableRegion labelledBy={id}>
          <table className="kern-table bn-table">
            <TableHead
              columns={[
                t('meetings.when'),
                t('meetings.meetingTitle'),
                t('meetings.place'),
                t('meetings.status'),
              ]}
            />
            <tbody className="kern-table__body">
              {meetings.map((m) => (
                <tr className="kern-table__row" key={m.id}>
                  <td className="kern-table__cell bn-nowrap">
                    {formatMeetingDay(m.startsAt)}
                    <br />
                    <span className="bn-muted">{range(m)}</span>
                  </td>
                  <td className="kern-table__cell bn-break">
                    <Link
                      to="/n/$networkId/lenkungskreis/sitzungen/$meetingId"
                      params={{ networkId, meetingId: m.id }}
                      className="kern-link"
                    >
                      {m.title}
                    </Link>
                  </td>
                  <td className="kern-table__cell bn-break">
                    {m.location || '–'}
                    {m.onlineUrl ? (
                      <>
                        <br />
                        <span className="bn-muted">{t('meetings.online')}</span>
                      </>
                    ) : null}
                  </td>
                  <td className="kern-table__cell">
                    <MeetingStateBadge meeting={m} now={now} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </Section>
  );
}

/** Date, start and end as the office types them; the API reads them as Berlin wall-clock time. */
export function meetingInputFrom(fd: FormData): MeetingInput {
  const day = String(fd.get('day') ?? '');
  return {
    title: String(fd.get('title') ?? ''),
    startsAt: `${day}T${String(fd.get('from') ?? '')}`,
    endsAt: `${day}T${String(fd.get('to') ?? '')}`,
    location: String(fd.get('location') ?? ''),
    onlineUrl: String(fd.get('onlineUrl') ?? ''),
  };
}

export function MeetingFields({ values }: { values?: Partial<Record<string, string>> }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('meetings.meetingTitle')}
        name="title"
        required
        minLength={3}
        defaultValue={values?.title ?? t('meetings.defaultTitle')}
      />
      <DateField label={t('common.date')} name="day" required defaultValue={values?.day} />
      <div className="bn-meeting-times">
        <TimeField label={t('meetings.from')} name="from" required defaultValue={values?.from ?? '14:00'} />
        <TimeField label={t('meetings.to')} name="to" required defaultValue={values?.to ?? '16:00'} />
      </div>
      <TextField label={t('meetings.place')} name="location" defaultValue={values?.location} />
      <TextField
        label={t('meetings.onlineUrl')}
        name="onlineUrl"
        type="url"
        hint={t('meetings.onlineUrlHint')}
        defaultValue={values?.onlineUrl}
      />
    </>
  );
}

function PlanForm({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (input: MeetingInput) => createMeeting(networkId, input),
    onSuccess: async (m) => {
      await qc.invalidateQueries({ queryKey: meetingsKey(networkId) });
      await navigate({
        to: '/n/$networkId/lenkungskreis/sitzungen/$meetingId',
        params: { networkId, meetingId: m.id },
      });
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    create.mutate(meetingInputFrom(new FormData(e.currentTarget)));
  }
  return (
    <Section title={t('meetings.plan')} id="meeting-plan">
      <form className="bn-form" onSubmit={submit}>
        <ErrorAlert error={create.error} />
        <MeetingFields />
        <div className="bn-form__actions">
          <Button type="submit" icon="add" busy={create.isPending}>
            {t('meetings.plan')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
