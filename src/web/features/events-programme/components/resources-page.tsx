import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accessibilityFeatures } from '../../../../contracts/events';
import type { Resource } from '../../../../contracts/events-programme';
import {
  ActionsCell,
  Button,
  CheckboxField,
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
import { formatDate, formatTimeRange } from '../../../lib/format';
import { useActiveNetwork } from '../../../lib/session';
import { createResource, resourcesKey, resourcesQuery, updateResource } from '../api';

/** Räume & Technik: the rooms and media of the network, with their next bookings. */
export function ResourcesPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const network = useActiveNetwork();
  const manage = network?.permissions.includes('events.manage') ?? false;
  const [archived, setArchived] = useState(false);
  const list = useQuery(resourcesQuery(networkId, archived));
  const [editing, setEditing] = useState<Resource | 'new' | null>(null);
  const [archiving, setArchiving] = useState<Resource | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const qc = useQueryClient();
  const archive = useMutation({
    mutationFn: (r: Resource) => updateResource(networkId, r.id, { version: r.version, archived: true }),
    onSuccess: () => {
      setArchiving(null);
      qc.invalidateQueries({ queryKey: resourcesKey(networkId) });
    },
  });
  const rows = list.data ?? [];
  const table = (kind: 'room' | 'equipment') => {
    const items = rows.filter((r) => r.kind === kind);
    if (items.length === 0) return <p className="kern-body">{t('eventsProgramme.none')}</p>;
    return (
      <TableRegion label={t(kind === 'room' ? 'eventsProgramme.rooms' : 'eventsProgramme.equipment')}>
        <table className="kern-table bn-table">
          <TableHead
            columns={[
              t('eventsProgramme.name'),
              t('eventsProgramme.location'),
              ...(kind === 'room'
                ? [
                    { label: t('eventsProgramme.capacity'), numeric: true },
                    t('eventsProgramme.accessibility'),
                  ]
                : []),
              t('eventsProgramme.nextBookings'),
            ]}
            actions={manage ? t('common.actions') : null}
          />
          <tbody className="kern-table__body">
            {items.map((r) => (
              <tr key={r.id} className="kern-table__row">
                <td className="kern-table__cell">
                  <strong>{r.name}</strong>
                  {r.archived ? ` (${t('eventsProgramme.archived')})` : null}
                  {r.notes ? <div className="kern-body kern-body--small">{r.notes}</div> : null}
                </td>
                <td className="kern-table__cell">{r.location || '–'}</td>
                {kind === 'room' ? (
                  <>
                    <td className="kern-table__cell kern-table__cell--numeric">{r.capacity ?? '–'}</td>
                    <td className="kern-table__cell">
                      {r.accessibility.map((f) => t(`eventsProgramme.features.${f}`)).join(', ') || '–'}
                    </td>
                  </>
                ) : null}
                <td className="kern-table__cell">
                  {r.nextBookings.length === 0 ? (
                    t('eventsProgramme.noBookings')
                  ) : (
                    <ul className="bn-plain-list">
                      {r.nextBookings.map((b) => (
                        <li key={b.id}>
                          {formatDate(b.startsAt)} {formatTimeRange(b.startsAt, b.endsAt)}: {b.eventTitle}
                          {b.sessionTitle ? ` – ${b.sessionTitle}` : ''}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                {manage ? (
                  <ActionsCell>
                    <RowButton
                      icon="edit"
                      label={`${t('eventsProgramme.edit')}: ${r.name}`}
                      onClick={() => setEditing(r)}
                    >
                      {t('eventsProgramme.edit')}
                    </RowButton>
                    {!r.archived ? (
                      <RowButton
                        icon="visibility-off"
                        label={`${t('eventsProgramme.archive')}: ${r.name}`}
                        onClick={() => setArchiving(r)}
                      >
                        {t('eventsProgramme.archive')}
                      </RowButton>
                    ) : null}
                  </ActionsCell>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    );
  };
  return (
    <Page
      title={t('eventsProgramme.resourcesTitle')}
      intro={t('eventsProgramme.resourcesIntro')}
      actions={
        manage ? (
          <Button icon="add" onClick={() => setEditing('new')}>
            {t('eventsProgramme.addResource')}
          </Button>
        ) : null
      }
    >
      <StatusMessage message={message} />
      <CheckboxField
        label={t('eventsProgramme.showArchived')}
        checked={archived}
        onChange={(e) => setArchived(e.currentTarget.checked)}
      />
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : (
        <>
          <Section title={t('eventsProgramme.rooms')} id="rooms">
            {table('room')}
          </Section>
          <Section title={t('eventsProgramme.equipment')} id="equipment">
            {table('equipment')}
          </Section>
        </>
      )}
      {editing ? (
        <ResourceDialog
          networkId={networkId}
          resource={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setMessage(t('eventsProgramme.saved'));
          }}
        />
      ) : null}
      <ConfirmAction
        target={archiving}
        action={archive}
        onClose={() => setArchiving(null)}
        title={t('eventsProgramme.archiveTitle', { name: archiving?.name ?? '' })}
        confirmLabel={t('eventsProgramme.archive')}
      >
        <p className="kern-body">{t('eventsProgramme.archiveText')}</p>
      </ConfirmAction>
    </Page>
  );
}

function ResourceDialog({
  networkId,
  resource,
  onClose,
  onSaved,
}: {
  networkId: string;
  resource: Resource | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [kind, setKind] = useState<'room' | 'equipment'>(resource?.kind ?? 'room');
  const save = useMutation({
    mutationFn: (form: FormData) => {
      const capacity = String(form.get('capacity') ?? '').trim();
      const body = {
        kind,
        name: String(form.get('name') ?? ''),
        location: String(form.get('location') ?? ''),
        capacity: kind === 'room' && capacity ? Number(capacity) : null,
        accessibility: form.getAll('accessibility').map(String) as Resource['accessibility'],
        notes: String(form.get('notes') ?? ''),
      };
      return resource
        ? updateResource(networkId, resource.id, { ...body, version: resource.version })
        : createResource(networkId, body);
    },
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: resourcesKey(networkId) });
      onSaved();
    },
  });
  return (
    <FormDialog
      open
      title={
        resource
          ? t('eventsProgramme.editResource', { name: resource.name })
          : t('eventsProgramme.addResource')
      }
      submitLabel={t('eventsProgramme.save')}
      onSubmit={(e) => save.mutate(new FormData(e.currentTarget))}
      onClose={onClose}
      busy={save.isPending}
      error={save.error}
    >
      <SelectField
        label={t('eventsProgramme.kind')}
        name="kind"
        value={kind}
        onChange={(e) => setKind(e.currentTarget.value as 'room' | 'equipment')}
        options={[
          { value: 'room', label: t('eventsProgramme.kinds.room') },
          { value: 'equipment', label: t('eventsProgramme.kinds.equipment') },
        ]}
      />
      <TextField label={t('eventsProgramme.name')} name="name" required defaultValue={resource?.name ?? ''} />
      <TextField
        label={t('eventsProgramme.location')}
        name="location"
        defaultValue={resource?.location ?? ''}
      />
      {kind === 'room' ? (
        <>
          <TextField
            label={t('eventsProgramme.capacity')}
            name="capacity"
            type="number"
            min={1}
            inputMode="numeric"
            defaultValue={resource?.capacity ?? ''}
          />
          <fieldset className="kern-fieldset">
            <legend className="kern-label">{t('eventsProgramme.accessibility')}</legend>
            {accessibilityFeatures.map((f) => (
              <CheckboxField
                key={f}
                name="accessibility"
                value={f}
                label={t(`eventsProgramme.features.${f}`)}
                defaultChecked={resource?.accessibility.includes(f) ?? false}
              />
            ))}
          </fieldset>
        </>
      ) : null}
      <TextAreaField
        label={t('eventsProgramme.notes')}
        name="notes"
        rows={2}
        defaultValue={resource?.notes ?? ''}
      />
    </FormDialog>
  );
}
