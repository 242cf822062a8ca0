import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, CheckboxField, ErrorAlert, Section, TextAreaField, TextField } from '../../../components/ui';
import { useSettled } from '../../../lib/use-settled';
import { type ListDetail, type ListFilter, listsKey, updateList } from '../api';
import { FilterBuilder } from './list-filter';
import { LivePreview } from './list-preview';

const words = (s: string) =>
  s
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);

/** Name, description, consent and (dynamic lists) the filter with its live preview. */
export function ListSettingsForm({
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
  const [name, setName] = useState(list.name);
  const [description, setDescription] = useState(list.description);
  const [needsConsent, setNeedsConsent] = useState(list.needsConsent);
  const [filter, setFilter] = useState<ListFilter>(list.filter ?? {});
  const [functions, setFunctions] = useState((list.filter?.functions ?? []).join(', '));
  const [topics, setTopics] = useState((list.filter?.multiplierTopics ?? []).join(', '));
  const current: ListFilter = { ...filter, functions: words(functions), multiplierTopics: words(topics) };
  const settled = useSettled(current);
  const save = useMutation({
    mutationFn: () =>
      updateList(networkId, list.id, {
        name,
        description,
        needsConsent,
        filter: list.kind === 'dynamic' ? current : null,
        version: list.version,
      }),
    onSuccess: async () => {
      say(t('contactsLists.saved'));
      await qc.invalidateQueries({ queryKey: listsKey(networkId) });
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    say(null);
    save.mutate();
  }
  return (
    <>
      <Section title={t('contactsLists.settings')} id="list-settings">
        <form className="bn-form" onSubmit={submit} aria-labelledby="list-settings">
          <ErrorAlert error={save.error} />
          <TextField
            label={t('contactsLists.name')}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            minLength={2}
            readOnly={!manage}
          />
          <TextAreaField
            label={t('contactsLists.description')}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            rows={2}
            readOnly={!manage}
          />
          <CheckboxField
            label={t('contactsLists.needsConsent')}
            hint={t('contactsLists.needsConsentHint')}
            checked={needsConsent}
            onChange={(e) => setNeedsConsent(e.target.checked)}
            disabled={!manage}
          />
          {list.kind === 'dynamic' ? (
            <FilterBuilder
              networkId={networkId}
              filter={filter}
              onChange={setFilter}
              functions={functions}
              onFunctions={setFunctions}
              topics={topics}
              onTopics={setTopics}
              disabled={!manage}
            />
          ) : null}
          {manage ? (
            <div className="bn-form__actions">
              <Button type="submit" icon="check" busy={save.isPending}>
                {t('contactsLists.save')}
              </Button>
            </div>
          ) : null}
        </form>
      </Section>
      {list.kind === 'dynamic' ? (
        <LivePreview networkId={networkId} needsConsent={needsConsent} filter={settled} />
      ) : null}
    </>
  );
}
