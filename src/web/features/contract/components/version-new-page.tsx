import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Owner, VersionInput } from '../../../../contracts/contract';
import {
  Alert,
  Button,
  CheckboxField,
  DateField,
  ErrorAlert,
  Loading,
  Page,
  RowFieldset,
  Section,
  SelectField,
  TextAreaField,
  TextField,
} from '../../../components/ui';
import { formatDay, today } from '../../../lib/format';
import { contractKey, contractQuery, createVersion, fieldsQuery } from '../api';
import { useOwnerOptions } from './labels';

type SectionRow = { key: number; heading: string; body: string };
type FieldRow = {
  key: number;
  name: string;
  description: string;
  goals: string;
  previousOwner: Owner;
  previousOwnerName: string;
};
let nextKey = 0;

/** Draft of a new version: the original contract first, amendments after it. */
export function VersionNewPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const contract = useQuery(contractQuery(networkId));
  const fields = useQuery(fieldsQuery(networkId, today()));
  const ownerOptions = useOwnerOptions();
  const [sections, setSections] = useState<SectionRow[]>([]);
  const [added, setAdded] = useState<FieldRow[]>([]);
  const [ended, setEnded] = useState<Set<string>>(new Set());
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (!focusId) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId]);

  const create = useMutation({
    mutationFn: (input: VersionInput) => createVersion(networkId, input),
    onSuccess: async (v) => {
      await qc.invalidateQueries({ queryKey: contractKey(networkId) });
      await navigate({
        to: '/n/$networkId/vertrag/fassungen/$versionId',
        params: { networkId, versionId: v.id },
      });
    },
  });

  const first = !(contract.data?.versions ?? []).some((v) => v.status !== 'withdrawn');
  const title = first ? t('version.newTitleFirst') : t('version.newTitleAmendment');
  if (contract.isPending) {
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  }
  if (!contract.data) {
    return (
      <Page title={title}>
        <ErrorAlert error={contract.error} />
        <Alert kind="info">{t('version.needContract')}</Alert>
        <p>
          <Link to="/n/$networkId/vertrag" params={{ networkId }} className="kern-link">
            {t('version.toContract')}
          </Link>
        </p>
      </Page>
    );
  }
  const joint = (fields.data ?? []).filter((f) => f.joint);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    create.mutate({
      title: String(fd.get('title') ?? ''),
      summary: String(fd.get('summary') ?? ''),
      effectiveFrom: String(fd.get('effectiveFrom') ?? ''),
      sections: sections.map(({ heading, body }) => ({ heading, body })),
      addFields: added.map((f) => ({
        name: f.name,
        description: f.description,
        goals: f.goals,
        previousOwner: f.previousOwner,
        previousOwnerName: f.previousOwner === 'other' ? f.previousOwnerName : null,
      })),
      endFieldIds: [...ended],
    });
  }
  const setSection = (key: number, patch: Partial<SectionRow>) =>
    setSections((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const setField = (key: number, patch: Partial<FieldRow>) =>
    setAdded((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <Page title={title} intro={first ? t('version.newIntroFirst') : t('version.newIntroAmendment')}>
      <form className="bn-form bn-form--wide" onSubmit={submit}>
        <ErrorAlert error={create.error} />
        <Section title={t('version.basics')} id="version-basics">
          <div className="bn-stack">
            <TextField label={t('version.title')} name="title" required minLength={3} />
            <TextAreaField label={t('version.summary')} name="summary" rows={3} />
            <DateField
              label={t('version.effectiveFrom')}
              name="effectiveFrom"
              required
              hint={t('version.effectiveFromHint')}
            />
          </div>
        </Section>

        <Section title={t('version.addFieldsTitle')} id="version-add-fields">
          <p className="kern-body">{t('version.addFieldsHint')}</p>
          <div className="bn-stack">
            {added.map((f, i) => (
              <RowFieldset
                key={f.key}
                legend={t('version.newField', { n: i + 1 })}
                removeLabel={t('version.removeField', { n: i + 1 })}
                onRemove={() => {
                  setAdded((rs) => rs.filter((r) => r.key !== f.key));
                  setFocusId('add-field');
                }}
              >
                <TextField
                  id={`field-${f.key}-name`}
                  label={t('version.fieldName')}
                  value={f.name}
                  required
                  minLength={2}
                  onChange={(e) => setField(f.key, { name: e.target.value })}
                />
                <TextAreaField
                  label={t('version.fieldDescription')}
                  value={f.description}
                  rows={3}
                  onChange={(e) => setField(f.key, { description: e.target.value })}
                />
                <TextAreaField
                  label={t('version.fieldGoals')}
                  value={f.goals}
                  rows={3}
                  onChange={(e) => setField(f.key, { goals: e.target.value })}
                />
                <SelectField
                  label={t('version.previousOwner')}
                  hint={t('version.previousOwnerHint')}
                  options={ownerOptions}
                  value={f.previousOwner}
                  onChange={(e) => setField(f.key, { previousOwner: e.target.value as Owner })}
                />
                {f.previousOwner === 'other' ? (
                  <TextField
                    label={t('version.previousOwnerName')}
                    value={f.previousOwnerName}
                    required
                    minLength={2}
                    onChange={(e) => setField(f.key, { previousOwnerName: e.target.value })}
                  />
                ) : null}
              </RowFieldset>
            ))}
            <div>
              <Button
                id="add-field"
                variant="secondary"
                icon="add"
                onClick={() => {
                  const key = nextKey++;
                  setAdded((rs) => [
                    ...rs,
                    {
                      key,
                      name: '',
                      description: '',
                      goals: '',
                      previousOwner: 'land',
                      previousOwnerName: '',
                    },
                  ]);
                  setFocusId(`field-${key}-name`);
                }}
              >
                {t('version.addField')}
              </Button>
            </div>
          </div>
        </Section>

        {!first ? (
          <Section title={t('version.endFieldsTitle')} id="version-end-fields">
            {joint.length === 0 ? (
              <p className="kern-body">{t('version.noJointFields')}</p>
            ) : (
              <fieldset className="kern-fieldset">
                <legend className="kern-body">{t('version.endFieldsHint')}</legend>
                <div className="kern-fieldset__body">
                  {joint.map((f) => (
                    <CheckboxField
                      key={f.id}
                      label={f.name}
                      hint={t('version.jointSince', { date: formatDay(f.introducedBy.effectiveFrom) })}
                      checked={ended.has(f.id)}
                      onChange={(e) =>
                        setEnded((s) => {
                          const n = new Set(s);
                          if (e.target.checked) n.add(f.id);
                          else n.delete(f.id);
                          return n;
                        })
                      }
                    />
                  ))}
                </div>
              </fieldset>
            )}
          </Section>
        ) : null}

        <Section title={t('version.sectionsTitle')} id="version-sections">
          <p className="kern-body">{t('version.sectionsHint')}</p>
          <div className="bn-stack">
            {sections.map((s, i) => (
              <RowFieldset
                key={s.key}
                legend={t('version.section', { n: i + 1 })}
                removeLabel={t('version.removeSection', { n: i + 1 })}
                onRemove={() => {
                  setSections((rs) => rs.filter((r) => r.key !== s.key));
                  setFocusId('add-section');
                }}
              >
                <TextField
                  id={`section-${s.key}-heading`}
                  label={t('version.heading')}
                  value={s.heading}
                  required
                  onChange={(e) => setSection(s.key, { heading: e.target.value })}
                />
                <TextAreaField
                  label={t('version.body')}
                  value={s.body}
                  rows={6}
                  onChange={(e) => setSection(s.key, { body: e.target.value })}
                />
              </RowFieldset>
            ))}
            <div>
              <Button
                id="add-section"
                variant="secondary"
                icon="add"
                onClick={() => {
                  const key = nextKey++;
                  setSections((rs) => [...rs, { key, heading: '', body: '' }]);
                  setFocusId(`section-${key}-heading`);
                }}
              >
                {t('version.addSection')}
              </Button>
            </div>
          </div>
        </Section>

        <div className="bn-form__actions">
          <Button type="submit" busy={create.isPending}>
            {first ? t('version.submitFirst') : t('version.submit')}
          </Button>
          <Link to="/n/$networkId/vertrag" params={{ networkId }} className="kern-btn kern-btn--secondary">
            <span className="kern-label">{t('common.cancel')}</span>
          </Link>
        </div>
      </form>
    </Page>
  );
}
