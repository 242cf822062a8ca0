import type { FormEvent, ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './alert';
import { Button } from './button';

/** The modal frame every dialog shares: React Aria handles focus trap, Escape and focus return. */
function ModalFrame({
  open,
  onClose,
  wide,
  role,
  title,
  headerExtra,
  children,
}: {
  open: boolean;
  onClose: () => void;
  wide?: boolean;
  role?: 'alertdialog';
  title: string;
  headerExtra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <ModalOverlay
      isOpen={open}
      onOpenChange={(o) => (o ? null : onClose())}
      isDismissable
      className="bn-modal-overlay"
    >
      <Modal className={`bn-modal${wide ? ' bn-modal--wide' : ''}`}>
        <Dialog className="kern-dialog bn-dialog" role={role}>
          <header className="kern-dialog__header">
            <Heading slot="title" level={2} className="kern-title kern-heading-small">
              {title}
            </Heading>
            {headerExtra}
          </header>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** A confirmation for destructive actions. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
  busy,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <ModalFrame open={open} onClose={onClose} title={title} role="alertdialog">
      <div className="kern-dialog__body">{children}</div>
      <footer className="kern-dialog__footer">
        <Button variant="secondary" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button variant="primary" onClick={onConfirm} busy={busy}>
          {confirmLabel}
        </Button>
      </footer>
    </ModalFrame>
  );
}

/** What ConfirmAction needs of a mutation (TanStack Query's useMutation result fits). */
type Action<T> = { mutate: (target: T) => void; reset: () => void; isPending: boolean; error: unknown };

/**
 * "Really do this to that?": a confirmation bound to the item chosen (null: closed) and the mutation
 * that acts on it, showing the mutation's error inside the dialog.
 */
export function ConfirmAction<T>({
  target,
  action,
  onClose,
  title,
  confirmLabel,
  children,
}: {
  target: T | null;
  action: Action<T>;
  onClose: () => void;
  title: string;
  confirmLabel: string;
  children: ReactNode;
}) {
  return (
    <ConfirmDialog
      open={target !== null}
      title={title}
      confirmLabel={confirmLabel}
      busy={action.isPending}
      onClose={() => {
        onClose();
        action.reset();
      }}
      onConfirm={() => target !== null && action.mutate(target)}
    >
      {children}
      <ErrorAlert error={action.error} />
    </ConfirmDialog>
  );
}

/** A plain dialog for showing content (e.g. a mail's text). */
export function InfoDialog({
  open,
  title,
  children,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <ModalFrame
      open={open}
      onClose={onClose}
      title={title}
      wide
      headerExtra={
        <button type="button" className="kern-btn kern-btn--tertiary" onClick={onClose}>
          <span className="kern-icon kern-icon--close" aria-hidden="true" />
          <span className="kern-label kern-sr-only">{t('common.close')}</span>
        </button>
      }
    >
      <div className="kern-dialog__body">{children}</div>
    </ModalFrame>
  );
}

/** A dialog holding a small form: fields in the body, cancel and submit in the footer. */
export function FormDialog({
  open,
  title,
  children,
  submitLabel,
  onSubmit,
  onClose,
  busy,
  error,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  submitLabel: string;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  onClose: () => void;
  busy?: boolean;
  error?: unknown;
}) {
  const { t } = useTranslation();
  return (
    <ModalFrame open={open} onClose={onClose} title={title} wide>
      <form
        className="bn-dialog__form"
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(e);
        }}
      >
        <div className="kern-dialog__body bn-dialog__fields">
          <ErrorAlert error={error} />
          {children}
        </div>
        <footer className="kern-dialog__footer">
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" busy={busy}>
            {submitLabel}
          </Button>
        </footer>
      </form>
    </ModalFrame>
  );
}
