import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type DuplicateGroup,
  type ImportMapping,
  type ImportPreview,
  type ImportResult,
  type ImportSheetPreview,
  institutionImportFields,
  personImportFields,
} from '../../../../contracts/contacts-import';
import {
  Button,
  ErrorAlert,
  Loading,
  Page,
  ProgressBar,
  Section,
  SelectField,
  StatusMessage,
  TableHead,
  TableRegion,
  TextField,
} from '../../../components/ui';
import { RadioFieldset } from '../../../components/ui/radio-fieldset';
import { duplicatesQuery, mergePeople, previewImport, runImport } from '../api';

/** Rows of a sheet shown in the preview; the counts name the rest. */
const SHOWN_ROWS = 50;

/**
 * Import of the office's spreadsheets: choose a file (upload progress) → map the columns → preview
 * (rows, rejected rows with reasons, duplicates) → import → result and merging duplicates.
 */
export function ImportPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [result, setResult] = useState<ImportResult | null>(null);

  const ask = useMutation({
    mutationFn: (v: { file: File; mapping?: ImportMapping }) =>
      previewImport(networkId, v.file, v.mapping, setProgress),
    onSuccess: (p) => {
      setPreview(p);
      setMapping(
        Object.fromEntries(
          p.sheets.map((s) => [s.sheet, { entity: s.entity, columns: s.mapping.map((c) => c.field) }]),
        ),
      );
    },
    onSettled: () => setProgress(null),
  });
  const save = useMutation({
    mutationFn: (v: { file: File; mapping: ImportMapping }) =>
      runImport(networkId, v.file, v.mapping, setProgress),
    onSuccess: async (r) => {
      setResult(r);
      await qc.invalidateQueries({ queryKey: ['networks', networkId, 'contacts'] });
    },
    onSettled: () => setProgress(null),
  });

  function choose(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const chosen = new FormData(e.currentTarget).get('file');
    if (!(chosen instanceof File) || chosen.size === 0) return setMissing(true);
    setMissing(false);
    setFile(chosen);
    setPreview(null);
    setResult(null);
    save.reset();
    ask.mutate({ file: chosen });
  }

  function restart() {
    setFile(null);
    setPreview(null);
    setResult(null);
    ask.reset();
    save.reset();
  }

  const busy = ask.isPending || save.isPending;
  return (
    <Page title={t('contactsImport.title')} intro={t('contactsImport.intro')}>
      {result ? null : (
        <Section title={t('contactsImport.chooseTitle')} id="import-choose">
          <form className="bn-form" onSubmit={choose}>
            <TextField
              label={t('contactsImport.file')}
              name="file"
              type="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              hint={t('contactsImport.fileHint')}
              error={missing ? t('contactsImport.chooseFile') : null}
            />
            <div className="bn-form__actions">
              <Button type="submit" icon="visibility" busy={ask.isPending}>
                {t('contactsImport.showPreview')}
              </Button>
            </div>
          </form>
          <ErrorAlert error={ask.error} />
        </Section>
      )}
      <div aria-live="polite">
        {busy && progress !== null && progress < 100 ? (
          <ProgressBar value={progress} label={`${t('contactsImport.uploading')}: ${progress} %`} />
        ) : null}
        {busy && (progress === null || progress >= 100) ? (
          <p className="kern-body">{t('contactsImport.checking')}</p>
        ) : null}
      </div>
      {preview && file && !result ? (
        <>
          <MappingStep
            preview={preview}
            mapping={mapping}
            onChange={setMapping}
            onApply={() => ask.mutate({ file, mapping })}
            busy={ask.isPending}
          />
          <PreviewStep preview={preview} />
          <Section title={t('contactsImport.runImport')} id="import-run">
            {preview.sheets.every((s) => s.rows.length === 0) ? (
              <p className="kern-body">{t('contactsImport.nothingToImport')}</p>
            ) : (
              <p className="bn-toolbar">
                <Button icon="check" busy={save.isPending} onClick={() => save.mutate({ file, mapping })}>
                  {t('contactsImport.runImport')}
                </Button>
              </p>
            )}
            <ErrorAlert error={save.error} />
          </Section>
        </>
      ) : null}
      <StatusMessage
        message={
          result
            ? t('contactsImport.done', {
                people: result.peopleCreated,
                institutions: result.institutionsCreated,
                found: result.institutionsFound,
                rejected: result.rejected.length,
              })
            : null
        }
      />
      {result ? (
        <Section title={t('contactsImport.doneTitle')} id="import-done">
          <p className="bn-toolbar">
            <Link
              to="/n/$networkId/netzwerk/personen"
              params={{ networkId }}
              className="kern-btn kern-btn--secondary"
            >
              <span className="kern-label">{t('contactsImport.toPeople')}</span>
            </Link>
            <Button variant="tertiary" icon="drive-folder-upload" onClick={restart}>
              {t('contactsImport.another')}
            </Button>
          </p>
          {result.rejected.length ? (
            <RejectedTable
              title={t('contactsImport.rejectedTitle', { sheet: result.fileName })}
              rows={result.rejected}
            />
          ) : null}
        </Section>
      ) : null}
      {result ? <MergeStep networkId={networkId} /> : null}
    </Page>
  );
}

