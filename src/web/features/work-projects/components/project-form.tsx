import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ProjectDetail, ProjectInput } from '../../../../contracts/work-projects';
import { DateField, SelectField, TextAreaField, TextField } from '../../../components/ui';
import { fieldsQuery, staffQuery } from '../api';

const orNull = (v: FormDataEntryValue | null) => (v ? String(v) : null);

/** The project's details from the form (empty selects and dates mean "none"). */
export function projectInputOf(fd: FormData): ProjectInput {
  return {
    title: String(fd.get('title') ?? ''),
    description: String(fd.get('description') ?? ''),
    fieldId: orNull(fd.get('fieldId')),
    leadId: orNull(fd.get('leadId')),
    startOn: orNull(fd.get('startOn')),
    endOn: orNull(fd.get('endOn')),
    reportDueOn: orNull(fd.get('reportDueOn')),
  };
}

/** The fields of the create and edit dialogs. */
export function ProjectFields({ networkId, project }: { networkId: string; project?: ProjectDetail }) {
  const { t } = useTranslation();
  const fields = useQuery(fieldsQuery(networkId));
  const staff = useQuery(staffQuery(networkId));
  return (
    <>
      <TextField label={t('projects.projectTitle')} name="title" required defaultValue={project?.title} />
      <TextAreaField
        label={t('projects.description')}
        name="description"
        defaultValue={project?.description}
      />
      <SelectField
        label={t('projects.field')}
        name="fieldId"
        defaultValue={project?.fieldId ?? ''}
        options={[
          { value: '', label: t('projects.noField') },
          ...(fields.data ?? [])
            .filter((f) => f.joint || f.id === project?.fieldId)
            .map((f) => ({ value: f.id, label: f.name })),
        ]}
      />
      <SelectField
        label={t('projects.lead')}
        name="leadId"
        defaultValue={project?.leadId ?? ''}
        options={[
          { value: '', label: t('projects.noLead') },
          ...(staff.data ?? []).map((s) => ({ value: s.userId, label: s.name })),
        ]}
      />
      <DateField label={t('projects.start')} name="startOn" defaultValue={project?.startOn} />
      <DateField label={t('projects.end')} name="endOn" defaultValue={project?.endOn} />
      <DateField label={t('projects.reportDue')} name="reportDueOn" defaultValue={project?.reportDueOn} />
    </>
  );
}
