import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkDetail } from '../../../../contracts/networks';
import {
  ActionsCell,
  Button,
  ConfirmAction,
  ErrorAlert,
  FormDialog,
  Loading,
  RowButton,
  Section,
  StatusMessage,
  TableHead,
  TableRegion,
  TextField,
} from '../../../components/ui';
import { saveMunicipalities, structureQuery } from '../api';

type Entry = { regionKey: string; name: string };

/**
 * The network's municipalities (Kommunen) by official key: the address book files institutions under
 * them. Every change saves the whole list; the server keeps a renamed municipality's institutions and
 * refuses to remove one an institution still uses.
 */
export function MunicipalitiesSection({ network, editable }: { network: NetworkDetail; editable: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const structure = useQuery(structureQuery(network.id));
  const list = [...(structure.data?.municipalities ?? [])].sort((a, b) =>
    a.regionKey.localeCompare(b.regionKey),
  );
  const [done, setDone] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<Entry | null>(null);
  const [removing, setRemoving] = useState<Entry | null>(null);
  const save = async (next: Entry[]) => {
    await saveMunicipalities(network.id, next);
    await Promise.all([
      qc.invalidateQueries({ queryKey: structureQuery(network.id).queryKey }),
      qc.invalidateQueries({ queryKey: ['networks', network.id, 'contacts'] }),
    ]);
  };
  const add = useMutation({
    mutationFn: (m: Entry) => save([...list, m]),
    onSuccess: (_, m) => setDone(t('settings.municipalityAdded', { name: m.name })),
  });
  const rename = useMutation({
    mutationFn: (m: Entry) => save(list.map((x) => (x.regionKey === m.regionKey ? m : x))),
    onSuccess: (_, m) => {
      setRenaming(null);
      setDone(t('settings.municipalityRenamed', { name: m.name }));
    },
  });
  const remove = useMutation({
    mutationFn: (m: Entry) => save(list.filter((x) => x.regionKey !== m.regionKey)),
    onSuccess: (_, m) => {
      setRemoving(null);
      setDone(t('settings.municipalityRemoved', { name: m.name }));
    },
  });

  function submitAdd(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    setDone(null);
    add.mutate(
      { regionKey: String(fd.get('regionKey') ?? '').trim(), name: String(fd.get('name') ?? '').trim() },
      { onSuccess: () => form.reset() },
    );
  }
  function submitRename(e: FormEvent<HTMLFormElement>) {
    const fd = new FormData(e.currentTarget);
    if (renaming) rename.mutate({ regionKey: renaming.regionKey, name: String(fd.get('name') ?? '').trim() });
  }

  return (
    <Section title={t('settings.municipalitiesTitle')} id="kommunen">
      <p className="kern-body">{t('settings.municipalitiesIntro')}</p>
      <StatusMessage message={done} />
      <ErrorAlert error={structure.error} />
      {structure.isPending ? (
        <Loading />
      ) : list.length === 0 ? (
        <p className="kern-body">{t('settings.municipalitiesNone')}</p>
      ) : (
        <TableRegion label={t('settings.municipalitiesTable')}>
          <table className="kern-table bn-table">
            <caption className="kern-title kern-sr-only">{t('settings.municipalitiesTable')}</caption>
            <TableHead
              columns={[t('settings.regionKey'), t('common.name')]}
              actions={editable ? t('settings.municipalityActions') : null}
            />
            <tbody className="kern-table__body">
              {list.map((m) => (
                <tr className="kern-table__row" key={m.regionKey}>
                  <td className="kern-table__cell">{m.regionKey}</td>
                  <td className="kern-table__cell bn-break">{m.name}</td>
                  {editable ? (
                    <ActionsCell>
                      <RowButton
                        icon="edit"
                        label={t('settings.municipalityRenameOf', { name: m.name })}
                        onClick={() => {
                          rename.reset();
                          setDone(null);
                          setRenaming(m);
                        }}
                      >
                        {t('settings.municipalityRename')}
                      </RowButton>
                      <RowButton
                        icon="delete"
                        label={t('settings.municipalityRemoveOf', { name: m.name })}
                        onClick={() => {
                          setDone(null);
                          setRemoving(m);
                        }}
                      >
                        {t('settings.municipalityRemove')}
                      </RowButton>
                    </ActionsCell>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {editable ? (
        <form className="bn-form" onSubmit={submitAdd} aria-labelledby="kommune-neu">
          <h3 className="kern-heading-small" id="kommune-neu">
            {t('settings.municipalityAddTitle')}
          </h3>
          <ErrorAlert error={add.error} />
          <TextField
            label={t('settings.regionKey')}
            name="regionKey"
            required
            inputMode="numeric"
            pattern="[0-9]{8}"
            hint={t('settings.municipalityKeyHint', { regionKey: network.regionKey })}
          />
          <TextField label={t('settings.municipalityName')} name="name" required maxLength={200} />
          <div className="bn-form__actions">
            <Button type="submit" icon="add" busy={add.isPending}>
              {t('settings.municipalityAdd')}
            </Button>
          </div>
        </form>
      ) : null}
      <FormDialog
        open={renaming !== null}
        title={t('settings.municipalityRenameTitle', { regionKey: renaming?.regionKey ?? '' })}
        submitLabel={t('common.save')}
        onSubmit={submitRename}
        onClose={() => setRenaming(null)}
        busy={rename.isPending}
        error={rename.error}
      >
        <TextField
          key={renaming?.regionKey}
          label={t('settings.municipalityName')}
          name="name"
          required
          maxLength={200}
          defaultValue={renaming?.name}
        />
      </FormDialog>
      <ConfirmAction
        target={removing}
        action={remove}
        onClose={() => setRemoving(null)}
        title={t('settings.municipalityRemoveTitle', { name: removing?.name ?? '' })}
        confirmLabel={t('settings.municipalityRemove')}
      >
        <p className="kern-body">{t('settings.municipalityRemoveText')}</p>
      </ConfirmAction>
    </Section>
  );
}
