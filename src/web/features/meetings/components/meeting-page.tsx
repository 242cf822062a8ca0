import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../contracts/steering';
import { MeetingStateBadge } from '../../../components/meeting-state-badge';
import {
  Alert,
  Button,
  ErrorAlert,
  FormDialog,
  Loading,
  Page,
  Section,
  StatusMessage,
  TextAreaField,
} from '../../../components/ui';
import { useCan } from '../../../lib/session';
import { useHashTarget } from '../../../lib/use-focus-on-navigation';
import { MeetingQuestionsSection } from '../../replies/components/meeting-questions';
import { OfficeReportOffer } from '../../work-reports';
import { cancelMeeting, holdMeeting, meetingQuery, meetingsKey, updateMeeting } from '../api';
import { AgendaSection } from './agenda';
import { AttendanceSection } from './attendance';
import { GuestsSection, InvitationsSection } from './guests';
import { berlinLocal, formatMeetingDay, useTimeRange } from './labels';
import { MeetingFields, meetingInputFrom } from './meetings-page';
import { MinutesSection } from './minutes';
import { MinutesCorrection } from './minutes-correction';

/** What every part of the meeting page needs. */
export type MeetingCtx = {
  networkId: string;
  meeting: MeetingDetail;
  manage: boolean;
  /** One notice for the page: the latest action's result replaces the one before. */
  say: (message: string) => void;
  refresh: () => Promise<void>;
};

const opensAtFormat = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  weekday: 'long',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * One meeting, laid out for a tablet as well as a desk: the header, the agenda with papers, guests and
 * invitations while planning; attendance and decisions in the meeting; then the minutes.
 */
