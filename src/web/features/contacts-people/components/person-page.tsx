import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail } from '../../../../contracts/contacts-people';
import {
  Alert,
  Badge,
  Button,
  ErrorAlert,
  Loading,
  Page,
  Section,
  SelectField,
  StatusMessage,
  TextField,
} from '../../../components/ui';
import { formatDay } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { PrivacySection } from '../../contacts-privacy';
import { addAffiliation, contactsKey, institutionsQuery, personQuery, removeAffiliation } from '../api';
import { consentKind } from './people-page';
import { PersonFormDialog } from './person-form';

/** A person of the address book: details, functions at institutions, links to committee, guests, account. */
export function PersonPage({ networkId, personId }: { networkId: string; personId: string }) {
  const { t } = useTranslation();
  const person = useQuery(personQuery(networkId, personId));
  const can = useCan();
  const manage = can('contacts.manage');
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  if (person.isPending) return <Loading />;
  if (!person.data) return <ErrorAlert error={person.error} />;
  const p = person.data;
  const live = !p.erased && !p.mergedInto;
  return (
    <Page
      title={p.name}
      actions={
        manage && live ? (
          <Button icon="edit" onClick={() => setEditing(true)}>
            {t('contactsPeople.edit')}
          </Button>
        ) : null
      }
    >
      <p className="kern-body">
        <Link to="/n/$networkId/netzwerk/personen" params={{ networkId }} className="kern-link">
          {t('contactsPeople.back')}
        </Link>
      </p>
      <StatusMessage message={message} />
      {p.example ? <Alert kind="info">{t('contactsPeople.example')}</Alert> : null}
      {p.mergedInto ? (
        <Alert kind="warning">
          {t('contactsPeople.merged')}{' '}
          <Link
            to="/n/$networkId/netzwerk/personen/$personId"
            params={{ networkId, personId: p.mergedInto }}
            className="kern-link"
          >
            {t('contactsPeople.mergedLink')}
          </Link>
        </Alert>
      ) : null}
      <Section title={t('contactsPeople.details')} id="person-details">
        <dl className="bn-dl">
          <dt>{t('contactsPeople.email')}</dt>
          <dd className="bn-break">{p.email ?? t('contactsPeople.noEmail')}</dd>
          <dt>{t('contactsPeople.phone')}</dt>
          <dd>{p.phone ?? '–'}</dd>
          <dt>{t('contactsPeople.legalBasis')}</dt>
          <dd>{t(`contactsPeople.bases.${p.legalBasis}`)}</dd>
          <dt>{t('contactsPeople.consent')}</dt>
          <dd>
            <Badge kind={consentKind[p.consent]}>{t(`contactsPeople.consents.${p.consent}`)}</Badge>
          </dd>
          <dt>{t('contactsPeople.multiplier')}</dt>
          <dd>
            {p.multiplier ? p.multiplierTopics.join(', ') || t('contactsPeople.yes') : t('contactsPeople.no')}
          </dd>
          <dt>{t('contactsPeople.fields')}</dt>
          <dd>{p.fields.map((f) => f.name).join(', ') || '–'}</dd>
          <dt>{t('contactsPeople.source')}</dt>
          <dd>
            {p.source.kind === 'imported' && p.source.file
              ? t('contactsPeople.sources.importedFrom', { file: p.source.file, row: p.source.row ?? '–' })
              : t(`contactsPeople.sources.${p.source.kind}`)}
          </dd>
          {p.notes ? (
            <>
              <dt>{t('contactsPeople.notes')}</dt>
              <dd className="bn-pre-line">{p.notes}</dd>
            </>
          ) : null}
        </dl>
      </Section>
      <Functions networkId={networkId} person={p} manage={manage && live} onMessage={setMessage} />
      <Section title={t('contactsPeople.roles')} id="person-roles">
        {p.committee.length === 0 && p.guestInvitations.length === 0 && !p.account ? (
          <p className="kern-body">{t('contactsPeople.noRoles')}</p>
        ) : (
          <ul className="bn-contacts-list">
            {p.committee.map((c) => (
              <li key={c.memberId} className="kern-body">
                <Link
                  to="/n/$networkId/lenkungskreis/mitglieder"
                  params={{ networkId }}
                  className="kern-link"
                >
                  {c.active
                    ? t('contactsPeople.memberSince', { date: formatDay(c.termFrom) })
                    : t('contactsPeople.memberFormer', {
                        from: formatDay(c.termFrom),
                        to: c.termTo ? formatDay(c.termTo) : '–',
                      })}
                </Link>
                {c.function ? ` (${c.function})` : null}
              </li>
            ))}
            {p.guestInvitations.map((g) => (
              <li key={g.meetingId} className="kern-body">
                {t('contactsPeople.guestAt')}{' '}
                <Link
                  to="/n/$networkId/lenkungskreis/sitzungen/$meetingId"
                  params={{ networkId, meetingId: g.meetingId }}
                  className="kern-link"
                >
                  {g.meetingTitle}
                </Link>{' '}
                ({formatDay(g.startsAt.slice(0, 10))}){g.topic ? `: ${g.topic}` : null}
              </li>
            ))}
            {p.account ? (
              <li className="kern-body">
                {t('contactsPeople.account', {
                  email: p.account.email,
                  role: p.account.role ? t(`contactsPeople.roleNames.${p.account.role}`) : '–',
                })}
              </li>
            ) : null}
          </ul>
        )}
      </Section>
      <PrivacySection networkId={networkId} personId={p.id} />
      {manage && live ? (
        <PersonFormDialog
          key={p.version}
          networkId={networkId}
          person={p}
          open={editing}
          onClose={() => setEditing(false)}
          onSaved={() => setMessage(t('contactsPeople.saved'))}
        />
      ) : null}
    </Page>
  );
}

