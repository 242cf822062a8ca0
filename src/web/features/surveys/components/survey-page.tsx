import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  CheckboxField,
  ErrorAlert,
  Loading,
  Page,
  Section,
  SelectField,
  StatusMessage,
  TextAreaField,
  TextField,
} from '../../../components/ui';
import { useCan } from '../../../lib/session';
import {
  addFromBank,
  addQuestion,
  bankQuery,
  exportUrl,
  mintLinks,
  moveQuestion,
  type QuestionBody,
  removeQuestion,
  resultsQuery,
  type SurveyDetail,
  saveToBank,
  sendToParticipants,
  setStatus,
  surveyQuery,
  surveysKey,
} from '../api';
import { ResultsView } from './results-view';
import { StatusBadge } from './surveys-page';

const likertValues = ['1', '2', '3', '4', '5'];

function AddQuestionForm({ networkId, survey }: { networkId: string; survey: SurveyDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [kind, setKind] = useState<QuestionBody['kind']>('likert');
  const [text, setText] = useState('');
  const [options, setOptions] = useState('');
  const [required, setRequired] = useState(false);
  const [condQ, setCondQ] = useState('');
  const [condV, setCondV] = useState('');
  const earlier = survey.questionList.filter((q) => q.kind !== 'text');
  const target = earlier.find((q) => q.id === condQ);
  const values = target ? (target.kind === 'likert' ? likertValues : target.options) : [];
  const add = useMutation({
    mutationFn: () =>
      addQuestion(networkId, survey.id, {
        kind,
        text,
        options:
          kind === 'single' || kind === 'multiple'
            ? options
                .split('\n')
                .map((o) => o.trim())
                .filter(Boolean)
            : [],
        required,
        condition: target && condV ? { questionId: target.id, values: [condV] } : null,
      }),
    onSuccess: (s) => {
      qc.setQueryData(surveyQuery(networkId, survey.id).queryKey, s);
      setText('');
      setOptions('');
      setCondQ('');
      setCondV('');
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <form onSubmit={submit} className="bn-form" noValidate aria-labelledby="add-question">
      <h3 className="kern-heading-small" id="add-question">
        {t('surveys.addQuestion')}
      </h3>
      {add.error ? <ErrorAlert error={add.error} /> : null}
      <SelectField
        label={t('surveys.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as QuestionBody['kind'])}
        options={(['likert', 'single', 'multiple', 'text'] as const).map((k) => ({
          value: k,
          label: t(`surveys.kinds.${k}`),
        }))}
      />
      <TextField label={t('surveys.questionText')} value={text} onChange={(e) => setText(e.target.value)} />
      {kind === 'single' || kind === 'multiple' ? (
        <TextAreaField
          label={t('surveys.options')}
          hint={t('surveys.optionsHint')}
          value={options}
          onChange={(e) => setOptions(e.target.value)}
        />
      ) : null}
      <CheckboxField
        label={t('surveys.required')}
        checked={required}
        onChange={(e) => setRequired(e.target.checked)}
      />
      <SelectField
        label={t('surveys.conditionQuestion')}
        hint={t('surveys.conditionHint')}
        value={condQ}
        onChange={(e) => {
          setCondQ(e.target.value);
          setCondV('');
        }}
        options={[
          { value: '', label: t('surveys.always') },
          ...earlier.map((q) => ({ value: q.id, label: `${q.position}. ${q.text}` })),
        ]}
      />
      {target ? (
        <SelectField
          label={t('surveys.conditionValue')}
          value={condV}
          onChange={(e) => setCondV(e.target.value)}
          options={[
            { value: '', label: t('surveys.choose') },
            ...values.map((v) => ({ value: v, label: v })),
          ]}
        />
      ) : null}
      <Button type="submit" busy={add.isPending}>
        {t('surveys.addQuestionButton')}
      </Button>
    </form>
  );
}

function Builder({ networkId, survey }: { networkId: string; survey: SurveyDetail }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const can = useCan();
  const bank = useQuery({ ...bankQuery(networkId), enabled: can('surveys.manage') });
  const [bankId, setBankId] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const editable = can('surveys.manage') && survey.answers === 0 && survey.status !== 'closed';
  const set = (s: SurveyDetail) => qc.setQueryData(surveyQuery(networkId, survey.id).queryKey, s);
  const act = useMutation({
    mutationFn: (f: () => Promise<unknown>) => f(),
    onSuccess: (s) => {
      if (s && typeof s === 'object' && 'questionList' in s) set(s as SurveyDetail);
      qc.invalidateQueries({ queryKey: surveysKey(networkId) });
    },
  });
  const byId = new Map(survey.questionList.map((q) => [q.id, q]));
  return (
    <>
      {act.error ? <ErrorAlert error={act.error} /> : null}
      <StatusMessage message={message} />
      {survey.answers > 0 ? (
        <Alert kind="info">
          <p className="kern-body">{t('surveys.fixed')}</p>
        </Alert>
      ) : null}
      <ol className="bn-survey-questions">
        {survey.questionList.map((q, i) => {
          const cond = q.condition ? byId.get(q.condition.questionId) : undefined;
          return (
            <li key={q.id} className="bn-survey-question">
              <p className="kern-body">
                <strong>{q.text}</strong>{' '}
                <span className="kern-body--small">
                  ({t(`surveys.kinds.${q.kind}`)}
                  {q.required ? `, ${t('surveys.requiredShort')}` : ''})
                </span>
              </p>
              {q.options.length > 0 && q.kind !== 'likert' ? (
                <p className="kern-body kern-body--small">{q.options.join(' · ')}</p>
              ) : null}
              {cond ? (
                <p className="kern-body kern-body--small">
                  {t('surveys.onlyIf', {
                    question: `${cond.position}. ${cond.text}`,
                    values: q.condition!.values.join(', '),
                  })}
                </p>
              ) : null}
              {editable ? (
                <div className="bn-actions">
                  <Button
                    variant="tertiary"
                    small
                    disabled={i === 0}
                    onClick={() => act.mutate(() => moveQuestion(networkId, survey.id, q.id, 'up'))}
                  >
                    {t('surveys.up')}
                    <span className="kern-sr-only">: {q.text}</span>
                  </Button>
                  <Button
                    variant="tertiary"
                    small
                    disabled={i === survey.questionList.length - 1}
                    onClick={() => act.mutate(() => moveQuestion(networkId, survey.id, q.id, 'down'))}
                  >
                    {t('surveys.down')}
                    <span className="kern-sr-only">: {q.text}</span>
                  </Button>
                  <Button
                    variant="tertiary"
                    small
                    onClick={() => act.mutate(() => removeQuestion(networkId, survey.id, q.id))}
                  >
                    {t('surveys.remove')}
                    <span className="kern-sr-only">: {q.text}</span>
                  </Button>
                  <Button
                    variant="tertiary"
                    small
                    onClick={() =>
                      act.mutate(async () => {
                        await saveToBank(networkId, survey.id, q.id);
                        setMessage(t('surveys.banked'));
                        qc.invalidateQueries({ queryKey: bankQuery(networkId).queryKey });
                      })
                    }
                  >
                    {t('surveys.toBank')}
                    <span className="kern-sr-only">: {q.text}</span>
                  </Button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {editable ? (
        <>
          <AddQuestionForm networkId={networkId} survey={survey} />
          {(bank.data ?? []).length > 0 ? (
            <form
              className="bn-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (bankId) act.mutate(() => addFromBank(networkId, survey.id, bankId));
              }}
            >
              <SelectField
                label={t('surveys.fromBank')}
                value={bankId}
                onChange={(e) => setBankId(e.target.value)}
                options={[
                  { value: '', label: t('surveys.choose') },
                  ...(bank.data ?? []).map((b) => ({ value: b.id, label: b.text })),
                ]}
              />
              <Button type="submit" variant="secondary">
                {t('surveys.fromBankButton')}
              </Button>
            </form>
          ) : null}
        </>
      ) : null}
    </>
  );
}

function Distribution({ networkId, survey }: { networkId: string; survey: SurveyDetail }) {
  const { t } = useTranslation();
  const [count, setCount] = useState('20');
  const [sent, setSent] = useState<string | null>(null);
  const mint = useMutation({ mutationFn: () => mintLinks(networkId, survey.id, Number(count)) });
  const send = useMutation({
    mutationFn: () => sendToParticipants(networkId, survey.id),
    onSuccess: (r) => setSent(t('surveys.sent', { count: r.queued })),
  });
  return (
    <>
      {survey.subjectKind === 'event' ? (
        <div className="bn-form">
          {send.error ? <ErrorAlert error={send.error} /> : null}
          <StatusMessage message={sent} />
          <Button
            variant="secondary"
            onClick={() => send.mutate()}
            busy={send.isPending}
            disabled={survey.status !== 'open'}
          >
            {t('surveys.send')}
          </Button>
        </div>
      ) : null}
      <form
        className="bn-form"
        onSubmit={(e) => {
          e.preventDefault();
          mint.mutate();
        }}
      >
        {mint.error ? <ErrorAlert error={mint.error} /> : null}
        <TextField
          label={t('surveys.linkCount')}
          hint={t('surveys.linkHint')}
          inputMode="numeric"
          value={count}
          onChange={(e) => setCount(e.target.value)}
        />
        <Button type="submit" variant="secondary" busy={mint.isPending} disabled={survey.status === 'closed'}>
          {t('surveys.mint')}
        </Button>
      </form>
      {mint.data ? (
        <TextAreaField
          label={t('surveys.links', { count: mint.data.urls.length })}
          readOnly
          rows={6}
          value={mint.data.urls.join('\n')}
        />
      ) : null}
    </>
  );
}

export function SurveyResultsSection({ networkId, survey }: { networkId: string; survey: SurveyDetail }) {
  const { t } = useTranslation();
  const [group, setGroup] = useState('');
  const results = useQuery(resultsQuery(networkId, survey.id, group || undefined));
  const groups = survey.questionList
    .filter((q) => q.kind === 'single')
    .flatMap((q) => q.options.map((o) => ({ value: `${q.id}:${o}`, label: `${q.text}: ${o}` })));
  return (
    <Section title={t('surveys.results')} id="survey-results">
      {groups.length > 0 ? (
        <SelectField
          label={t('surveys.group')}
          value={group}
          onChange={(e) => setGroup(e.target.value)}
          options={[{ value: '', label: t('surveys.allAnswers') }, ...groups]}
        />
      ) : null}
      {results.isPending ? (
        <Loading />
      ) : results.error ? (
        <ErrorAlert error={results.error} />
      ) : (
        <ResultsView results={results.data} />
      )}
      <p className="kern-body">
        <a className="kern-link" href={exportUrl(networkId, survey.id)} download>
          {t('surveys.export')}
        </a>
      </p>
    </Section>
  );
}

export function SurveyPage({ networkId, surveyId }: { networkId: string; surveyId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const qc = useQueryClient();
  const q = useQuery(surveyQuery(networkId, surveyId));
  const status = useMutation({
    mutationFn: (to: 'open' | 'closed') => setStatus(networkId, surveyId, to, q.data!.version),
    onSuccess: (s) => {
      qc.setQueryData(surveyQuery(networkId, surveyId).queryKey, s);
      qc.invalidateQueries({ queryKey: surveysKey(networkId) });
    },
  });
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const s = q.data;
  return (
    <Page
      title={s.title}
      intro={
        <>
          {s.subjectLabel} · {s.year} · <StatusBadge status={s.status} /> ·{' '}
          {t('surveys.answersCount', { count: s.answers })}
        </>
      }
      actions={
        can('surveys.manage') ? (
          s.status === 'open' ? (
            <Button variant="secondary" onClick={() => status.mutate('closed')} busy={status.isPending}>
              {t('surveys.close')}
            </Button>
          ) : (
            <Button onClick={() => status.mutate('open')} busy={status.isPending}>
              {t('surveys.open')}
            </Button>
          )
        ) : null
      }
    >
      {status.error ? <ErrorAlert error={status.error} /> : null}
      <Section title={t('surveys.questions')} id="survey-questions">
        <Builder networkId={networkId} survey={s} />
      </Section>
      {can('surveys.manage') && s.status !== 'closed' ? (
        <Section title={t('surveys.distribute')} id="survey-distribute">
          <Distribution networkId={networkId} survey={s} />
        </Section>
      ) : null}
      <SurveyResultsSection networkId={networkId} survey={s} />
    </Page>
  );
}
