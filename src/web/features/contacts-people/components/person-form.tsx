import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LegalBasis, Salutation } from '../../../../contracts/contacts';
import type { PersonDetail, PersonInput } from '../../../../contracts/contacts-people';
import { CheckboxField, FormDialog, SelectField, TextAreaField, TextField } from '../../../components/ui';
import { formFields } from '../../../lib/form-fields';
import { createPerson, optionsQuery, updatePerson } from '../api';
import { useSaveContact } from './use-save-contact';

const salutations: Salutation[] = ['none', 'Frau', 'Herr', 'divers'];
const bases: LegalBasis[] = ['public_task', 'consent'];

/** Create or edit a person: names, contact, legal basis, multiplier topics, fields of action, notes. */
export function PersonFormDialog({
  networkId,
  person,
  open,
  onClose,
  onSaved,
}: {
  networkId: string;
  person?: PersonDetail;
  open: boolean;
  onClose: () => void;
  onSaved?: (p: PersonDetail) => void;
}) {
  const { t } = useTranslation();
  const options = useQuery(optionsQuery(networkId));
  const save = useSaveContact(
    networkId,
    (body: PersonInput) =>
      person
        ? updatePerson(networkId, person.id, { ...body, version: person.version })
        : createPerson(networkId, body),
    onClose,
    onSaved,
  );
  function submit(e: FormEvent<HTMLFormElement>) {
    const fd = new FormData(e.currentTarget);
    const { text, optional } = formFields(fd);
    const multiplier = fd.get('multiplier') === 'on';
    save.mutate({
      salutation: text('salutation') as Salutation,
      title: text('title'),
      firstName: text('firstName'),
      lastName: text('lastName'),
      email: optional('email'),
      phone: optional('phone'),
      legalBasis: text('legalBasis') as LegalBasis,
      multiplier,
      multiplierTopics: multiplier
        ? text('topics')
            .split(/[;\n]/)
            .map((x) => x.trim())
            .filter(Boolean)
        : [],
      fieldIds: fd.getAll('fieldIds').map(String),
      notes: text('notes'),
    });
  }
  const p = person;
  return (
    <FormDialog
      open={open}
      title={p ? t('contactsPeople.editTitle', { name: p.name }) : t('contactsPeople.create')}
      submitLabel={t('common.save')}
      onSubmit={submit}
      onClose={() => {
        save.reset();
        onClose();
      }}
      busy={save.isPending}
      error={save.error}
    >
      <SelectField
        label={t('contactsPeople.salutation')}
        name="salutation"
        defaultValue={p?.salutation ?? 'none'}
        options={salutations.map((v) => ({ value: v, label: t(`contactsPeople.salutations.${v}`) }))}
      />
      <TextField label={t('contactsPeople.personTitle')} name="title" defaultValue={p?.title ?? ''} />
      <TextField label={t('contactsPeople.firstName')} name="firstName" defaultValue={p?.firstName ?? ''} />
      <TextField
        label={t('contactsPeople.lastName')}
        name="lastName"
        required
        defaultValue={p?.lastName ?? ''}
      />
      <TextField label={t('contactsPeople.email')} name="email" type="email" defaultValue={p?.email ?? ''} />
      <TextField label={t('contactsPeople.phone')} name="phone" type="tel" defaultValue={p?.phone ?? ''} />
      <SelectField
        label={t('contactsPeople.legalBasis')}
        name="legalBasis"
        defaultValue={p?.legalBasis ?? 'public_task'}
        options={bases.map((v) => ({ value: v, label: t(`contactsPeople.bases.${v}`) }))}
      />
      <CheckboxField
        label={t('contactsPeople.isMultiplier')}
        name="multiplier"
        defaultChecked={p?.multiplier ?? false}
      />
      <TextField
        label={t('contactsPeople.topics')}
        hint={t('contactsPeople.topicsHint')}
        name="topics"
        defaultValue={p?.multiplierTopics.join('; ') ?? ''}
      />
      <fieldset className="kern-fieldset">
        <legend className="kern-label">{t('contactsPeople.fields')}</legend>
        {(options.data?.fields ?? []).map((f) => (
          <CheckboxField
            key={f.id}
            label={f.name}
            name="fieldIds"
            value={f.id}
            defaultChecked={p?.fields.some((x) => x.id === f.id) ?? false}
          />
        ))}
      </fieldset>
      <TextAreaField label={t('contactsPeople.notes')} name="notes" defaultValue={p?.notes ?? ''} />
    </FormDialog>
  );
}
