import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Responsibility, ResponsibilityInput } from '../../../../contracts/contract';
import {
  ActionsCell,
  Button,
  ConfirmAction,
  ErrorAlert,
  FormDialog,
  Loading,
  Page,
  RowButton,
  Section,
  SelectField,
  StatusMessage,
  TableHead,
  TableRegion,
  TextAreaField,
  TextField,
} from '../../../components/ui';
import { useCan } from '../../../lib/session';
import {
  contractKey,
  deleteResponsibility,
  fieldsQuery,
  responsibilitiesQuery,
  saveResponsibility,
} from '../api';
import { categories, type owners, useOwnerOptions } from './labels';

type Editing = { item: Responsibility | null };

/** Who is responsible for which matter, grouped by area, with a link to a field of action. */
export function CataloguePage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const qc = useQueryClient();
  const list = useQuery(responsibilitiesQuery(networkId));
  // Loaded with the page, so the dialog's field list is there when it opens.
  useQuery(fieldsQuery(networkId));
  const [message, setMessage] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [toDelete, setToDelete] = useState<Responsibility | null>(null);
  const manage = can('contract.manage');
  const refresh = () => qc.invalidateQueries({ queryKey: contractKey(networkId) });

  const remove = useMutation({
    mutationFn: (r: Responsibility) => deleteResponsibility(networkId, r.id),
    onSuccess: async (_, r) => {
      setToDelete(null);
      setMessage(t('catalogue.deleted', { matter: r.matter }));
      await refresh();
    },
  });

  const items = list.data ?? [];
  return (
    <Page
      title={t('catalogue.title')}
      intro={t('catalogue.intro')}
      actions={
        manage ? (
          <Button icon="add" onClick={() => setEditing({ item: null })}>
            {t('catalogue.add')}
          </Button>
        ) : null
      }
    >
      <StatusMessage message={message} />
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="kern-body">{t('catalogue.empty')}</p>
      ) : (
        categories.map((c) => {
          const rows = items.filter((r) => r.category === c);
          const id = `catalogue-${c}`;
          return (
            <Section key={c} title={t(`contract.categoriesPlural.${c}`)} id={id}>
              {rows.length === 0 ? (
                <p className="kern-body">{t('catalogue.none')}</p>
              ) : (
                <TableRegion labelledBy={id}>
                  <table className="kern-table bn-table">
                    <TableHead
                      columns={[
                        t('catalogue.matter'),
                        t('catalogue.owner'),
                        t('catalogue.field'),
                        t('catalogue.note'),
                      ]}
                      actions={manage ? t('common.actions') : null}
                    />
                    <tbody className="kern-table__body">
                      {rows.map((r) => (
                        <tr className="kern-table__row" key={r.id}>
                          <th scope="row" className="kern-table__cell bn-break bn-row-head">
                            {r.matter}
                          </th>
                          <td className="kern-table__cell">{r.ownerLabel}</td>
                          <td className="kern-table__cell">{r.fieldName ?? '–'}</td>
                          <td className="kern-table__cell bn-break">{r.note || '–'}</td>
                          {manage ? (
                            <ActionsCell>
                              <RowButton
                                icon="edit"
                                label={t('catalogue.editLabel', { matter: r.matter })}
                                onClick={() => setEditing({ item: r })}
                              >
                                {t('catalogue.edit')}
                              </RowButton>
                              <RowButton
                                icon="delete"
                                label={t('catalogue.deleteLabel', { matter: r.matter })}
                                onClick={() => setToDelete(r)}
                              >
                                {t('common.delete')}
                              </RowButton>
                            </ActionsCell>
                          ) : null}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableRegion>
              )}
            </Section>
          );
        })
      )}
      {editing ? (
        <ResponsibilityDialog
          networkId={networkId}
          item={editing.item}
          onClose={() => setEditing(null)}
          onDone={async (r) => {
            setEditing(null);
            setMessage(t('catalogue.saved', { matter: r.matter }));
            await refresh();
          }}
        />
      ) : null}
      <ConfirmAction
        target={toDelete}
        action={remove}
        onClose={() => setToDelete(null)}
        title={t('catalogue.deleteTitle')}
        confirmLabel={t('common.delete')}
      >
        <p className="kern-body">{t('catalogue.deleteText', { matter: toDelete?.matter ?? '' })}</p>
      </ConfirmAction>
    </Page>
  );
}

function ResponsibilityDialog({
  networkId,
  item,
  onClose,
  onDone,
}: {
  networkId: string;
  item: Responsibility | null;
  onClose: () => void;
  onDone: (r: Responsibility) => Promise<void>;
}) {
  const { t } = useTranslation();
  const fields = useQuery(fieldsQuery(networkId));
  const ownerOptions = useOwnerOptions();
  const [owner, setOwner] = useState<(typeof owners)[number]>(item?.owner ?? 'land');
  const save = useMutation({
    mutationFn: (input: ResponsibilityInput) => saveResponsibility(networkId, item?.id ?? null, input),
    onSuccess: onDone,
  });
  return (
    <FormDialog
      open
      title={item ? t('catalogue.editTitle') : t('catalogue.addTitle')}
      submitLabel={t('common.save')}
      busy={save.isPending}
      error={save.error}
      onClose={onClose}
      onSubmit={(e) => {
        const fd = new FormData(e.currentTarget);
        const s = (k: string) => String(fd.get(k) ?? '');
        save.mutate({
          matter: s('matter'),
          category: s('category') as ResponsibilityInput['category'],
          owner,
          ownerName: owner === 'other' ? s('ownerName') : null,
          fieldId: s('fieldId') || null,
          note: s('note'),
        });
      }}
    >
      <TextField
        label={t('catalogue.matter')}
        name="matter"
        required
        minLength={2}
        defaultValue={item?.matter}
      />
      <SelectField
        label={t('catalogue.category')}
        name="category"
        defaultValue={item?.category ?? 'inner_school'}
        options={categories.map((c) => ({ value: c, label: t(`contract.categories.${c}`) }))}
      />
      <SelectField
        label={t('catalogue.owner')}
        name="owner"
        value={owner}
        onChange={(e) => setOwner(e.target.value as typeof owner)}
        options={ownerOptions}
      />
      {owner === 'other' ? (
        <TextField
          label={t('catalogue.ownerName')}
          name="ownerName"
          required
          minLength={2}
          defaultValue={item?.ownerName ?? ''}
        />
      ) : null}
      <SelectField
        label={t('catalogue.field')}
        name="fieldId"
        defaultValue={item?.fieldId ?? ''}
        options={[
          { value: '', label: t('catalogue.noField') },
          ...(fields.data ?? [])
            .filter((f) => f.introducedBy.status !== 'withdrawn')
            .map((f) => ({ value: f.id, label: f.name })),
        ]}
      />
      <TextAreaField label={t('catalogue.note')} name="note" rows={3} defaultValue={item?.note ?? ''} />
    </FormDialog>
  );
}
