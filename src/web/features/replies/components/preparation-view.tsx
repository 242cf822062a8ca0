import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
// Single modules, not the index: the index also holds the dialogs, which would pull React Aria into
// the personal-link page that has none.
import { Alert, ErrorAlert, StatusMessage } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextAreaField } from '../../../components/ui/field';
import { isGone } from '../../../components/ui/link-gone';
import { RadioFieldset } from '../../../components/ui/radio-fieldset';
import { formatDateTime, formatMeetingTime, formatTime } from '../../../lib/format';
import {
  askQuestion,
  type Preparation,
  type PreparationItem,
  preparationQuery,
  type Reply,
  type Source,
  saveNote,
  sendReply,
  subscribeCalendar,
} from '../api';
import './preparation.css';

const hhmm = (iso: string) => formatTime(iso);

/** "Freitag, 12.03.2027, von 14:00 bis 16:30 Uhr" in Europe/Berlin, as everywhere in the app. */
export const meetingWhen = (p: Pick<Preparation, 'startsAt' | 'endsAt'>) =>
  formatMeetingTime(p.startsAt, p.endsAt);

/**
 * The member's meeting page ("Ihre Sitzung"): when and where, the reply, the calendar, the agenda with
 * planned times, proposals and papers, and per item a private note and the questions to the office.
 * The same view serves the personal link of the invitation and the signed-in member.
 */
