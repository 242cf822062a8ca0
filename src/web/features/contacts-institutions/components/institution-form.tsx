import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InstitutionType, institutionTypes, schoolTypes } from '../../../../contracts/contacts';
import type { InstitutionDetail, InstitutionInput } from '../../../../contracts/contacts-people';
import { FormDialog, SelectField, TextAreaField, TextField } from '../../../components/ui';
import { formFields } from '../../../lib/form-fields';
import { createInstitution, optionsQuery, updateInstitution } from '../../contacts-people/api';
import { useSaveContact } from '../../contacts-people/components/use-save-contact';

/** Create or edit an institution; school number, school type and operator only for schools. */
export function InstitutionFormDialog({
  networkId,
  institution: i,
  open,
  onClose,
  onSaved,
}: {
  networkId: string;
  institution?: InstitutionDetail;
  open: boolean;
  onClose: () => void;
  onSaved?: (i: InstitutionDetail) => void;
}) {
  const { t } = useTranslation();
  const options = useQuery(optionsQuery(networkId));
  const [type, setType] = useState<InstitutionType>(i?.type ?? 'school');
  const save = useSaveContact(
    networkId,
    (body: InstitutionInput) =>
      i
        ? updateInstitution(networkId, i.id, { ...body, version: i.version })
        : createInstitution(networkId, body),
    onClose,
    onSaved,
  );
  function submit(e: FormEvent<HTMLFormElement>) {
    const { text, optional } = formFields(new FormData(e.currentTarget));
    const school = type === 'school';
    save.mutate({
      name: text('name'),
      type,
      schoolNumber: school ? optional('schoolNumber') : null,
      schoolType: school ? (optional('schoolType') as InstitutionInput['schoolType']) : null,
      operatorId: school ? optional('operatorId') : null,
      street: text('street'),
      postalCode: text('postalCode'),
      place: text('place'),
      municipalityId: optional('municipalityId'),
      email: optional('email'),
      phone: optional('phone'),
      website: optional('website'),
      notes: text('notes'),
    });
  }
  const municipalities = (options.data?.municipalities ?? []).map((m) => ({ value: m.id, label: m.name }));
  return (
    <FormDialog
      open={open}
      title={i ? t('contactsInstitutions.editTitle', { name: i.name }) : t('contactsInstitutions.create')}
      submitLabel={t('common.save')}
      onSubmit={submit}
      onClose={() => {
        save.reset();
        onClose();
      }}
      busy={save.isPending}
      error={save.error}
    >
      <TextField label={t('contactsInstitutions.name')} name="name" required defaultValue={i?.name ?? ''} />
      <SelectField
        label={t('contactsInstitutions.type')}
        name="type"
        value={type}
        onChange={(e) => setType(e.target.value as InstitutionType)}
        options={institutionTypes.map((v) => ({ value: v, label: t(`contactsInstitutions.types.${v}`) }))}
      />
      {type === 'school' ? (
        <>
          <TextField
            label={t('contactsInstitutions.schoolNumber')}
            hint={t('contactsInstitutions.schoolNumberHint')}
            name="schoolNumber"
            inputMode="numeric"
            required
            defaultValue={i?.schoolNumber ?? ''}
          />
          <SelectField
            label={t('contactsInstitutions.schoolType')}
            name="schoolType"
            required
            defaultValue={i?.schoolType ?? ''}
            options={[
              { value: '', label: t('contactsInstitutions.choose') },
              ...schoolTypes.map((v) => ({ value: v, label: v })),
            ]}
          />
          <SelectField
            label={t('contactsInstitutions.operator')}
            name="operatorId"
            defaultValue={i?.operatorId ?? ''}
            options={[{ value: '', label: t('contactsInstitutions.noOperator') }, ...municipalities]}
          />
        </>
      ) : null}
      <TextField label={t('contactsInstitutions.street')} name="street" defaultValue={i?.street ?? ''} />
      <TextField
        label={t('contactsInstitutions.postalCode')}
        name="postalCode"
        inputMode="numeric"
        defaultValue={i?.postalCode ?? ''}
      />
      <TextField label={t('contactsInstitutions.place')} name="place" defaultValue={i?.place ?? ''} />
      <SelectField
        label={t('contactsInstitutions.municipality')}
        hint={t('contactsInstitutions.municipalityHint')}
        name="municipalityId"
        defaultValue={i?.municipalityId ?? ''}
        options={[{ value: '', label: t('contactsInstitutions.byPlace') }, ...municipalities]}
      />
      <TextField
        label={t('contactsInstitutions.email')}
        name="email"
        type="email"
        defaultValue={i?.email ?? ''}
      />
      <TextField
        label={t('contactsInstitutions.phone')}
        name="phone"
        type="tel"
        defaultValue={i?.phone ?? ''}
      />
      <TextField
        label={t('contactsInstitutions.website')}
        name="website"
        type="url"
        defaultValue={i?.website ?? ''}
      />
      <TextAreaField label={t('contactsInstitutions.notes')} name="notes" defaultValue={i?.notes ?? ''} />
    </FormDialog>
  );
}
