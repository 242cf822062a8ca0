import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { institutionTypes, schoolTypes } from '../../../../contracts/contacts';
import type { InstitutionsQuery } from '../../../../contracts/contacts-people';
import {
  Button,
  CheckboxField,
  ErrorAlert,
  Loading,
  Page,
  SelectField,
  TableHead,
  TableRegion,
} from '../../../components/ui';
import { useCan } from '../../../lib/session';
import { institutionsQuery, optionsQuery } from '../../contacts-people/api';
import { ContactsSearch, useContactsSearch } from '../../contacts-people/components/contacts-search';
import { InstitutionFormDialog } from './institution-form';

/** Netzwerk → Einrichtungen: schools, Kitas, youth services, chambers, companies … of the region. */
export function InstitutionsPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('contacts.manage');
  const navigate = useNavigate();
  const { text, setText, filters, set, query } = useContactsSearch<Omit<InstitutionsQuery, 'q'>>({});
  const [creating, setCreating] = useState(false);
  const list = useQuery(institutionsQuery(networkId, query));
  const options = useQuery(optionsQuery(networkId));
  const rows = list.data ?? [];
  return (
    <Page
      title={t('contactsInstitutions.title')}
      intro={t('contactsInstitutions.intro')}
      actions={
        manage ? (
          <Button icon="add" onClick={() => setCreating(true)}>
            {t('contactsInstitutions.create')}
          </Button>
        ) : null
      }
    >
      <ContactsSearch
        networkId={networkId}
        what="institutions"
        text={text}
        onText={setText}
        count={list.data ? t('contactsInstitutions.count', { count: rows.length }) : null}
        query={query}
      >
        <SelectField
          label={t('contactsInstitutions.type')}
          value={filters.type ?? ''}
          onChange={(e) => set('type', e.target.value)}
          options={[
            { value: '', label: t('contactsInstitutions.all') },
            ...institutionTypes.map((v) => ({ value: v, label: t(`contactsInstitutions.types.${v}`) })),
          ]}
        />
        <SelectField
          label={t('contactsInstitutions.schoolType')}
          value={filters.schoolType ?? ''}
          onChange={(e) => set('schoolType', e.target.value)}
          options={[
            { value: '', label: t('contactsInstitutions.all') },
            ...schoolTypes.map((v) => ({ value: v, label: v })),
          ]}
        />
        <SelectField
          label={t('contactsInstitutions.municipality')}
          value={filters.municipalityId ?? ''}
          onChange={(e) => set('municipalityId', e.target.value)}
          options={[
            { value: '', label: t('contactsInstitutions.all') },
            ...(options.data?.municipalities ?? []).map((m) => ({ value: m.id, label: m.name })),
          ]}
        />
        <CheckboxField
          label={t('contactsInstitutions.showArchived')}
          checked={filters.archived === 'true'}
          onChange={(e) => set('archived', e.target.checked ? 'true' : '')}
        />
      </ContactsSearch>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <Loading />
      ) : rows.length === 0 ? (
        <p className="kern-body">{t('contactsInstitutions.none')}</p>
      ) : (
        <TableRegion label={t('contactsInstitutions.tableCaption')}>
          <table className="kern-table bn-table">
            <caption className="kern-sr-only">{t('contactsInstitutions.tableCaption')}</caption>
            <TableHead
              columns={[
                t('contactsInstitutions.name'),
                t('contactsInstitutions.place'),
                { label: t('contactsInstitutions.people'), numeric: true },
              ]}
            />
            <tbody className="kern-table__body">
              {rows.map((i) => (
                <tr key={i.id} className="kern-table__row">
                  <th scope="row" className="kern-table__cell bn-row-head bn-break">
                    <Link
                      to="/n/$networkId/netzwerk/einrichtungen/$institutionId"
                      params={{ networkId, institutionId: i.id }}
                      className="kern-link"
                    >
                      {i.name}
                    </Link>
                    <span className="bn-cell-second bn-muted">
                      {i.type === 'school'
                        ? `${i.schoolType ?? ''} · ${t('contactsInstitutions.schoolNumberShort', { number: i.schoolNumber })}`
                        : t(`contactsInstitutions.types.${i.type}`)}
                    </span>
                  </th>
                  <td className="kern-table__cell bn-break">
                    {i.place || '–'}
                    {i.municipalityName && i.municipalityName !== i.place ? (
                      <span className="bn-cell-second bn-muted">{i.municipalityName}</span>
                    ) : null}
                  </td>
                  <td className="kern-table__cell kern-table__cell--numeric">{i.peopleCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      {manage ? (
        <InstitutionFormDialog
          networkId={networkId}
          open={creating}
          onClose={() => setCreating(false)}
          onSaved={(i) =>
            navigate({
              to: '/n/$networkId/netzwerk/einrichtungen/$institutionId',
              params: { networkId, institutionId: i.id },
            })
          }
        />
      ) : null}
    </Page>
  );
}
