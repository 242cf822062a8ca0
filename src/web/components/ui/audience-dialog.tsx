import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AudiencePreview } from '../../../contracts/steering';
import { Alert, ErrorAlert } from './alert';
import { ConfirmDialog } from './dialog';
import { Loading } from './page';

/**
 * A look before a mass mail goes out: who receives what, and who cannot be reached and why, as the
 * server's preview says; the office confirms or cancels. `warning` explains what an unreachable person
 * means for this action.
 */
export function AudienceDialog({
  open,
  title,
  confirmLabel,
  preview,
  loadError,
  warning,
  busy,
  error,
  onConfirm,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  confirmLabel: string;
  preview: AudiencePreview | undefined;
  loadError: unknown;
  warning?: string;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
  children?: ReactNode;
}) {
  const ready = !!preview && !preview.blocked;
  return (
    <ConfirmDialog
      open={open}
      title={title}
      confirmLabel={confirmLabel}
      busy={busy || !ready}
      onConfirm={() => ready && onConfirm()}
      onClose={onClose}
    >
      <ErrorAlert error={loadError ?? error} />
      {children}
      <AudienceList preview={preview} loadError={loadError} warning={warning} />
    </ConfirmDialog>
  );
}

/** The preview's list: who receives what by e-mail, and first who cannot be reached and why. */
export function AudienceList({
  preview,
  loadError,
  warning,
}: {
  preview: AudiencePreview | undefined;
  loadError: unknown;
  warning?: string;
}) {
  const { t } = useTranslation();
  if (!preview) {
    return loadError ? null : (
      <>
        <Loading />
        <p className="kern-body">{t('massActions.loading')}</p>
      </>
    );
  }
  if (preview.blocked) return <Alert kind="warning">{preview.blocked}</Alert>;
  const reachable = preview.recipients.filter((r) => !r.unreachable);
  const unreachable = preview.recipients.filter((r) => r.unreachable);
  return (
    <div className="bn-stack bn-audience">
      <p className="kern-body">{t('massActions.summary', { what: preview.what, count: reachable.length })}</p>
      {unreachable.length > 0 ? (
        <Alert kind="warning" title={t('massActions.unreachableTitle', { count: unreachable.length })}>
          <ul className="bn-card-list">
            {unreachable.map((r) => (
              <li key={`${r.role}-${r.name}`}>
                <strong>{r.name}</strong> ({t(`massActions.roles.${r.role}`)}): {r.unreachable}
              </li>
            ))}
          </ul>
          {warning ? <p className="kern-body">{warning}</p> : null}
        </Alert>
      ) : null}
      <h3 className="kern-heading-small">{t('massActions.receivesTitle', { count: reachable.length })}</h3>
      <ul className="bn-card-list bn-audience__list">
        {reachable.map((r) => (
          <li key={`${r.role}-${r.name}-${r.email}`}>
            <strong>{r.name}</strong>{' '}
            <span className="bn-muted">
              ({t(`massActions.roles.${r.role}`)}, <span className="bn-break">{r.email}</span>)
            </span>
            <br />
            {r.receives}
          </li>
        ))}
      </ul>
    </div>
  );
}
