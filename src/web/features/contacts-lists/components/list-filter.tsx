import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, ErrorAlert, Loading, TextField } from '../../../components/ui';
import { type ListFilter, type ListOptions, listOptionsQuery } from '../api';

function CheckGroup({
  legend,
  options,
  values,
  onChange,
  disabled,
}: {
  legend: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  values: readonly string[];
  onChange: (values: string[]) => void;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <fieldset className="kern-fieldset">
      <legend className="kern-label">{legend}</legend>
      <div className="kern-fieldset__body kern-fieldset__body--horizontal bn-check-wrap">
        {options.map((o) => (
          <div className="kern-form-check" key={o.value}>
            <input
              id={`${id}-${o.value}`}
              type="checkbox"
              className="kern-form-check__checkbox"
              checked={values.includes(o.value)}
              disabled={disabled}
              onChange={(e) =>
                onChange(e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value))
              }
            />
            <label className="kern-label" htmlFor={`${id}-${o.value}`}>
              {o.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** The dynamic list's conditions: institution and school types, municipalities, functions, fields, multipliers. */
export function FilterBuilder({
  networkId,
  filter,
  onChange,
  functions,
  onFunctions,
  topics,
  onTopics,
  disabled,
}: {
  networkId: string;
  filter: ListFilter;
  onChange: (f: ListFilter) => void;
  functions: string;
  onFunctions: (s: string) => void;
  topics: string;
  onTopics: (s: string) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const options = useQuery(listOptionsQuery(networkId));
  const o: ListOptions | undefined = options.data;
  const set = <K extends keyof ListFilter>(k: K, v: ListFilter[K]) => onChange({ ...filter, [k]: v });
  const schoolTypes = filter.schoolTypes ?? [];
  const sekOne = !!o && o.secondaryOne.every((s) => schoolTypes.includes(s));
  const functionsId = useId();
  if (!o) return options.isPending ? <Loading /> : <ErrorAlert error={options.error} />;
  return (
    <fieldset className="kern-fieldset">
      <legend className="kern-label kern-label--large">{t('contactsLists.filterTitle')}</legend>
      <div className="kern-fieldset__body">
        <p className="kern-hint">{t('contactsLists.filterIntro')}</p>
        <CheckGroup
          legend={t('contactsLists.institutionTypes')}
          options={o.institutionTypes.map((v) => ({ value: v, label: t(`contactsLists.types.${v}`) }))}
          values={filter.institutionTypes ?? []}
          onChange={(v) => set('institutionTypes', v as ListFilter['institutionTypes'])}
          disabled={disabled}
        />
        <CheckboxField
          label={t('contactsLists.sekOne')}
          checked={sekOne}
          disabled={disabled}
          onChange={(e) =>
            set(
              'schoolTypes',
              e.target.checked
                ? [...new Set([...schoolTypes, ...o.secondaryOne])]
                : schoolTypes.filter((s) => !o.secondaryOne.includes(s)),
            )
          }
        />
        <CheckGroup
          legend={t('contactsLists.schoolTypes')}
          options={o.schoolTypes.map((v) => ({ value: v, label: v }))}
          values={schoolTypes}
          onChange={(v) => set('schoolTypes', v as ListFilter['schoolTypes'])}
          disabled={disabled}
        />
        {o.municipalities.length > 0 ? (
          <CheckGroup
            legend={t('contactsLists.municipalities')}
            options={o.municipalities.map((m) => ({ value: m.id, label: m.name }))}
            values={filter.municipalityIds ?? []}
            onChange={(v) => set('municipalityIds', v)}
            disabled={disabled}
          />
        ) : null}
        <TextField
          label={t('contactsLists.functions')}
          hint={t('contactsLists.functionsHint')}
          value={functions}
          onChange={(e) => onFunctions(e.target.value)}
          list={functionsId}
          readOnly={disabled}
        />
        <datalist id={functionsId}>
          {o.functions.map((f) => (
            <option key={f} value={f} />
          ))}
        </datalist>
        {o.fields.length > 0 ? (
          <CheckGroup
            legend={t('contactsLists.fields')}
            options={o.fields.map((f) => ({ value: f.id, label: f.name }))}
            values={filter.fieldIds ?? []}
            onChange={(v) => set('fieldIds', v)}
            disabled={disabled}
          />
        ) : null}
        <CheckboxField
          label={t('contactsLists.multiplierOnly')}
          checked={!!filter.multiplierOnly}
          disabled={disabled}
          onChange={(e) => set('multiplierOnly', e.target.checked)}
        />
        <TextField
          label={t('contactsLists.topics')}
          hint={t('contactsLists.topicsHint')}
          value={topics}
          onChange={(e) => onTopics(e.target.value)}
          readOnly={disabled}
        />
      </div>
    </fieldset>
  );
}
