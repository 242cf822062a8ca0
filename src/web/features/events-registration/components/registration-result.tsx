import type { TFunction } from 'i18next';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistrationResult } from '../../../../contracts/events-registration';
import { Alert } from '../../../components/ui/alert';

/** What the person sees right after registering: confirmed or on the waiting list, per session too. */
export function RegistrationDone({ result }: { result: RegistrationResult }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} className="bn-section">
      {result.status === 'confirmed' ? (
        <Alert kind="success" title={t('eventsRegistration.done.confirmed')}>
          <p className="kern-body">{t('eventsRegistration.done.mail')}</p>
        </Alert>
      ) : (
        <Alert
          kind="warning"
          title={t('eventsRegistration.done.waiting', { n: result.waitingPosition ?? '–' })}
        >
          <p className="kern-body">{t('eventsRegistration.done.waitingMail')}</p>
        </Alert>
      )}
      <ChoiceList choices={result.choices} />
    </div>
  );
}

export function ChoiceList({ choices }: { choices: RegistrationResult['choices'] }) {
  const { t } = useTranslation();
  if (choices.length === 0) return null;
  return (
    <ul className="kern-list">
      {choices.map((c) => (
        <li key={c.sessionId}>
          {t('eventsRegistration.form.choice', { n: c.priority })}: {c.title} –{' '}
          <strong>{statusText(t, c)}</strong>
        </li>
      ))}
    </ul>
  );
}

export function statusText(
  t: TFunction,
  c: { status: 'confirmed' | 'offered' | 'waiting' | 'cancelled'; waitingPosition: number | null },
): string {
  if (c.status === 'waiting' && c.waitingPosition)
    return t('eventsRegistration.status.waitingAt', { n: c.waitingPosition });
  return t(`eventsRegistration.status.${c.status}`);
}