export function MeetingPage({ networkId, meetingId }: { networkId: string; meetingId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const qc = useQueryClient();
  const detail = useQuery(meetingQuery(networkId, meetingId));
  // A link to one agenda item (`#item-<id>`, e.g. from a handed recommendation) lands on it.
  useHashTarget(!!detail.data);
  const [message, setMessage] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'edit' | 'cancel' | null>(null);
  // One notice at a time: the next action replaces it, opening a dialog or another meeting clears it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: clearing is the effect of the id changing
  useEffect(() => setMessage(null), [meetingId]);
  const openDialog = (d: 'edit' | 'cancel') => {
    setMessage(null);
    setDialog(d);
  };
  const range = useTimeRange();
  const refresh = () => qc.invalidateQueries({ queryKey: meetingsKey(networkId) });

  const hold = useMutation({
    mutationFn: () => holdMeeting(networkId, meetingId),
    onSuccess: async () => {
      setMessage(t('meetings.held'));
      await refresh();
    },
  });
  const cancel = useMutation({
    mutationFn: (reason: string) => cancelMeeting(networkId, meetingId, reason),
    onSuccess: async () => {
      setDialog(null);
      setMessage(t('meetings.cancelled'));
      await refresh();
    },
  });
  const edit = useMutation({
    mutationFn: (fd: FormData) => updateMeeting(networkId, meetingId, meetingInputFrom(fd)),
    onSuccess: async () => {
      setDialog(null);
      setMessage(t('common.saved'));
      await refresh();
    },
  });

  const m = detail.data;
  if (!m) {
    return (
      <Page title={t('meetings.meeting')}>
        {detail.isPending ? <Loading /> : <ErrorAlert error={detail.error} />}
        <BackLink networkId={networkId} />
      </Page>
    );
  }
  const manage = can('steering.manage') && !m.viewerIsGuest;
  const ctx: MeetingCtx = { networkId, meeting: m, manage, say: setMessage, refresh };
  const { actions } = m;
  const inMeeting = m.status !== 'planned' && m.status !== 'invited' && m.status !== 'cancelled';
  const start = berlinLocal(m.startsAt);
  const end = berlinLocal(m.endsAt);

  return (
    <Page
      title={m.title}
      intro={`${formatMeetingDay(m.startsAt)}, ${range(m)}`}
      actions={
        actions.edit || actions.open ? (
          <>
            {actions.edit ? (
              <Button variant="secondary" icon="edit" onClick={() => openDialog('edit')}>
                {t('meetings.edit')}
              </Button>
            ) : null}
            {actions.open ? (
              <Button icon="check" busy={hold.isPending} onClick={() => hold.mutate()}>
                {t('meetings.hold')}
              </Button>
            ) : null}
          </>
        ) : null
      }
    >
      <StatusMessage message={message} />
      <ErrorAlert error={hold.error} />
      {!actions.open && actions.opensAt ? (
        <p className="kern-body bn-muted">
          {t('meetingRun.opensLater', { when: opensAtFormat.format(new Date(actions.opensAt)) })}
        </p>
      ) : null}
      <dl className="bn-dl bn-meeting-head">
        <dt>{t('common.date')}</dt>
        <dd>{formatMeetingDay(m.startsAt)}</dd>
        <dt>{t('meetings.time')}</dt>
        <dd>{range(m)}</dd>
        <dt>{t('meetings.place')}</dt>
        <dd>{m.location || '–'}</dd>
        {m.onlineUrl ? (
          <>
            <dt>{t('meetings.onlineUrl')}</dt>
            <dd className="bn-break">
              <a className="kern-link" href={m.onlineUrl} target="_blank" rel="noopener noreferrer">
                {m.onlineUrl}
                <span className="kern-sr-only"> {t('meetings.newWindow')}</span>
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t('meetings.status')}</dt>
        <dd>
          <MeetingStateBadge meeting={m} />
        </dd>
      </dl>
      {m.status === 'cancelled' ? (
        <Alert kind="warning" title={t('meetings.cancelledNote')}>
          <p className="kern-body">{m.cancelReason}</p>
        </Alert>
      ) : null}
      {m.viewerIsGuest ? (
        <Alert kind="info">
          {m.items.length > 0
            ? t('meetings.guestNote', { items: m.items.map((i) => i.number).join(', ') })
            : t('meetings.guestNoteNone')}
        </Alert>
      ) : null}

      {/* In the meeting, attendance comes first: the rounds count only who is there. */}
      {inMeeting && !m.viewerIsGuest ? <AttendanceSection ctx={ctx} /> : null}
      <AgendaSection ctx={ctx} />
      {manage && can('work.manage') && !inMeeting && m.status !== 'cancelled' ? (
        <OfficeReportOffer
          networkId={networkId}
          meetingId={m.id}
          onAdded={async (msg) => {
            setMessage(msg);
            await refresh();
          }}
        />
      ) : null}
      {m.viewerIsGuest ? null : <MeetingQuestionsSection networkId={networkId} meeting={m} manage={manage} />}
      {m.viewerIsGuest ? null : (
        <>
          <GuestsSection ctx={ctx} />
          {manage ? <InvitationsSection ctx={ctx} /> : null}
          {inMeeting ? (
            <>
              {manage ? null : (
                <MinutesCorrection networkId={networkId} meetingId={m.id} status={m.status} items={m.items} />
              )}
              <MinutesSection ctx={ctx} />
            </>
          ) : null}
        </>
      )}
      {actions.cancel ? (
        <Section title={t('meetingRun.moreActions')} id="meeting-more">
          <p className="kern-body bn-prose">{t('meetingRun.cancelHint')}</p>
          <p>
            <Button variant="secondary" icon="close" onClick={() => openDialog('cancel')}>
              {t('meetings.cancel')}
            </Button>
          </p>
        </Section>
      ) : null}
      <BackLink networkId={networkId} />

      <FormDialog
        open={dialog === 'edit'}
        title={t('meetings.edit')}
        submitLabel={t('common.save')}
        busy={edit.isPending}
        error={edit.error}
        onClose={() => {
          setDialog(null);
          edit.reset();
        }}
        onSubmit={(e: FormEvent<HTMLFormElement>) => edit.mutate(new FormData(e.currentTarget))}
      >
        <MeetingFields
          values={{
            title: m.title,
            day: start.day,
            from: start.time,
            to: end.time,
            location: m.location,
            onlineUrl: m.onlineUrl ?? '',
          }}
        />
      </FormDialog>
      <FormDialog
        open={dialog === 'cancel'}
        title={t('meetings.cancelTitle')}
        submitLabel={t('meetings.cancel')}
        busy={cancel.isPending}
        error={cancel.error}
        onClose={() => {
          setDialog(null);
          cancel.reset();
        }}
        onSubmit={(e: FormEvent<HTMLFormElement>) =>
          cancel.mutate(String(new FormData(e.currentTarget).get('reason') ?? ''))
        }
      >
        <p className="kern-body">{t('meetings.cancelText', { title: m.title })}</p>
        <TextAreaField label={t('meetings.cancelReason')} name="reason" required minLength={3} rows={3} />
      </FormDialog>
    </Page>
  );
}

function BackLink({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  return (
    <p className="bn-section">
      <Link to="/n/$networkId/lenkungskreis/sitzungen" params={{ networkId }} className="kern-link">
        {t('meetings.back')}
      </Link>
    </p>
  );
}
