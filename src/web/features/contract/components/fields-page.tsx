import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldOfAction } from '../../../../contracts/contract';
import {
  Badge,
  Button,
  DateField,
  ErrorAlert,
  FormDialog,
  Loading,
  Page,
  Section,
  StatusMessage,
  TextAreaField,
} from '../../../components/ui';
import { formatDay, today } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { contractKey, fieldsQuery, updateField } from '../api';
import { fieldStatus } from './labels';

/** The fields of action with their state on a chosen day (today by default). */
export function FieldsPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const qc = useQueryClient();
  const [on, setOn] = useState(today());
  const fields = useQuery(fieldsQuery(networkId, on));
  const [editing, setEditing] = useState<FieldOfAction | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const manage = can('contract.manage');

  const save = useMutation({
    mutationFn: (x: { field: FieldOfAction; description: string; goals: string }) =>
      updateField(networkId, x.field.id, { description: x.description, goals: x.goals }),
    onSuccess: async (_, x) => {
      setEditing(null);
      setMessage(t('fields.saved', { name: x.field.name }));
      await qc.invalidateQueries({ queryKey: contractKey(networkId) });
    },
  });

  function changeDay(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const day = String(new FormData(e.currentTarget).get('on') ?? '');
    if (/^\d{4}-\d{2}-\d{2}$/.test(day)) setOn(day);
  }

  const list = fields.data ?? [];
  return (
    <Page title={t('fields.title')} intro={t('fields.intro')}>
      <StatusMessage message={message} />
      <form className="bn-toolbar" onSubmit={changeDay}>
        <DateField label={t('fields.on')} name="on" defaultValue={on} required />
        <Button type="submit" variant="secondary">
          {t('fields.show')}
        </Button>
      </form>
      <ErrorAlert error={fields.error} />
      <Section title={t('fields.listTitle', { date: formatDay(on) })} id="fields-list">
        {fields.isPending ? (
          <Loading />
        ) : list.length === 0 ? (
          <p className="kern-body">{t('fields.none')}</p>
        ) : (
          <ul className="bn-card-grid bn-plain-list">
            {list.map((f) => {
              const s = fieldStatus(f, on);
              return (
                <li key={f.id}>
                  <article className="kern-card" aria-labelledby={`field-${f.id}`}>
                    <div className="kern-card__container">
                      <header className="kern-card__header">
                        <h3 className="kern-title" id={`field-${f.id}`}>
                          {f.name}
                        </h3>
                        <Badge kind={s.kind}>{t(s.key, s.values)}</Badge>
                      </header>
                      <div className="kern-card__body bn-stack">
                        <p className="kern-body kern-body--small">
                          {t('fields.previousOwner', { owner: f.previousOwnerLabel })}
                          <br />
                          {t('fields.introducedBy', { number: f.introducedBy.number })}
                          {f.endedBy && f.joint ? (
                            <>
                              <br />
                              {t('fields.endsOn', {
                                date: formatDay(f.endedBy.effectiveFrom),
                                number: f.endedBy.number,
                              })}
                            </>
                          ) : null}
                        </p>
                        <div>
                          <h4 className="kern-label">{t('fields.description')}</h4>
                          <p className="kern-body bn-pre-line">
                            {f.description || t('fields.noDescription')}
                          </p>
                        </div>
                        {f.goals ? (
                          <div>
                            <h4 className="kern-label">{t('fields.goals')}</h4>
                            <p className="kern-body bn-pre-line">{f.goals}</p>
                          </div>
                        ) : null}
                      </div>
                      {manage ? (
                        <footer className="kern-card__footer">
                          <Button
                            variant="tertiary"
                            small
                            icon="edit"
                            aria-label={t('fields.editLabel', { name: f.name })}
                            onClick={() => setEditing(f)}
                          >
                            {t('fields.edit')}
                          </Button>
                        </footer>
                      ) : null}
                    </div>
                  </article>
                </li>
              );
            })}
          </ul>
        )}
      </Section>
      <FormDialog
        open={editing !== null}
        title={t('fields.editTitle', { name: editing?.name ?? '' })}
        submitLabel={t('common.save')}
        busy={save.isPending}
        error={save.error}
        onClose={() => {
          setEditing(null);
          save.reset();
        }}
        onSubmit={(e) => {
          if (!editing) return;
          const fd = new FormData(e.currentTarget);
          save.mutate({
            field: editing,
            description: String(fd.get('description') ?? ''),
            goals: String(fd.get('goals') ?? ''),
          });
        }}
      >
        <TextAreaField
          label={t('fields.description')}
          name="description"
          rows={5}
          defaultValue={editing?.description ?? ''}
        />
        <TextAreaField label={t('fields.goals')} name="goals" rows={5} defaultValue={editing?.goals ?? ''} />
      </FormDialog>
    </Page>
  );
}
