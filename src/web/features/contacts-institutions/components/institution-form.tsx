import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type InstitutionType, institutionTypes, schoolTypes } from '../../../../contracts/contacts';
import type { InstitutionDetail, InstitutionInput } from '../../../../contracts/contacts-people';
import { FormDialog, SelectField, TextAreaField, TextField } from '../../../components/ui';
import { contactsKey, createInstitution, optionsQuery, updateInstitution } from '../../contacts-people/api';

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
  const qc = useQueryClient();
  const options = useQuery(optionsQuery(networkId));
  const [type, setType] = useState<InstitutionType>(i?.type ?? 'school');
  const save = useMutation({
    mutationFn: (body: InstitutionInput) =>
      i
        ? updateInstitution(networkId, i.id, { ...body, version: i.version })
        : createInstitution(networkId, body),
    onSuccess: async (saved) => {
      await qc.invalidateQueries({ queryKey: contactsKey(networkId) });
      onClose();
      onSaved?.(saved);
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    const fd = new FormData(e.currentTarget);
    const s = (k: string) => String(fd.get(k) ?? '').trim();
    const school = type === 'school';
    save.mutate({
      name: s('name'),
      type,
      schoolNumber: school ? s('schoolNumber') || null : null,
      schoolType: school ? ((s('schoolType') || null) as InstitutionInput['schoolType']) : null,
      operatorId: school ? s('operatorId') || null : null,
      street: s('street'),
      postalCode: s('postalCode'),
      place: s('place'),
      municipalityId: s('municipalityId') || null,
      email: s('email') || null,
      phone: s('phone') || null,
      website: s('website') || null,
      notes: s('notes'),
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