function Functions({
  networkId,
  person: p,
  manage,
  onMessage,
}: {
  networkId: string;
  person: PersonDetail;
  manage: boolean;
  onMessage: (m: string) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [formKey, setFormKey] = useState(0);
  const institutions = useQuery({ ...institutionsQuery(networkId, {}), enabled: manage });
  const refresh = () => qc.invalidateQueries({ queryKey: contactsKey(networkId) });
  const add = useMutation({
    mutationFn: (x: { institutionId: string; function: string }) => addAffiliation(networkId, p.id, x),
    onSuccess: async (_d, x) => {
      await refresh();
      setFormKey((k) => k + 1);
      onMessage(t('contactsPeople.functionAdded', { function: x.function }));
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => removeAffiliation(networkId, p.id, id),
    onSuccess: async () => {
      await refresh();
      onMessage(t('contactsPeople.functionRemoved'));
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    add.mutate({
      institutionId: String(fd.get('institutionId') ?? ''),
      function: String(fd.get('function') ?? '').trim(),
    });
  }
  return (
    <Section title={t('contactsPeople.functions')} id="person-functions">
      {p.affiliations.length === 0 ? (
        <p className="kern-body">{t('contactsPeople.noFunctions')}</p>
      ) : (
        <ul className="bn-contacts-list">
          {p.affiliations.map((a) => (
            <li key={a.id} className="kern-body bn-contacts-function">
              <span>
                {a.function},{' '}
                <Link
                  to="/n/$networkId/netzwerk/einrichtungen/$institutionId"
                  params={{ networkId, institutionId: a.institutionId }}
                  className="kern-link"
                >
                  {a.institutionName}
                </Link>
                {a.place ? ` (${a.place})` : null}
                {a.institutionArchived ? ` – ${t('contactsPeople.archived')}` : null}
              </span>
              {manage ? (
                <Button
                  variant="tertiary"
                  small
                  icon="delete"
                  busy={remove.isPending && remove.variables === a.id}
                  onClick={() => remove.mutate(a.id)}
                  aria-label={t('contactsPeople.removeFunction', {
                    function: a.function,
                    institution: a.institutionName,
                  })}
                >
                  {t('contactsPeople.remove')}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ErrorAlert error={remove.error} />
      {manage ? (
        <form key={formKey} onSubmit={submit} aria-label={t('contactsPeople.addFunction')}>
          <fieldset className="bn-filters bn-contacts-add">
            <legend>{t('contactsPeople.addFunction')}</legend>
            <ErrorAlert error={add.error} />
            <SelectField
              label={t('contactsPeople.institution')}
              name="institutionId"
              required
              defaultValue=""
              options={[
                { value: '', label: t('contactsPeople.chooseInstitution') },
                ...(institutions.data ?? []).map((i) => ({
                  value: i.id,
                  label: i.place ? `${i.name} (${i.place})` : i.name,
                })),
              ]}
            />
            <TextField
              label={t('contactsPeople.function')}
              hint={t('contactsPeople.functionHint')}
              name="function"
              required
            />
            <div className="bn-filters__actions">
              <Button type="submit" icon="add" busy={add.isPending}>
                {t('contactsPeople.addFunctionButton')}
              </Button>
            </div>
          </fieldset>
        </form>
      ) : null}
    </Section>
  );
}
