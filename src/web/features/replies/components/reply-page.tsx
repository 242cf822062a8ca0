import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
// Single modules, not the index: the index also holds the dialogs, which would pull React Aria
// into this page that has none.
import { Alert, ErrorAlert, StatusMessage } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { isGone, LinkGone } from '../../../components/ui/link-gone';
import { LinkPageHeading } from '../../../components/ui/link-page-layout';
import { Loading } from '../../../components/ui/page';
import { RadioFieldset } from '../../../components/ui/radio-fieldset';
import { isApiError } from '../../../lib/api';
import { formatMeetingTime } from '../../../lib/format';
import { type Reply, type ReplyInfo, replyQuery, sendReply } from '../api';

/** The personal link of a meeting invitation: attend, send the deputy, or send apologies. */
export function ReplyPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const q = useQuery(replyQuery(token));
  const r = q.data;
  if (!r && isGone(q.error)) return <LinkGone error={q.error} />;
  if (!r) {
    const missing = isApiError(q.error) && q.error.status === 404;
    return (
      <>
        <LinkPageHeading title={missing ? t('vote.invalidTitle') : t('reply.title')} />
        {q.isPending ? <Loading /> : null}
        {missing ? <p className="kern-body">{t('vote.invalidText')}</p> : <ErrorAlert error={q.error} />}
      </>
    );
  }
  // The server takes replies until the meeting is opened; the link does not say when that was.
  const started = new Date(r.startsAt).getTime() <= Date.now();
  return (
    <>
      <LinkPageHeading title={t('reply.heading', { title: r.meetingTitle })} />
      <p className="kern-body">{t('vote.greeting', { name: r.name })}</p>
      {r.cancelled ? (
        <Alert kind="warning" title={t('reply.cancelledTitle')}>
          <p className="kern-body">{t('reply.cancelledText')}</p>
        </Alert>
      ) : started ? (
        <Alert kind="info" title={t('reply.closedTitle')}>
          <p className="kern-body">{t('reply.closedText')}</p>
        </Alert>
      ) : null}
      <dl className="bn-dl">
        <dt>{t('reply.when')}</dt>
        <dd>{formatMeetingTime(r.startsAt, r.endsAt)}</dd>
        <dt>{t('reply.where')}</dt>
        <dd>{r.location || '–'}</dd>
        {r.onlineUrl ? (
          <>
            <dt>{t('reply.online')}</dt>
            <dd>
              <a className="kern-link bn-break" href={r.onlineUrl} rel="noopener noreferrer" target="_blank">
                {t('reply.onlineLink')}
                <span className="kern-sr-only"> {t('reply.newWindow')}</span>
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t('reply.yourReply')}</dt>
        <dd data-testid="current-reply">{r.reply ? t(`reply.answers.${r.reply}`) : t('reply.noReply')}</dd>
      </dl>
      {r.cancelled || started ? null : <ReplyForm token={token} info={r} />}
    </>
  );
}

function ReplyForm({ token, info }: { token: string; info: ReplyInfo }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [choice, setChoice] = useState<Reply | null>(info.reply);
  const [problem, setProblem] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const reply = useMutation({
    mutationFn: (r: Reply) => sendReply(token, r),
    onSuccess: (next) => {
      qc.setQueryData(replyQuery(token).queryKey, next);
      setMessage(t(`reply.confirm.${next.reply ?? 'attending'}`));
    },
    onError: (e) => {
      if (isGone(e)) void qc.resetQueries({ queryKey: replyQuery(token).queryKey });
    },
  });
  // Only members with a deputy can send one; guests attend in person or not at all.
  const options: Reply[] =
    info.hasDeputy && !info.isGuest ? ['attending', 'deputy', 'excused'] : ['attending', 'excused'];

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setMessage(null);
    if (!choice) {
      setProblem(true);
      return;
    }
    setProblem(false);
    reply.mutate(choice);
  }

  return (
    <section className="bn-section" aria-labelledby="reply-form">
      <h2 className="kern-heading-medium" id="reply-form">
        {info.reply ? t('reply.changeTitle') : t('reply.formTitle')}
      </h2>
      <StatusMessage message={message} />
      <form className="bn-form" onSubmit={submit} noValidate>
        <ErrorAlert error={reply.error} />
        <RadioFieldset
          legend={t('reply.legend')}
          name="reply"
          value={choice}
          onChange={(v) => {
            setChoice(v as Reply);
            setProblem(false);
          }}
          error={problem ? t('reply.choose') : null}
          options={options.map((o) => ({ value: o, label: t(`reply.options.${o}`) }))}
        />
        <div className="bn-form__actions">
          <Button type="submit" busy={reply.isPending}>
            {t('reply.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
