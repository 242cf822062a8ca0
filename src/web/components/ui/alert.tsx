import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n';

type Kind = 'info' | 'success' | 'warning' | 'danger';
const icon: Record<Kind, string> = { info: 'info', success: 'success', warning: 'warning', danger: 'danger' };

/** KERN alert. Errors use role="alert" so screen readers announce them; other kinds role="status". */
export function Alert({ kind, title, children }: { kind: Kind; title?: string; children?: ReactNode }) {
  return (
    <div className={`kern-alert kern-alert--${kind}`} role={kind === 'danger' ? 'alert' : 'status'}>
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${icon[kind]}`} aria-hidden="true" />
        <span className="kern-title">{title ?? children}</span>
      </div>
      {title && children ? <div className="kern-alert__body">{children}</div> : null}
    </div>
  );
}

export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert kind="danger" title={t('errors.title')}>
      <p className="kern-body">{errorText(error)}</p>
    </Alert>
  );
}

/** A polite live region that always exists, so messages put into it are announced. */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <div aria-live="polite" className="bn-status">
      {message ? <Alert kind="success">{message}</Alert> : null}
    </div>
  );
}
