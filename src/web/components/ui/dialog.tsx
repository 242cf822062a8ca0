import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from './button';

/** A confirmation for destructive actions: React Aria handles focus trap, Escape and focus return. */
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
    <ModalOverlay
      isOpen={open}
      onOpenChange={(o) => (o ? null : onClose())}
      isDismissable
      className="bn-modal-overlay"
    >
      <Modal className="bn-modal">
        <Dialog className="kern-dialog bn-dialog" role="alertdialog">
          <header className="kern-dialog__header">
            <Heading slot="title" level={2} className="kern-title kern-heading-small">
              {title}
            </Heading>
          </header>
          <div className="kern-dialog__body">{children}</div>
          <footer className="kern-dialog__footer">
            <Button variant="secondary" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button variant="primary" onClick={onConfirm} busy={busy}>
              {confirmLabel}
            </Button>
          </footer>
        </Dialog>
      </Modal>
    </ModalOverlay>
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
    <ModalOverlay
      isOpen={open}
      onOpenChange={(o) => (o ? null : onClose())}
      isDismissable
      className="bn-modal-overlay"
    >
      <Modal className="bn-modal bn-modal--wide">
        <Dialog className="kern-dialog bn-dialog">
          <header className="kern-dialog__header">
            <Heading slot="title" level={2} className="kern-title kern-heading-small">
              {title}
            </Heading>
            <button type="button" className="kern-btn kern-btn--tertiary" onClick={onClose}>
              <span className="kern-icon kern-icon--close" aria-hidden="true" />
              <span className="kern-label kern-sr-only">{t('common.close')}</span>
            </button>
          </header>
          <div className="kern-dialog__body">{children}</div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
