import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  InvitationsOverview,
  Mailing,
  MailingPreview,
  PersonCandidate,
  SkipReason,
} from '../../../../contracts/events-invitations';
import {
  Badge,
  Button,
  ConfirmDialog,
  ErrorAlert,
  Loading,
  Page,
  Section,
  SelectField,
  StatusMessage,
  TableHead,
  TableRegion,
  TextAreaField,
  TextField,
} from '../../../components/ui';
import { formatDateTime } from '../../../lib/format';
import { EventFrame } from '../../events-planning';
import {
  type InvitationBody,
  invitationsKey,
  invitationsQuery,
  peopleQuery,
  previewMailing,
  sendMailing,
} from '../api';

/**
 * Invitations to an event: choose a distribution list and/or people, edit the prefilled text, look at
 * the preview, send (confirmed with the count); the mailings with their counts, a reminder to those who
 * have not answered, and everyone invited with their answer.
 */
export function InvitationsPage({ networkId, eventId }: { networkId: string; eventId: string }) {
  const { t } = useTranslation();
  const data = useQuery(invitationsQuery(networkId, eventId));
  const [message, setMessage] = useState<string | null>(null);
  return (
    <EventFrame networkId={networkId} eventId={eventId} current="invitations">
      <Page title={t('eventsInvitations.title')} intro={t('eventsInvitations.intro')}>
        <StatusMessage message={message} />
        <ErrorAlert error={data.error} />
        {data.isPending ? (
          <Loading />
        ) : data.data ? (
          <>
            <Counts counts={data.data.counts} />
            <InviteForm networkId={networkId} eventId={eventId} data={data.data} onSent={setMessage} />
            <ReminderSection networkId={networkId} eventId={eventId} data={data.data} onSent={setMessage} />
            <MailingsTable mailings={data.data.mailings} />
            <InviteesTable data={data.data} />
          </>
        ) : null}
      </Page>
    </EventFrame>
  );
}

function Counts({ counts }: { counts: InvitationsOverview['counts'] }) {
  const { t } = useTranslation();
  const items = [
    ['invited', counts.invited],
    ['registered', counts.registered],
    ['declined', counts.declined],
    ['open', counts.open],
  ] as const;
  return (
    <dl className="bn-invitation-counts" aria-label={t('eventsInvitations.countsLabel')}>
      {items.map(([key, n]) => (
        <div key={key}>
          <dt className="kern-label">{t(`eventsInvitations.counts.${key}`)}</dt>
          <dd className="kern-heading-medium">{n}</dd>
        </div>
      ))}
    </dl>
  );
}

function useSend(networkId: string, eventId: string, onDone: (m: Mailing) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InvitationBody) => sendMailing(networkId, eventId, body),
    onSuccess: async (m) => {
      await qc.invalidateQueries({ queryKey: invitationsKey(networkId, eventId) });
      onDone(m);
    },
  });
}

