import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ErrorAlert, Loading, StatusMessage, TextAreaField } from '../../../components/ui';
import { isGone, LinkGone } from '../../../components/ui/link-gone';
import { LinkPageHeading } from '../../../components/ui/link-page-layout';
import { RadioFieldset } from '../../../components/ui/radio-fieldset';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { castVote, type Stance, voteQuery } from '../api';

const stances: Stance[] = ['consent', 'stand_aside', 'objection'];

/** The personal link of a written procedure: read the proposal, consent, stand aside or object. */
export function VotePage({ token }: { token: string }) {
  const { t } = useTranslation();
  const q = useQuery(voteQuery(token));
  const v = q.data;
  if (!v && isGone(q.error)) return <LinkGone error={q.error} />;
  if (!v) {
    const missing = isApiError(q.error) && q.error.status === 404;
    return (
      <>
        <LinkPageHeading title={missing ? t('vote.invalidTitle') : t('vote.title')} />
        {q.isPending ? <Loading /> : null}
        {missing ? <p className="kern-body">{t('vote.invalidText')}</p> : <ErrorAlert error={q.error} />}
      </>
    );
  }
  return (
    <>
      <LinkPageHeading title={t('vote.heading', { title: v.title })} />
      <p className="kern-body">{t('vote.greeting', { name: v.name })}</p>
      <dl className="bn-dl">
        <dt>{t('vote.deadline')}</dt>
        <dd>{t('procedures.deadlineValue', { date: formatDateTime(v.deadline) })}</dd>
        <dt>{t('vote.yourAnswer')}</dt>
        <dd data-testid="current-answer">
          {v.stance ? t(`procedures.stances.${v.stance}`) : t('procedures.noAnswer')}
          {v.stance === 'objection' && v.reason ? ` – ${v.reason}` : null}
        </dd>
      </dl>
      <section className="bn-section" aria-labelledby="vote-proposal">
        <h2 className="kern-heading-medium" id="vote-proposal">
          {t('procedures.proposal')}
        </h2>
        <p className="kern-body bn-pre-line bn-prose">{v.proposal}</p>
      </section>
      {v.open ? (
        <VoteForm token={token} stance={v.stance} reason={v.reason} />
      ) : (
        <Alert kind="info" title={t('vote.closedTitle')}>
          <p className="kern-body">
            {t('vote.closedText')} {t(`vote.outcome.${v.status}`)}
          </p>
        </Alert>
      )}
    </>
  );
}

function VoteForm({
  token,
  stance,
  reason,
}: {
  token: string;
  stance: Stance | null;
  reason: string | null;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [choice, setChoice] = useState<Stance | null>(stance);
  const [problem, setProblem] = useState<'stance' | 'reason' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const vote = useMutation({
    mutationFn: (input: { stance: Stance; reason: string }) => castVote(token, input),
    onSuccess: (info) => {
      qc.setQueryData(voteQuery(token).queryKey, info);
      setMessage(t('vote.saved', { answer: t(`procedures.stances.${info.stance ?? 'consent'}`) }));
    },
    // The deadline passed while the page was open: show the page for a link that no longer works.
    onError: (e) => {
      if (isGone(e)) void qc.resetQueries({ queryKey: voteQuery(token).queryKey });
    },
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const text = String(new FormData(e.currentTarget).get('reason') ?? '').trim();
    setMessage(null);
    if (!choice) {
      setProblem('stance');
      return;
    }
    if (choice === 'objection' && !text) {
      setProblem('reason');
      e.currentTarget.querySelector<HTMLTextAreaElement>('textarea')?.focus();
      return;
    }
    setProblem(null);
    vote.mutate({ stance: choice, reason: text });
  }

  return (
    <section className="bn-section" aria-labelledby="vote-form">
      <h2 className="kern-heading-medium" id="vote-form">
        {stance ? t('vote.changeTitle') : t('vote.formTitle')}
      </h2>
      <StatusMessage message={message} />
      <form className="bn-form" onSubmit={submit} noValidate>
        <ErrorAlert error={vote.error} />
        <RadioFieldset
          legend={t('vote.legend')}
          name="stance"
          value={choice}
          onChange={(s) => {
            setChoice(s as Stance);
            if (problem === 'stance') setProblem(null);
          }}
          error={problem === 'stance' ? t('vote.chooseStance') : null}
          options={stances.map((s) => ({
            value: s,
            label: t(`procedures.stances.${s}`),
            hint: t(`vote.hints.${s}`),
          }))}
        />
        <TextAreaField
          label={choice === 'objection' ? t('vote.reasonRequired') : t('vote.reason')}
          name="reason"
          rows={4}
          hint={t('vote.reasonHint')}
          defaultValue={reason ?? ''}
          error={problem === 'reason' ? t('vote.reasonMissing') : null}
        />
        <p className="kern-body kern-body--small">{t('procedures.silence')}</p>
        <div className="bn-form__actions">
          <Button type="submit" busy={vote.isPending}>
            {t('vote.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
