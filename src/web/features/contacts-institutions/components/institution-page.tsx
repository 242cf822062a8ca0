import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  ConfirmDialog,
  ErrorAlert,
  Loading,
  Page,
  Section,
  StatusMessage,
} from '../../../components/ui';
import { useCan } from '../../../lib/session';
import { contactsKey, institutionQuery, removeInstitution } from '../../contacts-people/api';
import { InstitutionFormDialog } from './institution-form';

/** An institution: its facts and the people working there with their function. */
export function InstitutionPage({ networkId, institutionId }: { networkId: string; institutionId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('contacts.manage');
  const qc = useQueryClient();
  const navigate = useNavigate();
  const inst = useQuery(institutionQuery(networkId, institutionId));
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: () => removeInstitution(networkId, institutionId),
    onSuccess: async (r) => {
      setRemoving(false);
      await qc.invalidateQueries({ queryKey: contactsKey(networkId) });
      if (r.archived) setMessage(t('contactsInstitutions.archivedDone'));
      else navigate({ to: '/n/$networkId/netzwerk/einrichtungen', params: { networkId } });
    },
  });
  if (inst.isPending) return <Loading />;
  if (!inst.data) return <ErrorAlert error={inst.error} />;
  const i = inst.data;
  const facts: Array<[string, string | null]> = [
    [t('contactsInstitutions.type'), t(`contactsInstitutions.types.${i.type}`)],
    ...(i.type === 'school'
      ? ([
          [t('contactsInstitutions.schoolNumber'), i.schoolNumber],
          [t('contactsInstitutions.schoolType'), i.schoolType],
          [t('contactsInstitutions.operator'), i.operatorName],
        ] as Array<[string, string | null]>)
      : []),
    [
      t('contactsInstitutions.address'),
      [i.street, [i.postalCode, i.place].filter(Boolean).join(' ')].filter(Boolean).join(', '),
    ],
    [t('contactsInstitutions.municipality'), i.municipalityName],
    [t('contactsInstitutions.email'), i.email],
    [t('contactsInstitutions.phone'), i.phone],
    [t('contactsInstitutions.website'), i.website],
    [t('contactsInstitutions.notes'), i.notes],
  ];
  return (
    <Page
      title={i.name}
      actions={
        manage && !i.archived ? (
          <>
            <Button icon="edit" onClick={() => setEditing(true)}>
              {t('contactsInstitutions.edit')}
            </Button>
            <Button variant="secondary" icon="delete" onClick={() => setRemoving(true)}>
              {i.peopleCount > 0 ? t('contactsInstitutions.archive') : t('contactsInstitutions.delete')}
            </Button>
          </>
        ) : null
      }
    >
      <p className="kern-body">
        <Link to="/n/$networkId/netzwerk/einrichtungen" params={{ networkId }} className="kern-link">
          {t('contactsInstitutions.back')}
        </Link>
      </p>
      <StatusMessage message={message} />
      <ErrorAlert error={remove.error} />
      {i.archived ? <Alert kind="warning">{t('contactsInstitutions.isArchived')}</Alert> : null}
      {i.example ? <Alert kind="info">{t('contactsInstitutions.example')}</Alert> : null}
      <Section title={t('contactsInstitutions.details')} id="institution-details">
        <dl className="bn-dl">
          {facts.map(([label, value]) => (
            <div key={label} className="bn-contacts-fact">
              <dt>{label}</dt>
              <dd className="bn-break">{value || '–'}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section
        title={t('contactsInstitutions.peopleThere', { count: i.people.length })}
        id="institution-people"
      >
        {i.people.length === 0 ? (
          <p className="kern-body">{t('contactsInstitutions.nobody')}</p>
        ) : (
          <ul className="bn-contacts-list">
            {i.people.map((p) => (
              <li key={p.affiliationId} className="kern-body">
                <Link
                  to="/n/$networkId/netzwerk/personen/$personId"
                  params={{ networkId, personId: p.personId }}
                  className="kern-link"
                >
                  {p.name}
                </Link>
                {p.function ? `, ${p.function}` : null}
              </li>
            ))}
          </ul>
        )}
      </Section>
      {manage ? (
        <>
          <InstitutionFormDialog
            key={i.version}
            networkId={networkId}
            institution={i}
            open={editing}
            onClose={() => setEditing(false)}
            onSaved={() => setMessage(t('contactsInstitutions.saved'))}
          />
          <ConfirmDialog
            open={removing}
            title={i.peopleCount > 0 ? t('contactsInstitutions.archive') : t('contactsInstitutions.delete')}
            confirmLabel={
              i.peopleCount > 0 ? t('contactsInstitutions.archive') : t('contactsInstitutions.delete')
            }
            onConfirm={() => remove.mutate()}
            onClose={() => setRemoving(false)}
            busy={remove.isPending}
          >
            <p className="kern-body">
              {i.peopleCount > 0
                ? t('contactsInstitutions.archiveText', { name: i.name, count: i.peopleCount })
                : t('contactsInstitutions.deleteText', { name: i.name })}
            </p>
          </ConfirmDialog>
        </>
      ) : null}
    </Page>
  );
}
