import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { institutionTypes } from '../../../../contracts/contacts';
import type { PeopleQuery, PersonListItem } from '../../../../contracts/contacts-people';
import {
  Badge,
  Button,
  CheckboxField,
  ErrorAlert,
  Loading,
  Page,
  SelectField,
  TableHead,
  TableRegion,
  TextField,
} from '../../../components/ui';
import { useCan } from '../../../lib/session';
import { optionsQuery, peopleQuery } from '../api';
import { ContactsSearch, useContactsSearch } from './contacts-search';
import { PersonFormDialog } from './person-form';

export const consentKind = { given: 'success', withdrawn: 'danger', none: 'info' } as const;

/** Netzwerk → Personen: search as you type, filter, open, create, import, export. */
export function PeoplePage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('contacts.manage');
  const navigate = useNavigate();
  const { text, setText, filters, set, query } = useContactsSearch<Omit<PeopleQuery, 'q'>>({});
  const [creating, setCreating] = useState(false);
  const people = useQuery(peopleQuery(networkId, query));
  const options = useQuery(optionsQuery(networkId));
  const list = people.data ?? [];

  return (
    <Page
      title={t('contactsPeople.title')}
      intro={t('contactsPeople.intro')}
      actions={
        <>
          {manage ? (
            <Button icon="add" onClick={() => setCreating(true)}>
              {t('contactsPeople.create')}
            </Button>
          ) : null}
          {manage ? (
            <Link
              to="/n/$networkId/netzwerk/import"
              params={{ networkId }}
              className="kern-btn kern-btn--secondary"
            >
              <span className="kern-icon kern-icon--drive-folder-upload" aria-hidden="true" />
              <span className="kern-label">{t('contactsPeople.import')}</span>
            </Link>
          ) : null}
        </>
      }
    >
      <ContactsSearch
        networkId={networkId}
        what="people"
        text={text}
        onText={setText}
        count={people.data ? t('contactsPeople.count', { count: list.length }) : null}
        query={query}
      >
        <SelectField
          label={t('contactsPeople.institutionType')}
          value={filters.institutionType ?? ''}
          onChange={(e) => set('institutionType', e.target.value)}
          options={[
            { value: '', label: t('contactsPeople.all') },
            ...institutionTypes.map((v) => ({ value: v, label: t(`contactsInstitutions.types.${v}`) })),
          ]}
        />
        <SelectField
          label={t('contactsPeople.municipality')}
          value={filters.municipalityId ?? ''}
          onChange={(e) => set('municipalityId', e.target.value)}
          options={[
            { value: '', label: t('contactsPeople.all') },
            ...(options.data?.municipalities ?? []).map((m) => ({ value: m.id, label: m.name })),
          ]}
        />
        <TextField
          label={t('contactsPeople.function')}
          value={filters.function ?? ''}
          onChange={(e) => set('function', e.target.value)}
        />
        <SelectField
          label={t('contactsPeople.field')}
          value={filters.fieldId ?? ''}
          onChange={(e) => set('fieldId', e.target.value)}
          options={[
            { value: '', label: t('contactsPeople.all') },
            ...(options.data?.fields ?? []).map((f) => ({ value: f.id, label: f.name })),
          ]}
        />
        <CheckboxField
          label={t('contactsPeople.multipliersOnly')}
          checked={filters.multiplier === 'true'}
          onChange={(e) => set('multiplier', e.target.checked ? 'true' : '')}
        />
      </ContactsSearch>
      <ErrorAlert error={people.error} />
      {people.isPending ? (
        <Loading />
      ) : list.length === 0 ? (
        <p className="kern-body">{t('contactsPeople.none')}</p>
      ) : (
        <PeopleTable networkId={networkId} people={list} />
      )}
      {manage ? (
        <PersonFormDialog
          networkId={networkId}
          open={creating}
          onClose={() => setCreating(false)}
          onSaved={(p) =>
            navigate({
              to: '/n/$networkId/netzwerk/personen/$personId',
              params: { networkId, personId: p.id },
            })
          }
        />
      ) : null}
    </Page>
  );
}

function PeopleTable({ networkId, people }: { networkId: string; people: PersonListItem[] }) {
  const { t } = useTranslation();
  return (
    <TableRegion label={t('contactsPeople.tableCaption')}>
      <table className="kern-table bn-table">
        <caption className="kern-sr-only">{t('contactsPeople.tableCaption')}</caption>
        <TableHead
          columns={[t('contactsPeople.name'), t('contactsPeople.functions'), t('contactsPeople.consent')]}
        />
        <tbody className="kern-table__body">
          {people.map((p) => (
            <tr key={p.id} className="kern-table__row">
              <th scope="row" className="kern-table__cell bn-row-head bn-break">
                <Link
                  to="/n/$networkId/netzwerk/personen/$personId"
                  params={{ networkId, personId: p.id }}
                  className="kern-link"
                >
                  {p.name}
                </Link>
                {p.multiplier ? (
                  <span className="bn-cell-second">{t('contactsPeople.multiplier')}</span>
                ) : null}
                <span className="bn-cell-second bn-muted">{p.email ?? t('contactsPeople.noEmail')}</span>
              </th>
              <td className="kern-table__cell bn-break">
                {p.affiliations.length === 0
                  ? '–'
                  : p.affiliations.map((a) => (
                      <span key={a.id} className="bn-cell-line">
                        {a.function}, {a.institutionName}
                      </span>
                    ))}
                {p.place ? <span className="bn-cell-second bn-muted">{p.place}</span> : null}
              </td>
              <td className="kern-table__cell">
                <Badge kind={consentKind[p.consent]}>{t(`contactsPeople.consents.${p.consent}`)}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
