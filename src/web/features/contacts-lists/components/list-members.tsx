import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Button, ErrorAlert, Section, TextField } from '../../../components/ui';
import { useSettled } from '../../../lib/use-settled';
import {
  addMembers,
  candidatesQuery,
  type ListDetail,
  type ListPerson,
  listsKey,
  removeMember,
} from '../api';
import { functionsOf, ListPeopleTable } from './list-people-table';

/** The static list's picker: search as one types, add with one button. */
export function AddPeople({
  networkId,
  list,
  say,
}: {
  networkId: string;
  list: ListDetail;
  say: (m: string | null) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const settled = useSettled(q.trim());
  const found = useQuery({ ...candidatesQuery(networkId, settled), enabled: settled.length >= 2 });
  const onList = new Set(list.members.map((m) => m.personId));
  const add = useMutation({
    mutationFn: (p: ListPerson) => addMembers(networkId, list.id, [p.personId]),
    onSuccess: async (_, p) => {
      say(t('contactsLists.added', { name: p.name }));
      await qc.invalidateQueries({ queryKey: listsKey(networkId) });
    },
  });
  const results = settled.length >= 2 ? (found.data ?? []) : [];
  return (
    <Section title={t('contactsLists.addTitle')} id="list-add">
      <div className="bn-form">
        <TextField
          label={t('contactsLists.search')}
          hint={t('contactsLists.searchHint')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <ErrorAlert error={found.error ?? add.error} />
      {settled.length >= 2 ? (
        <p className="kern-body" role="status">
          {t('contactsLists.found', { count: results.length })}
        </p>
      ) : null}
      {results.length > 0 ? (
        <ul className="bn-plain-list bn-stack">
          {results.map((p) => (
            <li key={p.personId} className="bn-actions bn-actions--start">
              <span className="kern-body bn-break">
                <strong>{p.name}</strong>
                {p.email ? ` (${p.email})` : ''}
                <br />
                <span className="bn-muted">{functionsOf(p)}</span>
              </span>
              {onList.has(p.personId) ? (
                <Badge kind="success">{t('contactsLists.onList')}</Badge>
              ) : (
                <Button
                  variant="secondary"
                  icon="add"
                  aria-label={t('contactsLists.addPerson', { name: p.name })}
                  busy={add.isPending && add.variables?.personId === p.personId}
                  onClick={() => add.mutate(p)}
                >
                  {t('contactsLists.add')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

/** A static list's people, each with a button to take them off. */
export function Members({
  networkId,
  list,
  manage,
  say,
}: {
  networkId: string;
  list: ListDetail;
  manage: boolean;
  say: (m: string | null) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const remove = useMutation({
    mutationFn: (p: ListPerson) => removeMember(networkId, list.id, p.personId),
    onSuccess: async (_, p) => {
      say(t('contactsLists.removed', { name: p.name }));
      await qc.invalidateQueries({ queryKey: listsKey(networkId) });
    },
  });
  const title = t('contactsLists.membersTitle', { count: list.members.length });
  return (
    <Section title={title} id="list-members">
      <ErrorAlert error={remove.error} />
      {list.members.length === 0 ? (
        <p className="kern-body">{t('contactsLists.noMembers')}</p>
      ) : (
        <ListPeopleTable
          labelledBy="list-members"
          people={list.members}
          secondLabel={t('contactsLists.email')}
          second={(p) => p.email ?? '–'}
          action={
            manage
              ? {
                  label: t('common.actions'),
                  cell: (p) => (
                    <Button
                      variant="secondary"
                      icon="delete"
                      aria-label={t('contactsLists.removePerson', { name: p.name })}
                      busy={remove.isPending && remove.variables?.personId === p.personId}
                      onClick={() => remove.mutate(p)}
                    >
                      {t('contactsLists.remove')}
                    </Button>
                  ),
                }
              : null
          }
        />
      )}
    </Section>
  );
}
