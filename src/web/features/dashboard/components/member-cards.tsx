import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberWork } from '../../../../contracts/dashboard';
import type { Stance } from '../../../../contracts/steering';
import { MeetingStateBadge } from '../../../components/meeting-state-badge';
import { Button, ErrorAlert, StatusMessage, TextAreaField } from '../../../components/ui';
import { RadioFieldset } from '../../../components/ui/radio-fieldset';
import { formatDateTime } from '../../../lib/format';
import { castOwnVote, dashboardKey } from '../api';
import { StartCard } from './start-card';

const meetingLink = '/n/$networkId/lenkungskreis/sitzungen/$meetingId' as const;

/**
 * A committee member's errands: votes, replies due, minutes to read, the next meeting. `onlyOpen`
 * (office staff who also sit on the committee) leaves out what the office's own cards already say.
 */
export function MemberCards({
  networkId,
  work,
  onlyOpen = false,
}: {
  networkId: string;
  work: MemberWork;
  onlyOpen?: boolean;
}) {
  const { t } = useTranslation();
  const next = onlyOpen ? null : work.nextMeeting;
  return (
    <>
      {work.procedures.length === 0 ? (
        onlyOpen ? null : (
          <StartCard id="card-votes" title={t('start.votesTitle')}>
            <p className="kern-body">{t('start.votesNone')}</p>
          </StartCard>
        )
      ) : (
        work.procedures.map((p) => <VoteCard key={p.id} networkId={networkId} procedure={p} />)
      )}
      {onlyOpen && work.repliesDue.length === 0 ? null : (
        <StartCard id="card-replies" title={t('start.repliesTitle')}>
          {work.repliesDue.length === 0 ? (
            <p className="kern-body">{t('start.repliesNone')}</p>
          ) : (
            <ul className="bn-card-list">
              {work.repliesDue.map((m) => (
                <li key={m.id} className="kern-body">
                  <Link to={meetingLink} params={{ networkId, meetingId: m.id }} className="kern-link">
                    {t('start.replyTo', { title: m.title })}
                  </Link>
                  <br />
                  <span className="bn-muted">{t('start.replyBy', { date: formatDateTime(m.startsAt) })}</span>
                </li>
              ))}
            </ul>
          )}
        </StartCard>
      )}
      {onlyOpen ? null : (
        <StartCard
          id="card-next-meeting"
          title={t('start.nextMeetingTitle')}
          footer={
            next ? (
              <Link to={meetingLink} params={{ networkId, meetingId: next.id }} className="kern-link">
                {t('start.nextMeetingOpen')}
              </Link>
            ) : null
          }
        >
          {next ? (
            <>
              <p className="kern-body">
                <strong>{next.title}</strong>
                <br />
                {t('start.meetingWhen', { date: formatDateTime(next.startsAt) })}
                {next.location ? (
                  <>
                    <br />
                    {next.location}
                  </>
                ) : null}
              </p>
              <p className="kern-body">
                <MeetingStateBadge meeting={next} />
              </p>
              <p className="kern-body">
                {t('start.agendaItems', { count: next.items })}, {t('start.papers', { count: next.papers })}
              </p>
            </>
          ) : (
            <p className="kern-body">{t('start.meetingsNone')}</p>
          )}
        </StartCard>
      )}
      {onlyOpen && work.minutesCirculating.length === 0 ? null : (
        <StartCard id="card-minutes" title={t('start.minutesTitle')}>
          {work.minutesCirculating.length === 0 ? (
            <p className="kern-body">{t('start.minutesNone')}</p>
          ) : (
            <ul className="bn-card-list">
              {work.minutesCirculating.map((m) => (
                <li key={m.id} className="kern-body">
                  <Link to={meetingLink} params={{ networkId, meetingId: m.id }} className="kern-link">
                    {t('start.minutesOf', { title: m.title })}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </StartCard>
      )}
    </>
  );
}

const stances: Stance[] = ['consent', 'stand_aside', 'objection'];

/** An open written procedure, answerable right here with the same choices as the personal link. */
function VoteCard({
  networkId,
  procedure: p,
}: {
  networkId: string;
  procedure: MemberWork['procedures'][number];
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [choice, setChoice] = useState<Stance | null>(p.stance);
  const [problem, setProblem] = useState<'stance' | 'reason' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const vote = useMutation({
    mutationFn: (input: { stance: Stance; reason: string }) => castOwnVote(networkId, p.id, input),
    onSuccess: async (_, input) => {
      setMessage(t('vote.saved', { answer: t(`procedures.stances.${input.stance}`) }));
      await qc.invalidateQueries({ queryKey: dashboardKey(networkId) });
      await qc.invalidateQueries({ queryKey: ['networks', networkId, 'procedures'] });
    },
  });
  const id = `card-vote-${p.id}`;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const text = String(new FormData(e.currentTarget).get('reason') ?? '').trim();
    setMessage(null);
    if (!choice) return setProblem('stance');
    if (choice === 'objection' && !text) {
      setProblem('reason');
      e.currentTarget.querySelector<HTMLTextAreaElement>('textarea')?.focus();
      return;
    }
    setProblem(null);
    vote.mutate({ stance: choice, reason: text });
  }

  return (
    <StartCard
      id={id}
      wide
      title={t('start.voteTitle', { title: p.title })}
      footer={
        <Link
          to="/n/$networkId/lenkungskreis/umlaufverfahren/$procedureId"
          params={{ networkId, procedureId: p.id }}
          className="kern-link"
        >
          {t('start.voteOpen')}
        </Link>
      }
    >
      <p className="kern-body">
        {t('start.voteDeadline', { date: formatDateTime(p.deadline) })} ·{' '}
        <span data-testid="current-answer">
          {t('vote.yourAnswer')}: {p.stance ? t(`procedures.stances.${p.stance}`) : t('procedures.noAnswer')}
        </span>
      </p>
      <p className="kern-body bn-pre-line bn-prose">{p.proposal}</p>
      <StatusMessage message={message} />
      <form
        className="bn-form"
        onSubmit={submit}
        noValidate
        aria-label={t('start.voteForm', { title: p.title })}
      >
        <ErrorAlert error={vote.error} />
        <RadioFieldset
          legend={t('vote.legend')}
          name={`stance-${p.id}`}
          value={choice}
          onChange={(s) => {
            setChoice(s as Stance);
            if (problem === 'stance') setProblem(null);
          }}
          error={problem === 'stance' ? t('vote.chooseStance') : null}
          options={stances.map((s) => ({ value: s, label: t(`procedures.stances.${s}`) }))}
        />
        <TextAreaField
          label={choice === 'objection' ? t('vote.reasonRequired') : t('vote.reason')}
          name="reason"
          rows={3}
          defaultValue={p.reason ?? ''}
          error={problem === 'reason' ? t('vote.reasonMissing') : null}
        />
        <p className="kern-body kern-body--small">{t('procedures.silence')}</p>
        <div className="bn-form__actions">
          <Button type="submit" busy={vote.isPending}>
            {p.stance ? t('start.voteChange') : t('vote.submit')}
          </Button>
        </div>
      </form>
    </StartCard>
  );
}
