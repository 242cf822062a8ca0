import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../contracts/steering';
import { Button, ErrorAlert, StatusMessage, TextAreaField } from '../../../components/ui';
import { formatDateTime } from '../../../lib/format';
import { useHashTarget } from '../../../lib/use-focus-on-navigation';
import { answerQuestion, type ItemQuestion, meetingQuestionsQuery, openQuestionsQuery } from '../api';

/**
 * The office's meeting page: the members' questions (Rückfragen) per agenda item, each answered in
 * place; the members read the answer on their meeting page.
 */
export function MeetingQuestionsSection({
  networkId,
  meeting,
  manage,
}: {
  networkId: string;
  meeting: MeetingDetail;
  manage: boolean;
}) {
  const { t } = useTranslation();
  const q = useQuery(meetingQuestionsQuery(networkId, meeting.id));
  const questions = q.data ?? [];
  // The dashboard's open questions link here (`#rueckfragen`).
  useHashTarget(!q.isPending);
  if (q.isPending) return null;
  return (
    <section className="bn-section" aria-labelledby="rueckfragen" id="rueckfragen-bereich">
      <h2 className="kern-heading-medium" id="rueckfragen" tabIndex={-1}>
        {t('questions.title')}
      </h2>
      <ErrorAlert error={q.error} />
      {questions.length === 0 ? <p className="kern-body">{t('questions.none')}</p> : null}
      <ul className="bn-card-list">
        {questions.map((x) => {
          const item = meeting.items.find((i) => i.id === x.itemId);
          return (
            <li key={x.id} className="bn-section">
              <p className="kern-body">
                <strong>{item ? t('prep.itemName', { number: item.number, title: item.title }) : ''}</strong>
              </p>
              <p className="kern-body">
                <strong>{x.askedByName}</strong>{' '}
                <span className="bn-muted">({formatDateTime(x.askedAt)})</span>: {x.text}
              </p>
              {manage ? (
                <AnswerForm networkId={networkId} meetingId={meeting.id} question={x} />
              ) : x.answer ? (
                <p className="kern-body">
                  <strong>{t('prep.answerBy', { name: x.answeredByName ?? t('prep.office') })}</strong>{' '}
                  {x.answer}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function AnswerForm({
  networkId,
  meetingId,
  question,
}: {
  networkId: string;
  meetingId: string;
  question: ItemQuestion;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [text, setText] = useState(question.answer ?? '');
  const [message, setMessage] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => answerQuestion(networkId, meetingId, question.id, text.trim()),
    onSuccess: async (next) => {
      qc.setQueryData(meetingQuestionsQuery(networkId, meetingId).queryKey, next);
      await qc.invalidateQueries({ queryKey: openQuestionsQuery(networkId).queryKey });
      setMessage(t('questions.answered'));
    },
  });
  return (
    <form
      className="bn-form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        setMessage(null);
        save.mutate();
      }}
    >
      <ErrorAlert error={save.error} />
      <TextAreaField
        label={t('questions.answerLabel', { name: question.askedByName })}
        hint={
          question.answeredAt
            ? t('questions.answeredBy', {
                name: question.answeredByName ?? '',
                at: formatDateTime(question.answeredAt),
              })
            : undefined
        }
        rows={3}
        maxLength={4000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="bn-form__actions">
        <Button type="submit" variant="secondary" busy={save.isPending}>
          {question.answer ? t('questions.change') : t('questions.answer')}
        </Button>
      </div>
      <StatusMessage message={message} />
    </form>
  );
}