function MappingStep({
  preview,
  mapping,
  onChange,
  onApply,
  busy,
}: {
  preview: ImportPreview;
  mapping: ImportMapping;
  onChange: (m: ImportMapping) => void;
  onApply: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation();
  const format =
    preview.format === 'csv'
      ? `CSV${preview.encoding ? `, ${preview.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252'}` : ''}${preview.delimiter ? `, „${preview.delimiter}“` : ''}`
      : 'Excel';
  return (
    <Section title={t('contactsImport.mappingTitle')} id="import-mapping">
      <p className="kern-body">
        {t('contactsImport.readAs', { format: preview.fileName, details: ` (${format})` })}{' '}
        {t('contactsImport.mappingIntro')}
      </p>
      {preview.ignoredSheets.length ? (
        <p className="kern-body">
          {t('contactsImport.ignoredSheets', { sheets: preview.ignoredSheets.join(', ') })}
        </p>
      ) : null}
      {preview.sheets.map((s) => {
        const fields = s.entity === 'person' ? personImportFields : institutionImportFields;
        const columns = mapping[s.sheet]?.columns ?? s.mapping.map((c) => c.field);
        const headingId = `map-${s.sheet.replace(/\W+/g, '-')}`;
        return (
          <div key={s.sheet}>
            <h3 className="kern-heading-small" id={headingId}>
              {t('contactsImport.sheet', {
                sheet: s.sheet,
                entity: t(`contactsImport.entities.${s.entity}`),
              })}
            </h3>
            <TableRegion labelledBy={headingId}>
              <table className="kern-table bn-table">
                <TableHead
                  columns={[
                    t('contactsImport.column'),
                    t('contactsImport.header'),
                    t('contactsImport.field'),
                  ]}
                />
                <tbody className="kern-table__body">
                  {s.mapping.map((c, i) => (
                    <tr className="kern-table__row" key={c.column}>
                      <td className="kern-table__cell">{c.column}</td>
                      <td className="kern-table__cell">{c.header || '–'}</td>
                      <td className="kern-table__cell">
                        <SelectField
                          label={t('contactsImport.fieldFor', { header: c.header || c.column })}
                          hideLabel
                          value={columns[i] ?? ''}
                          onChange={(e) => {
                            const next = [...columns];
                            next[i] = e.target.value || null;
                            onChange({ ...mapping, [s.sheet]: { entity: s.entity, columns: next } });
                          }}
                          options={[
                            { value: '', label: t('contactsImport.skip') },
                            ...fields.map((f) => ({ value: f, label: t(`contactsImport.fields.${f}`) })),
                          ]}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          </div>
        );
      })}
      <p className="bn-toolbar">
        <Button variant="secondary" icon="autorenew" busy={busy} onClick={onApply}>
          {t('contactsImport.applyMapping')}
        </Button>
      </p>
    </Section>
  );
}

function PreviewStep({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  return (
    <Section title={t('contactsImport.previewTitle')} id="import-preview">
      {preview.sheets.map((s) => (
        <SheetPreview key={s.sheet} sheet={s} />
      ))}
    </Section>
  );
}

const personColumns = ['name', 'function', 'institution', 'email', 'place'] as const;
const institutionColumns = ['name', 'type', 'schoolNumber', 'place', 'email'] as const;

function SheetPreview({ sheet }: { sheet: ImportSheetPreview }) {
  const { t } = useTranslation();
  const columns = sheet.entity === 'person' ? personColumns : institutionColumns;
  const headingId = `rows-${sheet.sheet.replace(/\W+/g, '-')}`;
  const cellOf = (record: Record<string, string | null>, key: string) =>
    key === 'name' && sheet.entity === 'person'
      ? [record.title, record.firstName, record.lastName].filter(Boolean).join(' ')
      : (record[key] ?? '');
  return (
    <div>
      <h3 className="kern-heading-small" id={headingId}>
        {t('contactsImport.rowsTitle', { sheet: sheet.sheet })}
      </h3>
      <p className="kern-body">
        {t('contactsImport.counts', {
          rows: sheet.rows.length,
          rejected: new Set(sheet.rejected.map((r) => r.row)).size,
          ignored: sheet.ignored.length,
          duplicates: sheet.duplicates.length,
          existing: sheet.existing.length,
        })}
      </p>
      {sheet.rows.length ? (
        <TableRegion labelledBy={headingId}>
          <table className="kern-table bn-table">
            <TableHead
              columns={[t('contactsImport.row'), ...columns.map((c) => t(`contactsImport.fields.${c}`))]}
            />
            <tbody className="kern-table__body">
              {sheet.rows.slice(0, SHOWN_ROWS).map((r) => (
                <tr className="kern-table__row" key={r.row}>
                  <td className="kern-table__cell">{r.row}</td>
                  {columns.map((c) => (
                    <td className={`kern-table__cell${c === 'email' ? ' bn-break' : ''}`} key={c}>
                      {cellOf(r.record as Record<string, string | null>, c)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
      {sheet.rows.length > SHOWN_ROWS ? (
        <p className="kern-body">{t('contactsImport.more', { count: sheet.rows.length - SHOWN_ROWS })}</p>
      ) : null}
      {sheet.rejected.length ? (
        <RejectedTable
          title={t('contactsImport.rejectedTitle', { sheet: sheet.sheet })}
          rows={sheet.rejected}
        />
      ) : null}
      {sheet.duplicates.length ? (
        <>
          <h4 className="kern-heading-small">
            {t('contactsImport.duplicatesInFile', { sheet: sheet.sheet })}
          </h4>
          <ul className="kern-list">
            {sheet.duplicates.map((g) => (
              <li key={g.join('-')}>{t('contactsImport.duplicateRows', { rows: g.join(', ') })}</li>
            ))}
          </ul>
        </>
      ) : null}
      {sheet.existing.length ? (
        <>
          <h4 className="kern-heading-small">{t('contactsImport.existingTitle', { sheet: sheet.sheet })}</h4>
          <ul className="kern-list">
            {sheet.existing.map((e) => (
              <li key={e.row}>{t('contactsImport.existingRow', { row: e.row, name: e.name })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

function RejectedTable({
  title,
  rows,
}: {
  title: string;
  rows: Array<{ row: number; field: string; reason: string; value: string | null }>;
}) {
  const { t } = useTranslation();
  return (
    <TableRegion label={title}>
      <table className="kern-table bn-table">
        <caption className="kern-heading-small">{title}</caption>
        <TableHead
          columns={[
            t('contactsImport.row'),
            t('contactsImport.fieldName'),
            t('contactsImport.reason'),
            t('contactsImport.value'),
          ]}
        />
        <tbody className="kern-table__body">
          {rows.map((r) => (
            <tr className="kern-table__row" key={`${r.row}-${r.field}`}>
              <td className="kern-table__cell">{r.row}</td>
              <td className="kern-table__cell">{t(`contactsImport.fields.${r.field}`, r.field)}</td>
              <td className="kern-table__cell">{r.reason}</td>
              <td className="kern-table__cell bn-break">{r.value ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

/** Duplicate groups of the network: per group the record to keep, then "Zusammenführen". */
function MergeStep({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const groups = useQuery(duplicatesQuery(networkId));
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Section title={t('contactsImport.mergeTitle')} id="import-merge">
      <p className="kern-body">{t('contactsImport.mergeIntro')}</p>
      <StatusMessage message={message} />
      {groups.isPending ? <Loading /> : null}
      <ErrorAlert error={groups.error} />
      {groups.data?.length === 0 ? <p className="kern-body">{t('contactsImport.noDuplicates')}</p> : null}
      {groups.data?.map((g, i) => (
        <MergeGroup
          key={g.people.map((p) => p.id).join('-')}
          networkId={networkId}
          group={g}
          n={i + 1}
          onMerged={setMessage}
        />
      ))}
    </Section>
  );
}

function MergeGroup({
  networkId,
  group,
  n,
  onMerged,
}: {
  networkId: string;
  group: DuplicateGroup;
  n: number;
  onMerged: (message: string) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [keep, setKeep] = useState<string>(group.people[0]!.id);
  const merge = useMutation({
    mutationFn: () => {
      const kept = group.people.find((p) => p.id === keep)!;
      return mergePeople(
        networkId,
        kept.id,
        group.people.filter((p) => p.id !== keep).map((p) => p.id),
        kept.version,
      );
    },
    onSuccess: async (r) => {
      const kept = group.people.find((p) => p.id === r.personId)!;
      onMerged(t('contactsImport.merged', { count: r.merged.length, name: kept.name }));
      await qc.invalidateQueries({ queryKey: ['networks', networkId, 'contacts'] });
    },
  });
  return (
    <div>
      <h3 className="kern-heading-small">{t('contactsImport.group', { n, name: group.people[0]!.name })}</h3>
      <RadioFieldset
        legend={t('contactsImport.keep')}
        name={`keep-${n}`}
        value={keep}
        onChange={setKeep}
        options={group.people.map((p) => ({
          value: p.id,
          label: t('contactsImport.personLine', {
            name: p.name,
            email: p.email ? ` <${p.email}>` : '',
            source: p.source,
          }),
          hint: p.functions.join('; ') || undefined,
        }))}
      />
      <p className="bn-toolbar">
        <Button icon="check" busy={merge.isPending} onClick={() => merge.mutate()}>
          {t('contactsImport.merge')}
        </Button>
      </p>
      <ErrorAlert error={merge.error} />
    </div>
  );
}
