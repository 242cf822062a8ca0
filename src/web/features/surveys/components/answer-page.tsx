import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ErrorAlert, Loading } from '../../../components/ui';
import { isGone, LinkGone } from '../../../components/ui/link-gone';
import { LinkPageHeading } from '../../../components/ui/link-page-layout';
import { type AnswerFormData, answerFormQuery, submitAnswers } from '../api';

type Value = string | string[] | number;
type Q = AnswerFormData['questions'][number];

/** Which questions show, given the answers so far (the server checks the same). */
function visible(questions: Q[], answers: Record<string, Value>) {
  const shown = new Set<string>();
  for (const q of questions) {
    if (!q.condition) shown.add(q.id);
    else {
      const v = answers[q.condition.questionId];
      const vals = v === undefined ? [] : Array.isArray(v) ? v : [String(v)];
      if (shown.has(q.condition.questionId) && vals.some((x) => q.condition!.values.includes(x)))
        shown.add(q.id);
    }
  }
  return shown;
}

function QuestionField({
  q,
  value,
  onChange,
}: {
  q: Q;
  value: Value | undefined;
  onChange: (v: Value) => void;
}) {
  const { t } = useTranslation();
  const legend = (
    <legend className="kern-label">
      {q.text}
      {q.required ? <span> ({t('surveys.requiredShort')})</span> : null}
    </legend>
  );
  if (q.kind === 'text')
    return (
      <div className="kern-form-input">
        <label className="kern-label" htmlFor={`q-${q.id}`}>
          {q.text}
          {q.required ? ` (${t('surveys.requiredShort')})` : ''}
        </label>
        <textarea
          id={`q-${q.id}`}
          className="kern-form-input__input"
          rows={4}
          value={(value as string) ?? ''}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
    );
  const opts =
    q.kind === 'likert'
      ? q.options.map((l, i) => ({ value: String(i + 1), label: `${i + 1} – ${l}` }))
      : q.options.map((o) => ({ value: o, label: o }));
  const multi = q.kind === 'multiple';
  const list = Array.isArray(value) ? value : [];
  return (
    <fieldset className="kern-fieldset">
      {legend}
      <div className="kern-fieldset__body">
        {opts.map((o) => {
          const id = `q-${q.id}-${o.value}`;
          const checked = multi ? list.includes(o.value) : String(value ?? '') === o.value;
          return (
            <div key={o.value} className={multi ? 'kern-form-check' : 'kern-form-check'}>
              <input
                id={id}
                className={multi ? 'kern-form-check__checkbox' : 'kern-form-check__radio'}
                type={multi ? 'checkbox' : 'radio'}
                name={`q-${q.id}`}
                checked={checked}
                onChange={(e) =>
                  multi
                    ? onChange(e.target.checked ? [...list, o.value] : list.filter((x) => x !== o.value))
                    : onChange(q.kind === 'likert' ? Number(o.value) : o.value)
                }
              />
              <label className="kern-label" htmlFor={id}>
                {o.label}
              </label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

/** The anonymous answer page behind a survey link (no account, works on a phone). */
export function AnswerPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const form = useQuery(answerFormQuery(token));
  const [answers, setAnswers] = useState<Record<string, Value>>({});
  const errorRef = useRef<HTMLDivElement>(null);
  const submit = useMutation({
    mutationFn: (a: Record<string, Value>) => submitAnswers(token, a),
    onError: () => setTimeout(() => errorRef.current?.focus(), 0),
  });
  if (form.isPending) return <Loading />;
  if (form.error)
    return isGone(form.error) ? <LinkGone error={form.error} /> : <ErrorAlert error={form.error} />;
  if (submit.isSuccess)
    return (
      <>
        <LinkPageHeading title={t('surveys.thanksTitle')} />
        <Alert kind="success" title={t('surveys.thanksTitle')}>
          <p className="kern-body">{t('surveys.thanks')}</p>
        </Alert>
      </>
    );
  const shown = visible(form.data.questions, answers);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate(Object.fromEntries(Object.entries(answers).filter(([k]) => shown.has(k))));
  };
  return (
    <>
      <LinkPageHeading title={form.data.title} />
      {form.data.intro ? <p className="kern-body">{form.data.intro}</p> : null}
      <p className="kern-body kern-body--small">{t('surveys.anonymous')}</p>
      <form onSubmit={onSubmit} noValidate className="bn-form">
        {submit.error ? (
          <div ref={errorRef} tabIndex={-1}>
            {isGone(submit.error) ? <LinkGone error={submit.error} /> : <ErrorAlert error={submit.error} />}
          </div>
        ) : null}
        {form.data.questions
          .filter((q) => shown.has(q.id))
          .map((q) => (
            <QuestionField
              key={q.id}
              q={q}
              value={answers[q.id]}
              onChange={(v) => setAnswers((a) => ({ ...a, [q.id]: v }))}
            />
          ))}
        <Button type="submit" busy={submit.isPending}>
          {t('surveys.submit')}
        </Button>
      </form>
    </>
  );
}