export function PreparationView({ source, p }: { source: Source; p: Preparation }) {
  const { t } = useTranslation();
  const started = !p.open;
  return (
    <div className="bn-prep">
      <p className="kern-body kern-body--large bn-prep__network">
        {t('prep.networkLine', { network: p.networkName })}
      </p>
      <p className="kern-body">{t('vote.greeting', { name: p.viewer.name })}</p>
      {p.status === 'cancelled' ? (
        <Alert kind="warning" title={t('reply.cancelledTitle')}>
          <p className="kern-body">{p.cancelReason || t('reply.cancelledText')}</p>
        </Alert>
      ) : started ? (
        <Alert kind="info" title={t('reply.closedTitle')}>
          <p className="kern-body">{t('reply.closedText')}</p>
        </Alert>
      ) : null}
      {p.viewer.isGuest ? (
        <Alert kind="info">
          {p.items.length > 0
            ? t('meetings.guestNote', { items: p.items.map((i) => i.number).join(', ') })
            : t('meetings.guestNoteNone')}
        </Alert>
      ) : null}
      <dl className="bn-dl bn-prep__facts">
        <dt>{t('reply.when')}</dt>
        <dd data-testid="meeting-when">{meetingWhen(p)}</dd>
        <dt>{t('reply.where')}</dt>
        <dd>{p.location || '–'}</dd>
        {p.onlineUrl ? (
          <>
            <dt>{t('reply.online')}</dt>
            <dd>
              <a className="kern-link bn-break" href={p.onlineUrl} rel="noopener noreferrer" target="_blank">
                {t('reply.onlineLink')}
                <span className="kern-sr-only"> {t('reply.newWindow')}</span>
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t('reply.yourReply')}</dt>
        <dd data-testid="current-reply">
          {p.viewer.reply ? t(`reply.answers.${p.viewer.reply}`) : t('reply.noReply')}
        </dd>
      </dl>
      <div className="bn-prep__actions">
        {p.allPapersUrl ? (
          <a className="kern-btn kern-btn--primary bn-prep__action" href={p.allPapersUrl} download>
            <span className="kern-icon kern-icon--download" aria-hidden="true" />
            <span className="kern-label">{t('prep.allPapers')}</span>
          </a>
        ) : null}
        <a className="kern-btn kern-btn--secondary bn-prep__action" href={p.calendarUrl} download>
          <span className="kern-icon kern-icon--calendar-today" aria-hidden="true" />
          <span className="kern-label">{t('prep.addToCalendar')}</span>
        </a>
      </div>
      {p.viewer.invited && p.open ? <ReplyForm source={source} p={p} /> : null}
      {!p.viewer.invited ? <p className="kern-body bn-muted">{t('prep.notInvited')}</p> : null}

      <section className="bn-section" aria-labelledby="prep-agenda">
        <h2 className="kern-heading-medium" id="prep-agenda">
          {t('prep.agenda')}
        </h2>
        {p.items.length === 0 ? <p className="kern-body">{t('prep.noItems')}</p> : null}
        <ol className="bn-prep__items">
          {p.items.map((item) => (
            <li key={item.id}>
              <ItemCard source={source} p={p} item={item} />
            </li>
          ))}
        </ol>
      </section>
      {p.viewer.invited ? <Subscription source={source} /> : null}
    </div>
  );
}

function useRefresh(source: Source) {
  const qc = useQueryClient();
  return {
    set: (next: Preparation) => qc.setQueryData(preparationQuery(source).queryKey, next),
    reload: () => qc.invalidateQueries({ queryKey: preparationQuery(source).queryKey }),
    resetIfGone: (e: unknown) => {
      if (isGone(e)) void qc.resetQueries({ queryKey: preparationQuery(source).queryKey });
    },
  };
}

function ItemCard({ source, p, item }: { source: Source; p: Preparation; item: PreparationItem }) {
  const { t } = useTranslation();
  const headingId = useId();
  const name = t('prep.itemName', { number: item.number, title: item.title });
  return (
    <article className="kern-card bn-prep__item" aria-labelledby={headingId}>
      <div className="kern-card__container">
        <header className="kern-card__header">
          <p className="kern-body kern-body--small bn-prep__time">
            {item.plannedStart ? t('prep.plannedAt', { time: hhmm(item.plannedStart) }) : null}
            {item.plannedStart && item.durationMinutes ? ' · ' : null}
            {item.durationMinutes ? t('prep.minutes', { count: item.durationMinutes }) : null}
            {item.plannedStart || item.durationMinutes ? ' · ' : null}
            {t(`prep.kinds.${item.kind}`)}
          </p>
          <h3 className="kern-title bn-prep__title" id={headingId}>
            {name}
          </h3>
          {item.presenter ? (
            <p className="kern-body kern-body--small">{t('prep.presenter', { name: item.presenter })}</p>
          ) : null}
        </header>
        <div className="kern-card__body">
          {item.proposal ? (
            <div className="bn-prep__proposal">
              <h4 className="bn-prep__subhead">{t('prep.proposal')}</h4>
              <p className="kern-body">{item.proposal}</p>
            </div>
          ) : null}
          {item.papers.length > 0 ? (
            <>
              <h4 className="bn-prep__subhead">{t('prep.papers')}</h4>
              <ul className="bn-prep__papers">
                {item.papers.map((paper) => (
                  <li key={paper.id}>
                    <a className="kern-link bn-prep__paper" href={paper.url} target="_blank" rel="noopener">
                      <span className="kern-icon kern-icon--draft" aria-hidden="true" />
                      <span>
                        {t('prep.readPaper', { title: paper.title })}
                        {paper.mimeType === 'application/pdf' ? ' (PDF)' : ''}
                        <span className="kern-sr-only"> {t('reply.newWindow')}</span>
                      </span>
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <Questions source={source} p={p} item={item} itemName={name} />
          {p.viewer.invited ? <Note source={source} item={item} itemName={name} /> : null}
        </div>
      </div>
    </article>
  );
}

function Note({ source, item, itemName }: { source: Source; item: PreparationItem; itemName: string }) {
  const { t } = useTranslation();
  const refresh = useRefresh(source);
  const [text, setText] = useState(item.note);
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => saveNote(source, item.id, text.trim()),
    onSuccess: (next) => {
      refresh.set(next);
      setSaved(t('prep.noteSaved'));
    },
    onError: refresh.resetIfGone,
  });
  return (
    <details className="bn-prep__details" open={item.note !== '' || undefined}>
      <summary>{item.note ? t('prep.noteTitleSaved') : t('prep.noteTitle')}</summary>
      <form
        className="bn-form"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          setSaved(null);
          save.mutate();
        }}
      >
        <ErrorAlert error={save.error} />
        <TextAreaField
          label={t('prep.noteLabel', { item: itemName })}
          hint={t('prep.noteHint')}
          rows={3}
          maxLength={5000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="bn-form__actions">
          <Button type="submit" variant="secondary" busy={save.isPending}>
            {t('prep.noteSave')}
          </Button>
        </div>
        <StatusMessage message={saved} />
      </form>
    </details>
  );
}

function Questions({
  source,
  p,
  item,
  itemName,
}: {
  source: Source;
  p: Preparation;
  item: PreparationItem;
  itemName: string;
}) {
  const { t } = useTranslation();
  const refresh = useRefresh(source);
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const ask = useMutation({
    mutationFn: () => askQuestion(source, item.id, text.trim()),
    onSuccess: (next) => {
      refresh.set(next);
      setText('');
      setSent(t('prep.questionSent'));
    },
    onError: refresh.resetIfGone,
  });
  const canAsk = p.viewer.invited && p.open;
  if (item.questions.length === 0 && !canAsk) return null;
  return (
    <div className="bn-prep__questions">
      {item.questions.length > 0 ? (
        <>
          <h4 className="bn-prep__subhead">{t('prep.questions')}</h4>
          <ul className="bn-prep__qlist">
            {item.questions.map((q) => (
              <li key={q.id}>
                <p className="kern-body">
                  <strong>{q.mine ? t('prep.you') : q.askedByName}</strong>{' '}
                  <span className="bn-muted">({formatDateTime(q.askedAt)})</span>: {q.text}
                </p>
                {q.answer ? (
                  <p className="kern-body bn-prep__answer">
                    <strong>{t('prep.answerBy', { name: q.answeredByName ?? t('prep.office') })}</strong>{' '}
                    {q.answer}
                  </p>
                ) : (
                  <p className="kern-body kern-body--small bn-muted">{t('prep.unanswered')}</p>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canAsk ? (
        <details className="bn-prep__details">
          <summary>{t('prep.askTitle')}</summary>
          <form
            className="bn-form"
            noValidate
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              setSent(null);
              if (text.trim().length < 3) {
                setProblem(t('prep.askTooShort'));
                return;
              }
              setProblem(null);
              ask.mutate();
            }}
          >
            <ErrorAlert error={ask.error} />
            <TextAreaField
              label={t('prep.askLabel', { item: itemName })}
              hint={t('prep.askHint')}
              rows={3}
              maxLength={2000}
              value={text}
              error={problem}
              onChange={(e) => setText(e.target.value)}
            />
            <div className="bn-form__actions">
              <Button type="submit" variant="secondary" busy={ask.isPending}>
                {t('prep.askSubmit')}
              </Button>
            </div>
          </form>
        </details>
      ) : null}
      <StatusMessage message={sent} />
    </div>
  );
}

function ReplyForm({ source, p }: { source: Source; p: Preparation }) {
  const { t } = useTranslation();
  const refresh = useRefresh(source);
  const [choice, setChoice] = useState<Reply | null>(p.viewer.reply);
  const [problem, setProblem] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const reply = useMutation({
    mutationFn: (r: Reply) => sendReply(source, r),
    onSuccess: async (_, r) => {
      await refresh.reload();
      setMessage(t(`reply.confirm.${r}`));
    },
    onError: refresh.resetIfGone,
  });
  // Only members with a deputy can send one; guests attend in person or not at all.
  const options: Reply[] =
    p.viewer.hasDeputy && !p.viewer.isGuest ? ['attending', 'deputy', 'excused'] : ['attending', 'excused'];

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
        {p.viewer.reply ? t('reply.changeTitle') : t('reply.formTitle')}
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

/** The calendar subscription: a new secret address, shown once, replacing the one before. */
function Subscription({ source }: { source: Source }) {
  const { t } = useTranslation();
  const make = useMutation({ mutationFn: () => subscribeCalendar(source) });
  const url = make.data?.url;
  return (
    <section className="bn-section" aria-labelledby="prep-subscription">
      <h2 className="kern-heading-medium" id="prep-subscription">
        {t('prep.subscriptionTitle')}
      </h2>
      <p className="kern-body">{t('prep.subscriptionText')}</p>
      <ErrorAlert error={make.error} />
      {url ? (
        <div className="bn-prep__subscription">
          <p className="kern-body">{t('prep.subscriptionReady')}</p>
          <p className="kern-body bn-break">
            <a className="kern-link" href={url.replace(/^https?:/, 'webcal:')}>
              {t('prep.subscriptionOpen')}
            </a>
          </p>
          <label className="kern-label" htmlFor="prep-subscription-url">
            {t('prep.subscriptionAddress')}
          </label>
          <input
            id="prep-subscription-url"
            className="kern-form-input__input"
            readOnly
            value={url}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      ) : (
        <Button variant="secondary" icon="calendar-today" busy={make.isPending} onClick={() => make.mutate()}>
          {t('prep.subscriptionCreate')}
        </Button>
      )}
    </section>
  );
}