function InviteForm({
  networkId,
  eventId,
  data,
  onSent,
}: {
  networkId: string;
  eventId: string;
  data: InvitationsOverview;
  onSent: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [listId, setListId] = useState('');
  const [people, setPeople] = useState<PersonCandidate[]>([]);
  const [subject, setSubject] = useState(data.draft.subject);
  const [body, setBody] = useState(data.draft.body);
  const [preview, setPreview] = useState<MailingPreview | null>(null);
  const [confirming, setConfirming] = useState(false);
  const input: InvitationBody = {
    kind: 'invitation',
    listId: listId || null,
    personIds: people.map((p) => p.personId),
    subject,
    body,
  };
  const look = useMutation({
    mutationFn: () => previewMailing(networkId, eventId, input),
    onSuccess: setPreview,
  });
  const send = useSend(networkId, eventId, (m) => {
    setConfirming(false);
    setPreview(null);
    setPeople([]);
    onSent(t('eventsInvitations.sent', { count: m.recipients }));
  });
  // A changed choice or text makes the preview stale.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on these inputs
  useEffect(() => setPreview(null), [listId, people, subject, body]);

  const onPreview = (e: FormEvent) => {
    e.preventDefault();
    look.mutate();
  };
  const onSend = () => {
    send.reset();
    look.mutate(undefined, { onSuccess: (p) => p.recipients > 0 && setConfirming(true) });
  };
  return (
    <Section id="invite" title={t('eventsInvitations.invite')}>
      <form className="bn-stack bn-invite-form" onSubmit={onPreview} noValidate>
        <SelectField
          label={t('eventsInvitations.list')}
          value={listId}
          onChange={(e) => setListId(e.target.value)}
          options={[
            { value: '', label: t('eventsInvitations.noList') },
            ...data.lists.map((l) => ({ value: l.id, label: l.name })),
          ]}
        />
        <PeoplePicker networkId={networkId} eventId={eventId} chosen={people} onChange={setPeople} />
        <TextField
          label={t('eventsInvitations.subject')}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          required
        />
        <TextAreaField
          label={t('eventsInvitations.body')}
          hint={t('eventsInvitations.bodyHint')}
          value={body}
          rows={12}
          onChange={(e) => setBody(e.target.value)}
          required
        />
        <ErrorAlert error={look.error} />
        <div className="bn-invitation-actions">
          <Button type="submit" variant="secondary" busy={look.isPending && !confirming}>
            {t('eventsInvitations.preview')}
          </Button>
          <Button onClick={onSend} icon="mail">
            {t('eventsInvitations.send')}
          </Button>
        </div>
      </form>
      {preview ? <PreviewBox preview={preview} /> : null}
      <ConfirmDialog
        open={confirming && preview !== null}
        title={t('eventsInvitations.confirmTitle')}
        confirmLabel={t('eventsInvitations.confirmSend', { count: preview?.recipients ?? 0 })}
        busy={send.isPending}
        onClose={() => setConfirming(false)}
        onConfirm={() => send.mutate(input)}
      >
        <ErrorAlert error={send.error} />
        <p className="kern-body">{t('eventsInvitations.confirmText', { count: preview?.recipients ?? 0 })}</p>
        {preview && Object.keys(preview.skipped).length > 0 ? (
          <SkippedList skipped={preview.skipped} />
        ) : null}
      </ConfirmDialog>
    </Section>
  );
}

function PeoplePicker({
  networkId,
  eventId,
  chosen,
  onChange,
}: {
  networkId: string;
  eventId: string;
  chosen: PersonCandidate[];
  onChange: (p: PersonCandidate[]) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useQuery(peopleQuery(networkId, eventId, q));
  const options = (found.data ?? []).filter((p) => !chosen.some((c) => c.personId === p.personId));
  return (
    <fieldset className="kern-fieldset bn-stack">
      <legend className="kern-label">{t('eventsInvitations.people')}</legend>
      {chosen.length > 0 ? (
        <ul className="bn-chosen" aria-label={t('eventsInvitations.chosen')}>
          {chosen.map((p) => (
            <li key={p.personId}>
              <span className="kern-body">
                {p.name} {p.email ? `(${p.email})` : t('eventsInvitations.noEmail')}
              </span>
              <Button
                small
                variant="tertiary"
                onClick={() => onChange(chosen.filter((c) => c.personId !== p.personId))}
              >
                {t('eventsInvitations.remove', { name: p.name })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <TextField
        label={t('eventsInvitations.search')}
        hint={t('eventsInvitations.searchHint')}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      {q.trim().length >= 2 && found.data ? (
        options.length === 0 ? (
          <p className="kern-body" role="status">
            {t('eventsInvitations.nobodyFound')}
          </p>
        ) : (
          <ul className="bn-chosen" aria-label={t('eventsInvitations.found')}>
            {options.slice(0, 8).map((p) => (
              <li key={p.personId}>
                <span className="kern-body">
                  {p.name} {p.email ? `(${p.email})` : t('eventsInvitations.noEmail')}
                </span>
                <Button small variant="secondary" onClick={() => onChange([...chosen, p])}>
                  {t('eventsInvitations.add', { name: p.name })}
                </Button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </fieldset>
  );
}

function SkippedList({ skipped }: { skipped: Record<string, number> }) {
  const { t } = useTranslation();
  return (
    <ul className="kern-body">
      {Object.entries(skipped).map(([reason, n]) => (
        <li key={reason}>{t(`eventsInvitations.skip.${reason as SkipReason}`, { count: n })}</li>
      ))}
    </ul>
  );
}

function PreviewBox({ preview }: { preview: MailingPreview }) {
  const { t } = useTranslation();
  return (
    <section className="bn-preview bn-stack" aria-labelledby="invitation-preview" aria-live="polite">
      <h3 className="kern-heading-small" id="invitation-preview">
        {t('eventsInvitations.previewTitle')}
      </h3>
      <p className="kern-body">{t('eventsInvitations.previewCount', { count: preview.recipients })}</p>
      {Object.keys(preview.skipped).length > 0 ? (
        <>
          <p className="kern-body">{t('eventsInvitations.skippedIntro')}</p>
          <SkippedList skipped={preview.skipped} />
        </>
      ) : null}
      {preview.firstRecipient && preview.text ? (
        <>
          <p className="kern-body">
            {t('eventsInvitations.previewFor', {
              name: preview.firstRecipient.name,
              email: preview.firstRecipient.email,
            })}
          </p>
          <p className="kern-body">
            <strong>{t('eventsInvitations.subject')}:</strong> {preview.subject}
          </p>
          <pre className="bn-pre">{preview.text}</pre>
        </>
      ) : null}
    </section>
  );
}

function ReminderSection({
  networkId,
  eventId,
  data,
  onSent,
}: {
  networkId: string;
  eventId: string;
  data: InvitationsOverview;
  onSent: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [subject, setSubject] = useState(data.draft.reminderSubject);
  const [body, setBody] = useState(data.draft.reminderBody);
  const send = useSend(networkId, eventId, (m) => {
    setOpen(false);
    onSent(t('eventsInvitations.reminded', { count: m.recipients }));
  });
  const n = data.counts.remindable;
  return (
    <Section id="reminder" title={t('eventsInvitations.reminder')}>
      <p className="kern-body">
        {data.counts.invited === 0
          ? t('eventsInvitations.remindNobodyYet')
          : t('eventsInvitations.remindable', { count: n })}
      </p>
      {n > 0 ? (
        <Button
          variant="secondary"
          icon="mail"
          onClick={() => {
            send.reset();
            setOpen(true);
          }}
        >
          {t('eventsInvitations.sendReminder')}
        </Button>
      ) : null}
      <ConfirmDialog
        open={open}
        title={t('eventsInvitations.reminderTitle')}
        confirmLabel={t('eventsInvitations.confirmReminder', { count: n })}
        busy={send.isPending}
        onClose={() => setOpen(false)}
        onConfirm={() => send.mutate({ kind: 'reminder', subject, body })}
      >
        <ErrorAlert error={send.error} />
        <p className="kern-body">{t('eventsInvitations.reminderText', { count: n })}</p>
        <TextField
          label={t('eventsInvitations.subject')}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          required
        />
        <TextAreaField
          label={t('eventsInvitations.body')}
          value={body}
          rows={8}
          onChange={(e) => setBody(e.target.value)}
          required
        />
      </ConfirmDialog>
    </Section>
  );
}

function MailingsTable({ mailings }: { mailings: Mailing[] }) {
  const { t } = useTranslation();
  const caption = t('eventsInvitations.mailings');
  return (
    <Section id="mailings" title={caption}>
      {mailings.length === 0 ? (
        <p className="kern-body">{t('eventsInvitations.noMailings')}</p>
      ) : (
        <TableRegion label={caption}>
          <table className="kern-table bn-table">
            <caption className="kern-sr-only">{caption}</caption>
            <TableHead
              columns={[
                t('eventsInvitations.col.when'),
                t('eventsInvitations.col.kind'),
                t('eventsInvitations.col.to'),
                t('eventsInvitations.col.status'),
                { label: t('eventsInvitations.col.recipients'), numeric: true },
                t('eventsInvitations.col.skipped'),
                t('eventsInvitations.col.answers'),
              ]}
            />
            <tbody className="kern-table__body">
              {mailings.map((m) => {
                const invitation = m.kind === 'invitation';
                return (
                  <tr key={m.id} className="kern-table__row">
                    <td className="kern-table__cell">{formatDateTime(m.createdAt)}</td>
                    <td className="kern-table__cell">
                      {t(`eventsInvitations.kind.${m.kind}`)}
                      <br />
                      <span className="kern-body--small">{m.subject}</span>
                    </td>
                    <td className="kern-table__cell">
                      {invitation
                        ? (m.listName ?? t('eventsInvitations.chosenPeople'))
                        : t('eventsInvitations.unanswered')}
                    </td>
                    <td className="kern-table__cell">
                      <Badge kind={m.status === 'sent' ? 'success' : 'warning'}>
                        {t(`eventsInvitations.status.${m.status}`)}
                      </Badge>
                    </td>
                    <td className="kern-table__cell kern-table__cell--numeric">{m.recipients}</td>
                    <td className="kern-table__cell">
                      {Object.keys(m.skipped).length === 0
                        ? '–'
                        : Object.entries(m.skipped)
                            .map(([r, n]) => t(`eventsInvitations.skip.${r as SkipReason}`, { count: n }))
                            .join(', ')}
                    </td>
                    <td className="kern-table__cell">
                      {invitation
                        ? t('eventsInvitations.answers', {
                            registered: m.registered,
                            declined: m.declined,
                            open: m.open,
                          })
                        : '–'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
    </Section>
  );
}

const answerKind = { registered: 'success', declined: 'danger', open: 'info' } as const;

function InviteesTable({ data }: { data: InvitationsOverview }) {
  const { t } = useTranslation();
  const caption = t('eventsInvitations.invitees');
  return (
    <Section id="invitees" title={caption}>
      {data.invitees.length === 0 ? (
        <p className="kern-body">{t('eventsInvitations.noInvitees')}</p>
      ) : (
        <TableRegion label={caption}>
          <table className="kern-table bn-table">
            <caption className="kern-sr-only">{caption}</caption>
            <TableHead
              columns={[
                t('eventsInvitations.col.name'),
                t('eventsInvitations.col.invitedAt'),
                t('eventsInvitations.col.remindedAt'),
                t('eventsInvitations.col.answer'),
              ]}
            />
            <tbody className="kern-table__body">
              {data.invitees.map((i) => (
                <tr key={i.id} className="kern-table__row">
                  <td className="kern-table__cell">
                    {i.name}
                    <br />
                    <span className="kern-body--small">{i.email}</span>
                  </td>
                  <td className="kern-table__cell">
                    {i.invitedAt ? formatDateTime(i.invitedAt) : t('eventsInvitations.queued')}
                  </td>
                  <td className="kern-table__cell">{i.remindedAt ? formatDateTime(i.remindedAt) : '–'}</td>
                  <td className="kern-table__cell">
                    <Badge kind={answerKind[i.answer]}>{t(`eventsInvitations.answer.${i.answer}`)}</Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </Section>
  );
}
