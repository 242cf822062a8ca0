import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ErrorAlert, SelectField } from '../../../components/ui';
import { guestsFromList, listsQuery } from '../api';

/**
 * On the meeting page (office, meeting in planning): "Gäste aus Verteiler hinzufügen": the list's people
 * who receive mails become guests of the whole meeting.
 */
export function GuestsFromList({
  networkId,
  meetingId,
  say,
  refresh,
}: {
  networkId: string;
  meetingId: string;
  say: (message: string) => void;
  refresh: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const lists = useQuery(listsQuery(networkId));
  const [listId, setListId] = useState('');
  const add = useMutation({
    mutationFn: (id: string) => guestsFromList(networkId, meetingId, id),
    onSuccess: async (r) => {
      say(t('contactsLists.guestsAdded', r));
      await refresh();
    },
  });
  const options = lists.data ?? [];
  if (lists.isSuccess && options.length === 0) return null;
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const id = listId || options[0]?.id;
    if (id) add.mutate(id);
  }
  return (
    <form className="bn-form bn-guest-form" onSubmit={submit} aria-labelledby="guests-from-list-title">
      <h3 className="kern-heading-small" id="guests-from-list-title">
        {t('contactsLists.guestsFromList')}
      </h3>
      <ErrorAlert error={lists.error ?? add.error} />
      <SelectField
        label={t('contactsLists.chooseList')}
        hint={t('contactsLists.guestsFromListHint')}
        value={listId || options[0]?.id || ''}
        onChange={(e) => setListId(e.target.value)}
        options={options.map((l) => ({
          value: l.id,
          label: `${l.name} (${l.includedCount})`,
        }))}
      />
      <div className="bn-form__actions">
        <Button type="submit" icon="add" busy={add.isPending} disabled={options.length === 0}>
          {t('contactsLists.guestsFromList')}
        </Button>
      </div>
    </form>
  );
}
