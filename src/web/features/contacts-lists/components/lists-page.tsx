import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Badge,
  Button,
  CheckboxField,
  ErrorAlert,
  FormDialog,
  Loading,
  Page,
  TableHead,
  TableRegion,
  TextAreaField,
  TextField,
} from '../../../components/ui';
import { RadioFieldset } from '../../../components/ui/radio-fieldset';
import { useCan } from '../../../lib/session';
import { createList, listsKey, listsQuery } from '../api';

/** The network's distribution lists: kind, who receives mails, who is left out; creating a list. */
export function ListsPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const lists = useQuery(listsQuery(networkId));
  const [creating, setCreating] = useState(false);
  const [kind, setKind] = useState<'static' | 'dynamic'>('dynamic');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: (fd: FormData) =>
      createList(networkId, {
        name: String(fd.get('name') ?? ''),
        description: String(fd.get('description') ?? ''),
        kind,
        needsConsent: fd.get('needsConsent') === 'on',
      }),
    onSuccess: async (l) => {
      await qc.invalidateQueries({ queryKey: listsKey(networkId) });
      setCreating(false);
      await navigate({ to: '/n/$networkId/netzwerk/verteiler/$listId', params: { networkId, listId: l.id } });
    },
  });
  const rows = lists.data ?? [];
  return (
    <Page
      title={t('contactsLists.title')}
      intro={t('contactsLists.intro')}
      actions={
        can('contacts.manage') ? (
          <Button
            icon="add"
            onClick={() => {
              create.reset();
              setCreating(true);
            }}
          >
            {t('contactsLists.create')}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={lists.error} />
      {lists.isPending ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p className="kern-body">{t('contactsLists.none')}</p>
      ) : (
        <TableRegion label={t('contactsLists.title')}>
          <table className="kern-table bn-table">
            <caption className="kern-title kern-sr-only">{t('contactsLists.title')}</caption>
            <TableHead
              columns={[
                t('contactsLists.name'),
                t('contactsLists.kind'),
                { label: t('contactsLists.recipients'), numeric: true },
                { label: t('contactsLists.left'), numeric: true },
              ]}
            />
            <tbody className="kern-table__body">
              {rows.map((l) => (
                <tr className="kern-table__row" key={l.id}>
                  <td className="kern-table__cell bn-break">
                    <Link
                      to="/n/$networkId/netzwerk/verteiler/$listId"
                      params={{ networkId, listId: l.id }}
                      className="kern-link"
                    >
                      {l.name}
                    </Link>
                    {l.description ? (
                      <>
                        <br />
                        <span className="bn-muted">{l.description}</span>
                      </>
                    ) : null}
                  </td>
                  <td className="kern-table__cell">
                    {t(`contactsLists.kindShort.${l.kind}`)}
                    {l.needsConsent ? (
                      <>
                        <br />
                        <Badge kind="info">{t('contactsLists.consentYes')}</Badge>
                      </>
                    ) : null}
                  </td>
                  <td className="kern-table__cell kern-table__cell--numeric">{l.includedCount}</td>
                  <td className="kern-table__cell kern-table__cell--numeric">{l.excludedCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <FormDialog
        open={creating}
        title={t('contactsLists.create')}
        submitLabel={t('contactsLists.create')}
        busy={create.isPending}
        error={create.error}
        onClose={() => setCreating(false)}
        onSubmit={(e: FormEvent<HTMLFormElement>) => create.mutate(new FormData(e.currentTarget))}
      >
        <TextField label={t('contactsLists.name')} name="name" required minLength={2} maxLength={200} />
        <TextAreaField label={t('contactsLists.description')} name="description" rows={2} />
        <RadioFieldset
          legend={t('contactsLists.kind')}
          name="kind"
          value={kind}
          onChange={(v) => setKind(v as 'static' | 'dynamic')}
          options={(['dynamic', 'static'] as const).map((k) => ({
            value: k,
            label: t(`contactsLists.kinds.${k}`),
          }))}
        />
        <CheckboxField
          label={t('contactsLists.needsConsent')}
          name="needsConsent"
          hint={t('contactsLists.needsConsentHint')}
        />
      </FormDialog>
    </Page>
  );
}
