import { useMutation, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AudienceDialog,
  Badge,
  Button,
  ErrorAlert,
  Loading,
  Section,
  SelectField,
  TableHead,
  TableRegion,
  TextField,
} from '../../../components/ui';
import { useCan } from '../../../lib/session';
import { GuestsFromList } from '../../contacts-lists/components/guests-from-list';
import {
  type GuestInput,
  type InvitationResult,
  invitationsPreviewQuery,
  inviteGuest,
  recipientsQuery,
  sendInvitations,
} from '../api';
import { planning } from './labels';
import type { MeetingCtx } from './meeting-page';
import { RecordReply } from './record-reply';

/** Advisory guests, invited to the whole meeting or to one item; they see only what they are invited to. */
export function GuestsSection({ ctx }: { ctx: MeetingCtx }) {
  const { t } = useTranslation();
  const { networkId, meeting: m } = ctx;
  const can = useCan();
  const formRef = useRef<HTMLFormElement>(null);
  const invite = useMutation({
    mutationFn: (input: GuestInput) => inviteGuest(networkId, m.id, input),
    onSuccess: async (_, input) => {
      formRef.current?.reset();
      ctx.say(t('meetings.guestInvited', { name: input.name }));
      await ctx.refresh();
    },
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fd = new FormData(e.currentTarget);
    const str = (k: string) => String(fd.get(k) ?? '');
    invite.mutate({
      name: str('name'),
      email: str('email'),
      topic: str('topic'),
      itemId: str('itemId') || null,
    });
  }
  const itemLabel = (itemId: string | null) => {
    const item = m.items.find((i) => i.id === itemId);
    return item
      ? t('meetings.itemHeading', { number: item.number, title: item.title })
      : t('meetings.wholeMeeting');
  };
  return (
    <Section title={t('meetings.guestsTitle')} id="meeting-guests">
      {m.guests.length === 0 ? (
        <p className="kern-body">{t('meetings.noGuests')}</p>
      ) : (
        <ul className="bn-plain-list bn-stack">
          {m.guests.map((g) => (
            <li key={g.id}>
              <strong>{g.name}</strong>
              {g.email ? <span className="bn-muted"> ({g.email})</span> : null}
              <br />
              {g.topic ? `${g.topic} – ` : null}
              {t('meetings.invitedTo', { what: itemLabel(g.itemId) })}
            </li>
          ))}
        </ul>
      )}
      {ctx.manage && planning(m) ? (
        <form
          ref={formRef}
          className="bn-form bn-guest-form"
          onSubmit={submit}
          aria-labelledby="guest-form-title"
        >
          <h3 className="kern-heading-small" id="guest-form-title">
            {t('meetings.inviteGuest')}
          </h3>
          <ErrorAlert error={invite.error} />
          <TextField label={t('common.name')} name="name" required minLength={2} />
          <TextField
            label={t('common.email')}
            name="email"
            type="email"
            hint={t('meetings.guestEmailHint')}
          />
          <TextField label={t('meetings.guestTopic')} name="topic" hint={t('meetings.guestTopicHint')} />
          <SelectField
            label={t('meetings.guestItem')}
            name="itemId"
            options={[
              { value: '', label: t('meetings.wholeMeeting') },
              ...m.items
                .filter((i) => i.status !== 'moved')
                .map((i) => ({
                  value: i.id,
                  label: t('meetings.itemHeading', { number: i.number, title: i.title }),
                })),
            ]}
          />
          <div className="bn-form__actions">
            <Button type="submit" icon="add" busy={invite.isPending}>
              {t('meetings.inviteGuest')}
            </Button>
          </div>
        </form>
      ) : null}
      {ctx.manage && planning(m) && can('contacts.read') ? (
        <GuestsFromList networkId={networkId} meetingId={m.id} say={ctx.say} refresh={ctx.refresh} />
      ) : null}
    </Section>
  );
}

/** Sending the invitations (agenda PDF and calendar entry) and the replies that came back. */
export function InvitationsSection({ ctx }: { ctx: MeetingCtx }) {
  const { t } = useTranslation();
  const { networkId, meeting: m } = ctx;
  const recipients = useQuery(recipientsQuery(networkId, m.id));
  const [confirming, setConfirming] = useState(false);
  // The preview is read each time the dialog opens: the list is the server's, as it is at that moment.
  const preview = useQuery({ ...invitationsPreviewQuery(networkId, m.id), enabled: confirming });
  const send = useMutation({
    mutationFn: () => sendInvitations(networkId, m.id),
    onSuccess: async (r) => {
      setConfirming(false);
      ctx.say(sentNotice(t, preview.data?.what ?? t('meetings.send'), r));
      await ctx.refresh();
    },
  });
  const list = recipients.data ?? [];
  const again = list.some((r) => r.invited);
  // Replies by phone or on paper are entered while invitations are open; the link itself is the member's.
  const canRecord = planning(m) && again;
  return (
    <Section title={t('meetings.invitationsTitle')} id="meeting-invitations">
      <p className="kern-body bn-prose">{t('meetings.invitationsIntro')}</p>
      {m.actions.invite ? (
        <p>
          <Button
            icon="mail"
            onClick={() => {
              ctx.say('');
              send.reset();
              setConfirming(true);
            }}
          >
            {again ? t('meetings.sendUpdate') : t('meetings.send')}
          </Button>
        </p>
      ) : null}
      <ErrorAlert error={recipients.error} />
      <AudienceDialog
        open={confirming}
        title={t('massActions.invitations.title')}
        confirmLabel={t('massActions.invitations.confirm')}
        preview={preview.isFetching ? undefined : preview.data}
        loadError={preview.error}
        busy={send.isPending}
        error={send.error}
        onConfirm={() => send.mutate()}
        onClose={() => setConfirming(false)}
      />
      {recipients.isPending ? (
        <Loading />
      ) : list.length === 0 ? (
        <p className="kern-body">{t('meetings.noRecipients')}</p>
      ) : (
        <TableRegion label={t('meetings.recipients')}>
          <table className="kern-table bn-table">
            <caption className="kern-title">{t('meetings.recipients')}</caption>
            <TableHead
              columns={[
                t('common.name'),
                t('common.email'),
                t('meetings.recipientKind'),
                t('meetings.reply'),
                ...(canRecord ? [t('personalLinks.replyRecordTitle')] : []),
              ]}
            />
            <tbody className="kern-table__body">
              {list.map((r) => (
                <tr className="kern-table__row" key={`${r.kind}-${r.name}-${r.email ?? ''}`}>
                  <td className="kern-table__cell bn-break">{r.name}</td>
                  <td className="kern-table__cell bn-break">
                    {r.email ?? <Badge kind="warning">{t('meetings.noEmail')}</Badge>}
                  </td>
                  <td className="kern-table__cell">{t(`meetings.recipientKinds.${r.kind}`)}</td>
                  <td className="kern-table__cell">
                    {r.reply ? (
                      <Badge kind={r.reply === 'excused' ? 'warning' : 'success'}>
                        {t(`meetings.replies.${r.reply}`)}
                      </Badge>
                    ) : r.invited ? (
                      t('meetings.noReply')
                    ) : (
                      t('meetings.notInvited')
                    )}
                    {r.replyChannel && r.replyChannel !== 'link' ? (
                      <span className="bn-muted"> ({t(`personalLinks.channels.${r.replyChannel}`)})</span>
                    ) : null}
                  </td>
                  {canRecord ? (
                    <td className="kern-table__cell">
                      {r.invited ? (
                        <RecordReply
                          networkId={networkId}
                          meetingId={m.id}
                          recipient={r}
                          onDone={(name) => ctx.say(t('personalLinks.replyRecorded', { name }))}
                        />
                      ) : null}
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

/** "Einladung an 14 Personen versandt. 1 nicht erreichbar: Name (Grund)." */
function sentNotice(t: TFunction, what: string, r: InvitationResult): string {
  const done = t('massActions.invitations.done', { what, count: r.sent });
  if (r.manualDelivery.length === 0) return done;
  const names = r.manualDelivery.map((x) => `${x.name} (${x.reason})`).join(', ');
  return `${done} ${t('massActions.invitations.unreachable', { count: r.manualDelivery.length, names })}`;
}
