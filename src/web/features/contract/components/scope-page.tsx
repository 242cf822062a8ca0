import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScopeAnswer } from '../../../../contracts/contract';
import {
  Button,
  DateField,
  ErrorAlert,
  FieldError,
  Loading,
  Page,
  SelectField,
} from '../../../components/ui';
import { formatDay, today } from '../../../lib/format';
import { fieldsQuery, responsibilitiesQuery, type ScopeSubject, scopeQuery } from '../api';
import { categories } from './labels';

/** "Is this joint business on that day?" for a field of action or a matter of the catalogue. */
export function ScopePage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const fields = useQuery(fieldsQuery(networkId));
  const matters = useQuery(responsibilitiesQuery(networkId));
  const [asked, setAsked] = useState<{ subject: ScopeSubject; on: string } | null>(null);
  const [missing, setMissing] = useState(false);
  const answer = useQuery({
    ...scopeQuery(networkId, asked?.subject ?? { kind: 'field', id: '' }, asked?.on ?? ''),
    enabled: asked !== null,
  });

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const [kind, id] = String(fd.get('subject') ?? '').split(':');
    if (!id || (kind !== 'field' && kind !== 'matter')) return setMissing(true);
    setMissing(false);
    setAsked({ subject: { kind, id }, on: String(fd.get('on') || today()) });
  }

  const fieldOptions = [...(fields.data ?? [])]
    .filter((f) => f.introducedBy.status !== 'withdrawn')
    .sort((a, b) => a.name.localeCompare(b.name, 'de'))
    .map((f) => ({ value: `field:${f.id}`, label: f.name }));
  const groups = [
    { label: t('scope.fieldsGroup'), options: fieldOptions },
    ...categories.map((c) => ({
      label: t('scope.catalogueGroup', { category: t(`contract.categoriesPlural.${c}`) }),
      options: (matters.data ?? [])
        .filter((m) => m.category === c)
        .map((m) => ({ value: `matter:${m.id}`, label: m.matter })),
    })),
  ].filter((g) => g.options.length > 0);

  return (
    <Page title={t('scope.title')} intro={t('scope.intro')}>
      <ErrorAlert error={fields.error ?? matters.error} />
      <form className="bn-form" onSubmit={submit} noValidate>
        <div>
          <SelectField
            label={t('scope.subject')}
            name="subject"
            defaultValue=""
            options={[{ value: '', label: t('scope.choose') }]}
            groups={groups}
            aria-invalid={missing || undefined}
            aria-describedby={missing ? 'scope-subject-error' : undefined}
          />
          {missing ? <FieldError id="scope-subject-error">{t('scope.chooseFirst')}</FieldError> : null}
        </div>
        <DateField label={t('scope.on')} name="on" defaultValue={today()} required />
        <div className="bn-form__actions">
          <Button type="submit" icon="search">
            {t('scope.check')}
          </Button>
        </div>
      </form>
      <section className="bn-section" aria-labelledby="scope-answer" aria-live="polite">
        <h2 className="kern-heading-medium" id="scope-answer">
          {t('scope.answerTitle')}
        </h2>
        {asked === null ? null : answer.isPending ? (
          <Loading />
        ) : answer.error ? (
          <ErrorAlert error={answer.error} />
        ) : answer.data ? (
          <Answer answer={answer.data} />
        ) : null}
      </section>
    </Page>
  );
}

function Answer({ answer: a }: { answer: ScopeAnswer }) {
  const { t } = useTranslation();
  const headline = a.joint
    ? t('scope.joint')
    : a.owner
      ? t('scope.notJoint', { stays: a.owner.stays, owner: a.owner.label })
      : t('scope.notJointNoOwner');
  return (
    <article
      className={`bn-answer ${a.joint ? 'bn-answer--joint' : 'bn-answer--not-joint'}`}
      data-testid="scope-answer"
    >
      <p className="kern-body kern-body--small bn-answer__asked">
        {t('scope.asked', { subject: a.subject.name, date: formatDay(a.day) })}
      </p>
      <h3 className="kern-heading-medium bn-answer__headline">
        <span className={`kern-icon kern-icon--${a.joint ? 'success' : 'info'}`} aria-hidden="true" />{' '}
        {headline}
      </h3>
      <p className="kern-body">{a.message}</p>
      {a.version ? (
        <p className="kern-body kern-body--small">
          {t('scope.basis', {
            number: a.version.number,
            title: a.version.title,
            date: formatDay(a.version.effectiveFrom),
          })}
        </p>
      ) : null}
    </article>
  );
}
