import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Badge,
  Button,
  CheckboxField,
  ConfirmDialog,
  ErrorAlert,
  FormDialog,
  Loading,
  Page,
  Section,
  StatusMessage,
  TableHead,
  TableRegion,
  TextAreaField,
  TextField,
} from '../../../components/ui';
import { useCan } from '../../../lib/session';
import {
  addMembers,
  candidatesQuery,
  deleteList,
  exportUrl,
  filterPreviewQuery,
  type ListDetail,
  type ListFilter,
  type ListOptions,
  type ListPerson,
  type ListPreview,
  listOptionsQuery,
  listPreviewQuery,
  listQuery,
  listsKey,
  mailList,
  removeMember,
  updateList,
} from '../api';

/** A value that follows another after a pause (typing in the filter or search). */
function useSettled<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

const words = (s: string) =>
  s
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);

/**
 * One distribution list: its settings and filter (dynamic) with a live preview, or its people (static);
 * who is left out and why; the circular mail and the export.
 */
export function ListPage({ networkId, listId }: { networkId: string; listId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('contacts.manage');
  const detail = useQuery(listQuery(networkId, listId));
  const [message, setMessage] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'mail' | 'delete' | null>(null);
  const qc = useQueryClient();
  const navigate = useNavigate();
  const refresh = () => qc.invalidateQueries({ queryKey: listsKey(networkId) });
  const remove = useMutation({
    mutationFn: () => deleteList(networkId, listId),
    onSuccess: async () => {
      await refresh();
      await navigate({ to: '/n/$networkId/netzwerk/verteiler', params: { networkId } });
    },
  });
  const l = detail.data;
  if (!l) {
    return (
      <Page title={t('contactsLists.title')}>
        {detail.isPending ? <Loading /> : <ErrorAlert error={detail.error} />}
        <BackLink networkId={networkId} />
      </Page>
    );
  }
  return (
    <Page
      title={l.name}
      intro={l.description || undefined}
      actions={
        manage ? (
          <>
            <Button icon="mail" onClick={() => setDialog('mail')}>
              {t('contactsLists.mail')}
            </Button>
            <Button variant="secondary" icon="delete" onClick={() => setDialog('delete')}>
              {t('contactsLists.delete')}
            </Button>
          </>
        ) : null
      }
    >
      <BackLink networkId={networkId} />
      <StatusMessage message={message} />
      <p className="kern-body">
        {t(`contactsLists.kinds.${l.kind}`)} ·{' '}
        {l.needsConsent ? t('contactsLists.consentYes') : t('contactsLists.consentNo')}
      </p>
      <p className="bn-actions bn-actions--start">
        <span className="kern-body">{t('contactsLists.exportLabel')}:</span>
        <a className="kern-btn kern-btn--secondary" href={exportUrl(networkId, listId, 'xlsx')} download>
          <span className="kern-label">{t('contactsLists.exportXlsx')}</span>
        </a>
        <a className="kern-btn kern-btn--secondary" href={exportUrl(networkId, listId, 'csv')} download>
          <span className="kern-label">{t('contactsLists.exportCsv')}</span>
        </a>
      </p>
      {/* Remounted per saved version, so the form starts from what was saved. */}
      <Settings key={l.version} networkId={networkId} list={l} manage={manage} say={setMessage} />
      {l.kind === 'static' ? (
        <>
          {manage ? <AddPeople networkId={networkId} list={l} say={setMessage} /> : null}
          <Members networkId={networkId} list={l} manage={manage} say={setMessage} />
          <SavedPreview networkId={networkId} listId={listId} version={l.version} />
        </>
      ) : null}
      <MailDialog
        open={dialog === 'mail'}
        networkId={networkId}
        list={l}
        onClose={() => setDialog(null)}
        onSent={(text) => {
          setDialog(null);
          setMessage(text);
        }}
      />
      <ConfirmDialog
        open={dialog === 'delete'}
        title={t('contactsLists.delete')}
        confirmLabel={t('contactsLists.delete')}
        busy={remove.isPending}
        onClose={() => setDialog(null)}
        onConfirm={() => remove.mutate()}
      >
        <p className="kern-body">{t('contactsLists.deleteQuestion', { name: l.name })}</p>
        <ErrorAlert error={remove.error} />
      </ConfirmDialog>
    </Page>
  );
}

function BackLink({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  return (
    <p className="kern-body">
      <Link to="/n/$networkId/netzwerk/verteiler" params={{ networkId }} className="kern-link">
        {t('contactsLists.back')}
      </Link>
    </p>
  );
}

/** Name, description, consent and (dynamic lists) the filter with its live preview. */
function Settings({
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

function FilterBuilder({
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

const hasCondition = (f: ListFilter) =>
  Object.values(f).some((v) => (Array.isArray(v) ? v.length > 0 : v === true));

function LivePreview({
  networkId,
  needsConsent,
  filter,
}: {
  networkId: string;
  needsConsent: boolean;
  filter: ListFilter;
}) {
  const { t } = useTranslation();
  const preview = useQuery({
    ...filterPreviewQuery(networkId, needsConsent, filter),
    enabled: hasCondition(filter),
  });
  if (!hasCondition(filter))
    return (
      <Section title={t('contactsLists.previewTitle')} id="list-preview">
        <p className="kern-body" role="status">
          {t('contactsLists.noCondition')}
        </p>
      </Section>
    );
  return <PreviewView preview={preview.data} error={preview.error} pending={preview.isPending} />;
}

function SavedPreview({
  networkId,
  listId,
  version,
}: {
  networkId: string;
  listId: string;
  version: number;
}) {
  const preview = useQuery(listPreviewQuery(networkId, listId));
  const { refetch } = preview;
  // biome-ignore lint/correctness/useExhaustiveDependencies: read again whenever the list was changed
  useEffect(() => {
    void refetch();
  }, [version, refetch]);
  return <PreviewView preview={preview.data} error={preview.error} pending={preview.isPending} />;
}

const functionsOf = (p: ListPerson) =>
  p.affiliations.map((a) => [a.function, a.institution].filter(Boolean).join(', ')).join('; ') || '–';

function PreviewView({
  preview,
  error,
  pending,
}: {
  preview: ListPreview | undefined;
  error: unknown;
  pending: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Section title={t('contactsLists.previewTitle')} id="list-preview">
      <ErrorAlert error={error} />
      {pending || !preview ? (
        <Loading />
      ) : (
        <>
          <p className="kern-body" role="status">
            {t('contactsLists.previewCount', preview.counts)}
          </p>
          <h3 className="kern-heading-small" id="list-included">
            {t('contactsLists.includedTitle', { count: preview.counts.included })}
          </h3>
          {preview.included.length === 0 ? (
            <p className="kern-body">{t('contactsLists.noneIncluded')}</p>
          ) : (
            <TableRegion labelledBy="list-included">
              <table className="kern-table bn-table">
                <TableHead
                  columns={[
                    t('contactsLists.person'),
                    t('contactsLists.email'),
                    t('contactsLists.functionsAt'),
                  ]}
                />
                <tbody className="kern-table__body">
                  {preview.included.map((p) => (
                    <tr className="kern-table__row" key={p.personId}>
                      <td className="kern-table__cell bn-break">{p.name}</td>
                      <td className="kern-table__cell bn-break">{p.email}</td>
                      <td className="kern-table__cell bn-break">{functionsOf(p)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
          {preview.excluded.length > 0 ? (
            <>
              <h3 className="kern-heading-small" id="list-excluded">
                {t('contactsLists.excludedTitle', { count: preview.counts.excluded })}
              </h3>
              <TableRegion labelledBy="list-excluded">
                <table className="kern-table bn-table">
                  <TableHead
                    columns={[
                      t('contactsLists.person'),
                      t('contactsLists.reason'),
                      t('contactsLists.functionsAt'),
                    ]}
                  />
                  <tbody className="kern-table__body">
                    {preview.excluded.map((p) => (
                      <tr className="kern-table__row" key={p.personId}>
                        <td className="kern-table__cell bn-break">{p.name}</td>
                        <td className="kern-table__cell">
                          <Badge kind="warning">{t(`contactsLists.reasons.${p.reason}`)}</Badge>
                        </td>
                        <td className="kern-table__cell bn-break">{functionsOf(p)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            </>
          ) : null}
        </>
      )}
    </Section>
  );
}

/** The static list's picker: search as one types, add with one button. */
function AddPeople({
  networkId,
  list,
  say,
}: {
  networkId: string;
  list: ListDetail;
  say: (m: string | null) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const settled = useSettled(q.trim());
  const found = useQuery({ ...candidatesQuery(networkId, settled), enabled: settled.length >= 2 });
  const onList = new Set(list.members.map((m) => m.personId));
  const add = useMutation({
    mutationFn: (p: ListPerson) => addMembers(networkId, list.id, [p.personId]),
    onSuccess: async (_, p) => {
      say(t('contactsLists.added', { name: p.name }));
      await qc.invalidateQueries({ queryKey: listsKey(networkId) });
    },
  });
  const results = settled.length >= 2 ? (found.data ?? []) : [];
  return (
    <Section title={t('contactsLists.addTitle')} id="list-add">
      <div className="bn-form">
        <TextField
          label={t('contactsLists.search')}
          hint={t('contactsLists.searchHint')}
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <ErrorAlert error={found.error ?? add.error} />
      {settled.length >= 2 ? (
        <p className="kern-body" role="status">
          {t('contactsLists.found', { count: results.length })}
        </p>
      ) : null}
      {results.length > 0 ? (
        <ul className="bn-plain-list bn-stack">
          {results.map((p) => (
            <li key={p.personId} className="bn-actions bn-actions--start">
              <span className="kern-body bn-break">
                <strong>{p.name}</strong>
                {p.email ? ` (${p.email})` : ''}
                <br />
                <span className="bn-muted">{functionsOf(p)}</span>
              </span>
              {onList.has(p.personId) ? (
                <Badge kind="success">{t('contactsLists.onList')}</Badge>
              ) : (
                <Button
                  variant="secondary"
                  icon="add"
                  aria-label={t('contactsLists.addPerson', { name: p.name })}
                  busy={add.isPending && add.variables?.personId === p.personId}
                  onClick={() => add.mutate(p)}
                >
                  {t('contactsLists.add')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

function Members({
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
  const remove = useMutation({
    mutationFn: (p: ListPerson) => removeMember(networkId, list.id, p.personId),
    onSuccess: async (_, p) => {
      say(t('contactsLists.removed', { name: p.name }));
      await qc.invalidateQueries({ queryKey: listsKey(networkId) });
    },
  });
  const title = t('contactsLists.membersTitle', { count: list.members.length });
  return (
    <Section title={title} id="list-members">
      <ErrorAlert error={remove.error} />
      {list.members.length === 0 ? (
        <p className="kern-body">{t('contactsLists.noMembers')}</p>
      ) : (
        <TableRegion labelledBy="list-members">
          <table className="kern-table bn-table">
            <TableHead
              columns={[t('contactsLists.person'), t('contactsLists.email'), t('contactsLists.functionsAt')]}
              actions={manage ? t('common.actions') : null}
            />
            <tbody className="kern-table__body">
              {list.members.map((p) => (
                <tr className="kern-table__row" key={p.personId}>
                  <td className="kern-table__cell bn-break">{p.name}</td>
                  <td className="kern-table__cell bn-break">{p.email ?? '–'}</td>
                  <td className="kern-table__cell bn-break">{functionsOf(p)}</td>
                  {manage ? (
                    <td className="kern-table__cell kern-table__cell--action">
                      <Button
                        variant="secondary"
                        icon="delete"
                        aria-label={t('contactsLists.removePerson', { name: p.name })}
                        busy={remove.isPending && remove.variables?.personId === p.personId}
                        onClick={() => remove.mutate(p)}
                      >
                        {t('contactsLists.remove')}
                      </Button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </Section>
  );
}

function MailDialog({
  open,
  networkId,
  list,
  onClose,
  onSent,
}: {
  open: boolean;
  networkId: string;
  list: ListDetail;
  onClose: () => void;
  onSent: (message: string) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const send = useMutation({
    mutationFn: (fd: FormData) =>
      mailList(networkId, list.id, {
        subject: String(fd.get('subject') ?? ''),
        text: String(fd.get('text') ?? ''),
      }),
    onSuccess: async (r) => {
      onSent(t('contactsLists.sent', r));
      await qc.invalidateQueries({ queryKey: listsKey(networkId) });
    },
  });
  return (
    <FormDialog
      open={open}
      title={t('contactsLists.mailTitle', { name: list.name })}
      submitLabel={t('contactsLists.send')}
      busy={send.isPending}
      error={send.error}
      onClose={() => {
        send.reset();
        onClose();
      }}
      onSubmit={(e) => send.mutate(new FormData(e.currentTarget))}
    >
      <p className="kern-body">{t('contactsLists.mailIntro', { count: list.includedCount })}</p>
      <TextField label={t('contactsLists.subject')} name="subject" required minLength={3} maxLength={200} />
      <TextAreaField label={t('contactsLists.text')} name="text" required minLength={3} rows={8} />
    </FormDialog>
  );
}
