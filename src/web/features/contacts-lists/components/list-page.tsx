import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ConfirmDialog, ErrorAlert, Loading, Page, StatusMessage } from '../../../components/ui';
import { useCan } from '../../../lib/session';
import { deleteList, exportUrl, listQuery, listsKey } from '../api';
import { ListMailDialog } from './list-mail-dialog';
import { AddPeople, Members } from './list-members';
import { SavedPreview } from './list-preview';
import { ListSettingsForm } from './list-settings-form';

/**
 * One distribution list: its settings and filter (dynamic) with a live preview, or its people (static);
 * who is left out and why; the circular mail and the export.
 */
export function ListPage({ networkId, listId }: { networkId: string; listId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('contacts.manage');
  const detail = useQuery(listQuery(networkId, listId));
  const [message, setMessage] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'mail' | 'delete' | null>(null);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const refresh = () => qc.invalidateQueries({ queryKey: listsKey(networkId) });
  const remove = useMutation({
    mutationFn: () => deleteList(networkId, listId),
    onSuccess: async () => {
      await refresh();
      await navigate({ to: '/n/$networkId/netzwerk/verteiler', params: { networkId } });
    },
  });
  const l = detail.data;
  if (!l) {
    return (
      <Page title={t('contactsLists.title')}>
        {detail.isPending ? <Loading /> : <ErrorAlert error={detail.error} />}
        <BackLink networkId={networkId} />
      </Page>
    );
  }
  return (
    <Page
      title={l.name}
      intro={l.description || undefined}
      actions={
        manage ? (
          <>
            <Button icon="mail" onClick={() => setDialog('mail')}>
              {t('contactsLists.mail')}
            </Button>
            <Button variant="secondary" icon="delete" onClick={() => setDialog('delete')}>
              {t('contactsLists.delete')}
            </Button>
          </>
        ) : null
      }
    >
      <BackLink networkId={networkId} />
      <StatusMessage message={message} />
      <p className="kern-body">
        {t(`contactsLists.kinds.${l.kind}`)} ·{' '}
        {l.needsConsent ? t('contactsLists.consentYes') : t('contactsLists.consentNo')}
      </p>
      <p className="bn-actions bn-actions--start">
        <span className="kern-body">{t('contactsLists.exportLabel')}:</span>
        <a className="kern-btn kern-btn--secondary" href={exportUrl(networkId, listId, 'xlsx')} download>
          <span className="kern-label">{t('contactsLists.exportXlsx')}</span>
        </a>
        <a className="kern-btn kern-btn--secondary" href={exportUrl(networkId, listId, 'csv')} download>
          <span className="kern-label">{t('contactsLists.exportCsv')}</span>
        </a>
      </p>
      {/* Remounted per saved version, so the form starts from what was saved. */}
      <ListSettingsForm key={l.version} networkId={networkId} list={l} manage={manage} say={setMessage} />
      {l.kind === 'static' ? (
        <>
          {manage ? <AddPeople networkId={networkId} list={l} say={setMessage} /> : null}
          <Members networkId={networkId} list={l} manage={manage} say={setMessage} />
          <SavedPreview networkId={networkId} listId={listId} version={l.version} />
        </>
      ) : null}
      <ListMailDialog
        open={dialog === 'mail'}
        networkId={networkId}
        list={l}
        onClose={() => setDialog(null)}
        onSent={(text) => {
          setDialog(null);
          setMessage(text);
        }}
      />
      <ConfirmDialog
        open={dialog === 'delete'}
        title={t('contactsLists.delete')}
        confirmLabel={t('contactsLists.delete')}
        busy={remove.isPending}
        onClose={() => setDialog(null)}
        onConfirm={() => remove.mutate()}
      >
        <p className="kern-body">{t('contactsLists.deleteQuestion', { name: l.name })}</p>
        <ErrorAlert error={remove.error} />
      </ConfirmDialog>
    </Page>
  );
}

function BackLink({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  return (
    <p className="kern-body">
      <Link to="/n/$networkId/netzwerk/verteiler" params={{ networkId }} className="kern-link">
        {t('contactsLists.back')}
      </Link>
    </p>
  );
}
