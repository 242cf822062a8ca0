import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, CommitteeMember, Round, RoundInput, Stance } from '../../../../contracts/steering';
import { Alert, Badge, Button, ErrorAlert, SelectField, TextAreaField } from '../../../components/ui';
import { errorText } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { committeeQuery, recordRound, roundsQuery } from '../api';
import { berlinLocal } from './labels';
import type { MeetingCtx } from './meeting-page';

const stances: Stance[] = ['consent', 'stand_aside', 'objection'];
const resolutions = ['reworked', 'deferred', 'withdrawn'] as const;

/** Members holding a seat on the day (not deputies), as the server counts them. */
export function principalsOn(members: CommitteeMember[], day: string) {
  return members.filter((x) => !x.deputyOf && x.termFrom <= day && (x.termTo === null || x.termTo >= day));
}

/** The rounds of a decision item, and in the meeting the form to record the next one. */
export function DecisionPanel({ ctx, item }: { ctx: MeetingCtx; item: AgendaItem }) {
  const { networkId, meeting: m } = ctx;
  const inMeeting = m.status !== 'planned' && m.status !== 'invited' && m.status !== 'cancelled';
  const rounds = useQuery({ ...roundsQuery(networkId, m.id, item.id), enabled: inMeeting });
  if (!inMeeting) return null;
  const list = rounds.data ?? [];
  return (
    <div className="bn-stack">
      <ErrorAlert error={rounds.error} />
      {list.map((r) => (
        <RoundView key={r.id} round={r} />
      ))}
      {ctx.manage && m.status === 'held' && item.status === 'open' ? (
        <RoundForm
          key={list.length}
          ctx={ctx}
          item={item}
          proposal={list.at(-1)?.proposal ?? item.proposal}
          next={list.length + 1}
        />
      ) : null}
    </div>
  );
}

