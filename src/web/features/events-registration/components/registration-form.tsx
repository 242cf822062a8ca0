import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistrationInput, SessionOption } from '../../../../contracts/events-registration';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../components/ui/field';
import { formatTimeRange } from '../../../lib/format';

type Values = {
  firstName: string;
  lastName: string;
  email: string;
  institution: string;
  function: string;
  choices: string[];
  needsConsent: boolean;
  dietary: string;
  accessibility: string;
  photoConsent: boolean;
};

const empty: Values = {
  firstName: '',
  lastName: '',
  email: '',
  institution: '',
  function: '',
  choices: ['', '', ''],
  needsConsent: false,
  dietary: '',
  accessibility: '',
  photoConsent: false,
};

/**
 * The registration form (public page and invitation link): the person, session priorities as numbered
 * selects ("1. Wahl", "2. Wahl", …), needs only after the consent checkbox, the photo consent. Errors
 * are listed above the form and focused.
 */
export function RegistrationFormView({
  sessions,
  initial,
  busy,
  error,
  onSubmit,
  personFields = true,
  submitLabel,
}: {
  sessions: SessionOption[];
  initial?: Partial<Values>;
  busy: boolean;
  error: unknown;
  onSubmit: (v: RegistrationInput) => void;
  personFields?: boolean;
  submitLabel?: string;
}) {
  const { t } = useTranslation();
  const choosable = sessions.filter((s) => s.choosable);
  const slots = Math.min(3, choosable.length);
  const [v, setV] = useState<Values>({ ...empty, ...initial, choices: padded(initial?.choices, slots) });
  const [problems, setProblems] = useState<Array<{ field: string; text: string }>>([]);
  const summary = useRef<HTMLDivElement>(null);
  const fieldOf: Partial<Record<keyof Values, string>> = {
    firstName: 'reg-first',
    lastName: 'reg-last',
    email: 'reg-email',
    needsConsent: 'reg-consent',
  };
  const set = <K extends keyof Values>(k: K, value: Values[K]) => {
    setV((x) => ({ ...x, [k]: value }));
    // A corrected field loses its message at once; the list above updates with it.
    setProblems((ps) => ps.filter((p) => p.field !== fieldOf[k]));
  };
  const fieldError = (f: string) => problems.find((p) => p.field === f)?.text ?? null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Array<{ field: string; text: string }> = [];
    if (personFields) {
      if (!v.firstName.trim())
        found.push({ field: 'reg-first', text: t('eventsRegistration.form.needFirst') });
      if (!v.lastName.trim()) found.push({ field: 'reg-last', text: t('eventsRegistration.form.needLast') });
      if (!/^\S+@\S+\.\S+$/.test(v.email.trim()))
        found.push({ field: 'reg-email', text: t('eventsRegistration.form.needEmail') });
    }
    const chosen = v.choices.filter(Boolean);
    if (new Set(chosen).size !== chosen.length)
      found.push({ field: 'reg-choice-0', text: t('eventsRegistration.form.choiceTwice') });
    if (!v.needsConsent && (v.dietary.trim() || v.accessibility.trim()))
      found.push({ field: 'reg-consent', text: t('eventsRegistration.form.needConsent') });
    setProblems(found);
    if (found.length > 0) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    onSubmit({
      firstName: v.firstName,
      lastName: v.lastName,
      email: v.email,
      institution: v.institution,
      function: v.function,
      choices: chosen,
      needsConsent: v.needsConsent,
      dietary: v.needsConsent ? v.dietary : '',
      accessibility: v.needsConsent ? v.accessibility : '',
      photoConsent: v.photoConsent,
    });
  };

  const sessionLabel = (s: SessionOption) =>
    `${s.title} (${formatTimeRange(s.startsAt, s.endsAt)}${s.free === 0 ? `, ${t('eventsRegistration.form.full')}` : ''})`;

  return (
    <form className="bn-form" onSubmit={submit} noValidate>
      {problems.length > 0 ? (
        <div className="kern-alert kern-alert--danger" role="alert" tabIndex={-1} ref={summary}>
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--danger" aria-hidden="true" />
            <span className="kern-title">{t('eventsRegistration.form.problems')}</span>
          </div>
          <div className="kern-alert__body">
            <ul className="kern-list">
              {problems.map((p) => (
                <li key={p.field + p.text}>
                  <a className="kern-link" href={`#${p.field}`}>
                    {p.text}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
      <ErrorAlert error={error} />
      {personFields ? (
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('eventsRegistration.form.you')}</legend>
          <div className="kern-fieldset__body">
            <TextField
              id="reg-first"
              label={t('eventsRegistration.form.firstName')}
              autoComplete="given-name"
              required
              value={v.firstName}
              error={fieldError('reg-first')}
              onChange={(e) => set('firstName', e.target.value)}
            />
            <TextField
              id="reg-last"
              label={t('eventsRegistration.form.lastName')}
              autoComplete="family-name"
              required
              value={v.lastName}
              error={fieldError('reg-last')}
              onChange={(e) => set('lastName', e.target.value)}
            />
            <TextField
              id="reg-email"
              type="email"
              label={t('eventsRegistration.form.email')}
              autoComplete="email"
              required
              value={v.email}
              error={fieldError('reg-email')}
              onChange={(e) => set('email', e.target.value)}
            />
            <TextField
              id="reg-institution"
              label={t('eventsRegistration.form.institution')}
              autoComplete="organization"
              value={v.institution}
              onChange={(e) => set('institution', e.target.value)}
            />
            <TextField
              id="reg-function"
              label={t('eventsRegistration.form.function')}
              autoComplete="organization-title"
              value={v.function}
              onChange={(e) => set('function', e.target.value)}
            />
          </div>
        </fieldset>
      ) : null}
      {slots > 0 ? (
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('eventsRegistration.form.choices')}</legend>
          <div className="kern-fieldset__body">
            <p className="kern-hint">{t('eventsRegistration.form.choicesHint')}</p>
            {Array.from({ length: slots }, (_, i) => (
              <SelectField
                // biome-ignore lint/suspicious/noArrayIndexKey: the slots are the priorities
                key={i}
                id={`reg-choice-${i}`}
                label={t('eventsRegistration.form.choice', { n: i + 1 })}
                value={v.choices[i] ?? ''}
                onChange={(e) => {
                  const next = [...v.choices];
                  next[i] = e.target.value;
                  set('choices', next);
                }}
                options={[
                  { value: '', label: t('eventsRegistration.form.noChoice') },
                  ...choosable.map((s) => ({ value: s.id, label: sessionLabel(s) })),
                ]}
              />
            ))}
          </div>
        </fieldset>
      ) : null}
      <fieldset className="kern-fieldset">
        <legend className="kern-label">{t('eventsRegistration.form.needs')}</legend>
        <div className="kern-fieldset__body">
          <CheckboxField
            id="reg-consent"
            label={t('eventsRegistration.form.consent')}
            hint={t('eventsRegistration.form.consentHint')}
            checked={v.needsConsent}
            onChange={(e) => set('needsConsent', e.target.checked)}
          />
          {v.needsConsent ? (
            <>
              <TextAreaField
                id="reg-dietary"
                label={t('eventsRegistration.form.dietary')}
                rows={2}
                maxLength={500}
                value={v.dietary}
                onChange={(e) => set('dietary', e.target.value)}
              />
              <TextAreaField
                id="reg-accessibility"
                label={t('eventsRegistration.form.accessibility')}
                rows={2}
                maxLength={500}
                value={v.accessibility}
                onChange={(e) => set('accessibility', e.target.value)}
              />
            </>
          ) : null}
          <CheckboxField
            id="reg-photo"
            label={t('eventsRegistration.form.photo')}
            checked={v.photoConsent}
            onChange={(e) => set('photoConsent', e.target.checked)}
          />
        </div>
      </fieldset>
      <div className="bn-form__actions">
        <Button type="submit" busy={busy}>
          {submitLabel ?? t('eventsRegistration.form.submit')}
        </Button>
      </div>
    </form>
  );
}

function padded(choices: string[] | undefined, n: number) {
  const out = [...(choices ?? [])];
  while (out.length < n) out.push('');
  return out;
}
