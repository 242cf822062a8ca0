import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, AuditQuery } from '../../../../contracts/audit';
import {
  Button,
  DateField,
  ErrorAlert,
  Loading,
  Page,
  SelectField,
  TableRegion,
  TextField,
} from '../../../components/ui';
import { translateKnown } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { auditQuery } from '../api';

const PAGE_SIZE = 25;

/** Entity types are stable server identifiers; the catalogue names the known ones. */
const entityLabel = (type: string) => translateKnown(`audit.entityTypes.${type}`) ?? type;
const actions = ['create', 'update', 'delete'] as const;

export function AuditPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditQuery>({});
  const [page, setPage] = useState(1);
  const [formKey, setFormKey] = useState(0);
  const q = useQuery(auditQuery(networkId, { ...filters, page, pageSize: PAGE_SIZE }));
  const known = [...(q.data?.entityTypes ?? [])].sort();

  function apply(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const v = (k: string) => {
      const s = String(fd.get(k) ?? '').trim();
      return s === '' ? undefined : s;
    };
    setFilters({
      entityType: v('entityType'),
      action: v('action') as AuditQuery['action'],
      actor: v('actor'),
      from: v('from'),
      to: v('to'),
    });
    setPage(1);
  }
  function reset() {
    setFilters({});
    setPage(1);
    setFormKey((k) => k + 1);
  }

  const total = q.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <Page title={t('audit.title')} intro={t('audit.intro')}>
      <form key={formKey} onSubmit={apply} aria-label={t('audit.filters')}>
        <fieldset className="bn-filters">
          <legend>{t('audit.filters')}</legend>
          <SelectField
            label={t('audit.entityType')}
            name="entityType"
            defaultValue={filters.entityType ?? ''}
            options={[
              { value: '', label: t('audit.all') },
              ...known.map((e) => ({ value: e, label: entityLabel(e) })),
            ]}
          />
          <SelectField
            label={t('audit.action')}
            name="action"
            defaultValue={filters.action ?? ''}
            options={[
              { value: '', label: t('audit.all') },
              ...actions.map((a) => ({ value: a, label: t(`audit.actions.${a}`) })),
            ]}
          />
          <TextField
            label={t('audit.actor')}
            name="actor"
            defaultValue={filters.actor ?? ''}
            placeholder={t('audit.actorHint')}
          />
          <DateField label={t('audit.from')} name="from" defaultValue={filters.from} />
          <DateField label={t('audit.to')} name="to" defaultValue={filters.to} />
          <div className="bn-filters__actions">
            <Button type="submit" icon="search">
              {t('audit.apply')}
            </Button>
            <Button variant="secondary" onClick={reset}>
              {t('audit.reset')}
            </Button>
          </div>
        </fieldset>
      </form>

      <ErrorAlert error={q.error} />
      <p className="kern-body" aria-live="polite">
        {q.data ? t('audit.total', { count: total }) : null}
      </p>
      {q.isPending ? (
        <Loading />
      ) : (q.data?.items.length ?? 0) === 0 ? (
        <p className="kern-body">{t('audit.none')}</p>
      ) : (
        <TableRegion label={t('audit.tableCaption')}>
          <table className="kern-table bn-table">
            <caption className="kern-sr-only">{t('audit.tableCaption')}</caption>
            <thead className="kern-table__head">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('audit.at')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('audit.actor')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('audit.action')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('audit.summary')}
                </th>
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {q.data?.items.map((e) => (
                <AuditRow key={e.seq} entry={e} />
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {pages > 1 ? (
        <nav className="bn-pager" aria-label={t('audit.paging')}>
          <Button
            variant="secondary"
            icon="chevron-left"
            disabled={page <= 1}
            onClick={() => setPage(page - 1)}
          >
            {t('audit.previous')}
          </Button>
          <span className="kern-body">{t('audit.pageOf', { page, pages })}</span>
          <Button variant="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t('audit.next')}
          </Button>
        </nav>
      ) : null}
    </Page>
  );
}

function AuditRow({ entry: e }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const hasDetails = e.before !== null || e.after !== null;
  return (
    <tr className="kern-table__row">
      <td className="kern-table__cell bn-nowrap">{formatDateTime(e.at)}</td>
      <td className="kern-table__cell">{e.actorName ?? t('audit.system')}</td>
      <td className="kern-table__cell">
        {t(`audit.actions.${e.action}`)}
        <br />
        <span className="bn-muted">{entityLabel(e.entityType)}</span>
      </td>
      <td className="kern-table__cell bn-break">
        {e.summary}
        {hasDetails ? (
          <details className="bn-details">
            <summary>{t('audit.showDetails')}</summary>
            <div className="bn-diff">
              <div>
                <strong>{t('audit.before')}</strong>
                <pre className="bn-pre">{e.before === null ? '–' : JSON.stringify(e.before, null, 2)}</pre>
              </div>
              <div>
                <strong>{t('audit.after')}</strong>
                <pre className="bn-pre">{e.after === null ? '–' : JSON.stringify(e.after, null, 2)}</pre>
              </div>
            </div>
          </details>
        ) : null}
      </td>
    </tr>
  );
}