function RoundView({ round: r }: { round: Round }) {
  const { t } = useTranslation();
  const taken = r.outcome === 'taken';
  return (
    <section className="bn-round" aria-labelledby={`round-${r.id}`}>
      <div className="bn-row__head">
        <h4 className="kern-heading-small" id={`round-${r.id}`}>
          {t('meetings.roundHeading', { round: r.round })}
        </h4>
        <Badge kind={taken ? 'success' : 'danger'}>
          {taken ? t('meetings.taken') : t('meetings.blocked')}
        </Badge>
        {r.decisionNumber ? (
          <strong className="bn-decision-number">
            {t('meetings.decisionNumber', { number: r.decisionNumber })}
          </strong>
        ) : null}
      </div>
      <p className="kern-body">{r.message}</p>
      {r.resolution ? (
        <p className="kern-body">
          <strong>{t('meetings.resolution')}:</strong> {t(`meetings.resolutions.${r.resolution}`)}
        </p>
      ) : null}
      <p className="kern-body bn-pre-line bn-proposal">{r.proposal}</p>
      <ul className="bn-card-list">
        {r.positions.map((p) => (
          <li key={p.memberId}>
            {p.castBy ? t('meetings.castBy', { name: p.memberName, deputy: p.castBy }) : p.memberName}:{' '}
            <strong>{t(`meetings.stances.${p.stance}`)}</strong>
            {p.reason ? ` – ${p.reason}` : null}
          </li>
        ))}
      </ul>
      {r.advice.length > 0 ? (
        <>
          <p className="kern-body">
            <strong>{t('meetingRun.round.adviceShown')}</strong>
          </p>
          <ul className="bn-card-list">
            {r.advice.map((a) => (
              <li key={`${a.kind}-${a.name}-${a.text}`}>
                {a.name} <span className="bn-muted">({t(`meetingRun.round.adviceKinds.${a.kind}`)})</span>:{' '}
                {a.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function RoundForm({
  ctx,
  item,
  proposal,
  next,
}: {
  ctx: MeetingCtx;
  item: AgendaItem;
  proposal: string;
  next: number;
}) {
  const { t } = useTranslation();
  const { networkId, meeting: m } = ctx;
  const members = useQuery(committeeQuery(networkId));
  const [stance, setStance] = useState<Record<string, Stance>>({});
  const [blocked, setBlocked] = useState<{ input: RoundInput; message: string } | null>(null);
  const day = berlinLocal(m.startsAt).day;
  const all = members.data ?? [];
  const presence = new Map(m.attendance.map((a) => [a.memberId, a]));
  const entitled = principalsOn(all, day).filter((x) => {
    const a = presence.get(x.id);
    return x.voting && (a?.status === 'present' || a?.status === 'represented');
  });
  const advisors = m.advisors.filter((a) => a.itemId === null || a.itemId === item.id);
  const exceptions = entitled.filter((x) => stance[x.id] && stance[x.id] !== 'consent');

  const record = useMutation({
    mutationFn: (input: RoundInput) => recordRound(networkId, m.id, item.id, input),
    onSuccess: async (round) => {
      setBlocked(null);
      ctx.say(
        round.decisionNumber
          ? `${round.message} ${t('meetings.decisionNumber', { number: round.decisionNumber })}`
          : round.message,
      );
      await ctx.refresh();
    },
    onError: (err, input) => {
      if (isApiError(err) && err.code === 'steering.resolution_required' && !input.resolution)
        setBlocked({ input, message: err.message });
    },
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const str = (k: string) => String(fd.get(k) ?? '').trim();
    const resolution = str('resolution') as RoundInput['resolution'];
    if (blocked) {
      if (resolution) record.mutate({ ...blocked.input, resolution });
      return;
    }
    // "Alle stimmen zu": the server gives consent to every entitled member not named here.
    record.mutate({
      proposal: str('proposal'),
      allConsent: true,
      positions: exceptions.map((x) => ({
        memberId: x.id,
        stance: stance[x.id]!,
        reason: str(`reason-${x.id}`),
      })),
      advice: advisors
        .map((a) => ({ kind: a.kind, id: a.id, text: str(`advice-${a.kind}-${a.id}`) }))
        .filter((a) => a.text.length > 0),
      resolution: null,
    });
  }

  const headingId = `record-${item.id}`;
  const resolutionRequired = isApiError(record.error) && record.error.code === 'steering.resolution_required';
  const error = blocked ? null : record.error;
  const notJoint = isApiError(error) && error.code === 'scope.not_joint';
  return (
    <section className="bn-round bn-round--form" aria-labelledby={headingId}>
      <h4 className="kern-heading-small" id={headingId}>
        {t('meetings.recordTitle', { number: item.number, round: next })}
      </h4>
      {entitled.length === 0 ? (
        <Alert kind="warning">{t('meetings.attendanceFirst')}</Alert>
      ) : (
        <form className="bn-form bn-form--wide" onSubmit={submit}>
          {notJoint ? (
            <Alert kind="danger" title={t('meetings.notJointTitle')}>
              <p className="kern-body">{errorText(error)}</p>
            </Alert>
          ) : (
            <ErrorAlert error={error} />
          )}
          <TextAreaField
            label={t('meetings.proposal')}
            name="proposal"
            required
            minLength={3}
            rows={5}
            defaultValue={proposal}
            readOnly={!!blocked}
          />
          <fieldset className="kern-fieldset" disabled={!!blocked}>
            <legend className="kern-label">{t('meetingRun.round.exceptions')}</legend>
            <div className="kern-fieldset__body">
              <p className="kern-body bn-muted">{t('meetingRun.round.intro')}</p>
              <div className="bn-attendance">
                {entitled.map((x) => {
                  const a = presence.get(x.id);
                  const deputy = a?.deputyId ? all.find((d) => d.id === a.deputyId) : null;
                  const who = deputy ? t('meetings.castBy', { name: x.name, deputy: deputy.name }) : x.name;
                  return (
                    <div key={x.id} className="bn-stack">
                      <SelectField
                        id={`stance-${item.id}-${x.id}`}
                        label={`${t('meetingRun.round.stanceOf', { name: who })} (${t(`meetings.sides.${x.side}`)})`}
                        value={stance[x.id] ?? 'consent'}
                        onChange={(e) => setStance({ ...stance, [x.id]: e.currentTarget.value as Stance })}
                        options={stances.map((s) => ({ value: s, label: t(`meetings.stances.${s}`) }))}
                      />
                      {stance[x.id] === 'objection' ? (
                        <TextAreaField
                          label={t('meetings.objectionReason', { name: x.name })}
                          name={`reason-${x.id}`}
                          required
                          rows={2}
                        />
                      ) : null}
                    </div>
                  );
                })}
              </div>
            </div>
          </fieldset>
          {advisors.length > 0 ? (
            <fieldset className="kern-fieldset">
              <legend className="kern-label">{t('meetingRun.round.adviceTitle')}</legend>
              <div className="kern-fieldset__body">
                <p className="kern-body bn-muted">{t('meetingRun.round.adviceIntro')}</p>
                {advisors.map((a) => (
                  <TextAreaField
                    key={`${a.kind}-${a.id}`}
                    label={t('meetingRun.round.adviceLabel', {
                      name: a.name,
                      kind: t(`meetingRun.round.adviceKinds.${a.kind}`),
                    })}
                    name={`advice-${a.kind}-${a.id}`}
                    rows={2}
                    readOnly={!!blocked}
                  />
                ))}
              </div>
            </fieldset>
          ) : null}
          {blocked ? (
            <>
              <Alert kind="danger" title={t('meetings.blockedTitle')}>
                <p className="kern-body">{blocked.message}</p>
              </Alert>
              <fieldset className="kern-fieldset">
                <legend className="kern-label">{t('meetings.resolutionQuestion')}</legend>
                <div className="kern-fieldset__body">
                  {resolutions.map((r) => (
                    <div className="kern-form-check" key={r}>
                      <input
                        className="kern-form-check__radio"
                        type="radio"
                        id={`resolution-${item.id}-${r}`}
                        name="resolution"
                        value={r}
                        required
                      />
                      <label className="kern-label" htmlFor={`resolution-${item.id}-${r}`}>
                        {t(`meetings.resolutionOptions.${r}`)}
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
              <ErrorAlert error={resolutionRequired ? null : record.error} />
            </>
          ) : null}
          <div className="bn-form__actions">
            <Button type="submit" icon="check" busy={record.isPending}>
              {blocked
                ? t('meetings.recordResolution')
                : exceptions.length === 0
                  ? t('meetingRun.round.recordAllConsent')
                  : t('meetingRun.round.recordWithExceptions', { count: exceptions.length })}
            </Button>
            {blocked ? (
              <Button variant="secondary" onClick={() => setBlocked(null)}>
                {t('common.back')}
              </Button>
            ) : null}
          </div>
        </form>
      )}
    </section>
  );
}
