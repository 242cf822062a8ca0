import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Role, Roles } from '../../../../contracts/common';
import type { Invitation, Member } from '../../../../contracts/networks';
import {
  ActionsCell,
  Badge,
  Button,
  ConfirmAction,
  ErrorAlert,
  InfoDialog,
  Loading,
  Page,
  RowButton,
  Section,
  SelectField,
  StatusMessage,
  TableRegion,
  TextField,
} from '../../../components/ui';
import { formatDate, formatDateTime } from '../../../lib/format';
import { meQuery, useCan, useMe } from '../../../lib/session';
import {
  changeRole,
  invitationsQuery,
  invite,
  membersQuery,
  removeMember,
  revokeInvitation,
  showInvitationLink,
} from '../api';

export function MembersPage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const qc = useQueryClient();
  const manage = can('members.manage');
  const members = useQuery(membersQuery(networkId));
  const invitations = useQuery({ ...invitationsQuery(networkId), enabled: manage });
  const [message, setMessage] = useState<string | null>(null);
  const [toRemove, setToRemove] = useState<Member | null>(null);
  const [toRevoke, setToRevoke] = useState<Invitation | null>(null);
  const [toShow, setToShow] = useState<Invitation | null>(null);
  const [shown, setShown] = useState<{ invitation: Invitation; url: string } | null>(null);
  const roleOptions = Roles.map((r) => ({ value: r, label: t(`roles.${r}`) }));
  const refresh = () => qc.invalidateQueries({ queryKey: ['networks', networkId] });

  const role = useMutation({
    mutationFn: (v: { member: Member; role: Role }) => changeRole(networkId, v.member.userId, v.role),
    onSuccess: async (_, v) => {
      setMessage(t('members.roleChanged', { name: v.member.name }));
      await refresh();
      if (v.member.userId === me?.user.id) await qc.invalidateQueries({ queryKey: meQuery.queryKey });
    },
    onError: () => refresh(),
  });
  const remove = useMutation({
    mutationFn: (m: Member) => removeMember(networkId, m.userId),
    onSuccess: async (_, m) => {
      setToRemove(null);
      setMessage(t('members.removed', { name: m.name }));
      await refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (i: Invitation) => revokeInvitation(networkId, i.id),
    onSuccess: async (_, i) => {
      setToRevoke(null);
      setMessage(t('members.revoked', { name: i.name }));
      await refresh();
    },
  });

  const showLink = useMutation({
    mutationFn: (i: Invitation) => showInvitationLink(networkId, i.id),
    onSuccess: (r, i) => {
      setToShow(null);
      setShown({ invitation: i, url: r.url });
    },
  });

  const open = (invitations.data ?? []).filter((i) => i.status === 'pending');

  return (
    <Page title={t('members.title')}>
      <StatusMessage message={message} />
      <ErrorAlert error={members.error ?? role.error} />
      <Section title={t('members.membersTitle')} id="members-list">
        {members.isPending ? (
          <Loading />
        ) : (
          <TableRegion labelledBy="members-list">
            <table className="kern-table bn-table">
              <thead className="kern-table__head">
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('common.name')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('common.role')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('members.twoFactor')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('members.since')}
                  </th>
                  {manage ? (
                    <th scope="col" className="kern-table__header kern-table__header--action">
                      {t('common.actions')}
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {(members.data ?? []).map((m) => (
                  <tr className="kern-table__row" key={m.userId}>
                    <td className="kern-table__cell bn-break">
                      <strong>{m.name}</strong> {m.userId === me?.user.id ? t('members.you') : null}
                      <br />
                      <span className="bn-muted">{m.email}</span>
                    </td>
                    <td className="kern-table__cell">
                      {manage ? (
                        <SelectField
                          hideLabel
                          label={t('members.roleOf', { name: m.name })}
                          options={roleOptions}
                          value={m.role}
                          disabled={role.isPending}
                          onChange={(e) => role.mutate({ member: m, role: e.target.value as Role })}
                        />
                      ) : (
                        t(`roles.${m.role}`)
                      )}
                    </td>
                    <td className="kern-table__cell">
                      {m.twoFactorEnabled ? (
                        <Badge kind="success">{t('members.twoFactorYes')}</Badge>
                      ) : (
                        <Badge kind="warning">{t('members.twoFactorNo')}</Badge>
                      )}
                    </td>
                    <td className="kern-table__cell bn-nowrap">{formatDate(m.since)}</td>
                    {manage ? (
                      <ActionsCell>
                        <RowButton
                          icon="delete"
                          label={t('members.removeLabel', { name: m.name })}
                          onClick={() => setToRemove(m)}
                        >
                          {t('common.remove')}
                        </RowButton>
                      </ActionsCell>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        )}
      </Section>

      {manage ? (
        <>
          <Section title={t('members.invitationsTitle')} id="invitations-list">
            <ErrorAlert error={invitations.error} />
            {invitations.isPending ? (
              <Loading />
            ) : open.length === 0 ? (
              <p className="kern-body">{t('members.noInvitations')}</p>
            ) : (
              <TableRegion labelledBy="invitations-list">
                <table className="kern-table bn-table">
                  <thead className="kern-table__head">
                    <tr className="kern-table__row">
                      <th scope="col" className="kern-table__header">
                        {t('common.name')}
                      </th>
                      <th scope="col" className="kern-table__header">
                        {t('common.role')}
                      </th>
                      <th scope="col" className="kern-table__header">
                        {t('members.expires')}
                      </th>
                      <th scope="col" className="kern-table__header kern-table__header--action">
                        {t('common.actions')}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="kern-table__body">
                    {open.map((i) => (
                      <tr className="kern-table__row" key={i.id}>
                        <td className="kern-table__cell bn-break">
                          <strong>{i.name}</strong>
                          <br />
                          <span className="bn-muted">{i.email}</span>
                        </td>
                        <td className="kern-table__cell">{t(`roles.${i.role}`)}</td>
                        <td className="kern-table__cell bn-nowrap">{formatDateTime(i.expiresAt)}</td>
                        <ActionsCell>
                          <RowButton
                            icon="visibility"
                            label={t('members.showLinkLabel', { name: i.name })}
                            onClick={() => setToShow(i)}
                          >
                            {t('members.showLink')}
                          </RowButton>
                          <RowButton
                            icon="close"
                            label={t('members.revokeLabel', { name: i.name })}
                            onClick={() => setToRevoke(i)}
                          >
                            {t('members.revoke')}
                          </RowButton>
                        </ActionsCell>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
            )}
          </Section>
          <InviteForm networkId={networkId} onDone={(email) => setMessage(t('members.invited', { email }))} />
        </>
      ) : null}

      <ConfirmAction
        target={toRemove}
        action={remove}
        onClose={() => setToRemove(null)}
        title={t('members.removeTitle')}
        confirmLabel={t('common.remove')}
      >
        <p className="kern-body">{t('members.removeText', { name: toRemove?.name ?? '' })}</p>
      </ConfirmAction>
      <ConfirmAction
        target={toRevoke}
        action={revoke}
        onClose={() => setToRevoke(null)}
        title={t('members.revokeTitle')}
        confirmLabel={t('members.revoke')}
      >
        <p className="kern-body">{t('members.revokeText', { email: toRevoke?.email ?? '' })}</p>
      </ConfirmAction>
      <ConfirmAction
        target={toShow}
        action={showLink}
        onClose={() => setToShow(null)}
        title={t('members.showLinkTitle')}
        confirmLabel={t('members.showLink')}
      >
        <p className="kern-body">{t('members.showLinkText', { email: toShow?.email ?? '' })}</p>
      </ConfirmAction>
      <InfoDialog
        open={shown !== null}
        title={t('members.shownTitle', { name: shown?.invitation.name ?? '' })}
        onClose={() => setShown(null)}
      >
        {shown ? <ShownLink url={shown.url} /> : null}
      </InfoDialog>
    </Page>
  );
}

/** The freshly minted link, shown this once: only its hash is stored. */
function ShownLink({ url }: { url: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <div className="bn-form">
      <TextField
        label={t('members.shownLink')}
        hint={t('members.shownHint')}
        value={url}
        readOnly
        onFocus={(e) => e.currentTarget.select()}
      />
      <StatusMessage message={copied ? t('members.copied') : null} />
      <div className="bn-form__actions">
        <Button
          type="button"
          variant="secondary"
          icon="content-copy"
          onClick={() =>
            // The clipboard needs HTTPS; without it the field stays selectable for copying by hand.
            navigator.clipboard
              ?.writeText(url)
              .then(() => setCopied(true))
              .catch(() => setCopied(false))
          }
        >
          {t('members.copy')}
        </Button>
      </div>
    </div>
  );
}

function InviteForm({ networkId, onDone }: { networkId: string; onDone: (email: string) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const m = useMutation({
    mutationFn: (v: { email: string; name: string; role: Role }) => invite(networkId, v),
  });
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const fd = new FormData(form);
    const email = String(fd.get('email') ?? '').trim();
    m.mutate(
      { email, name: String(fd.get('name') ?? '').trim(), role: String(fd.get('role')) as Role },
      {
        onSuccess: async () => {
          form.reset();
          onDone(email);
          await qc.invalidateQueries({ queryKey: ['networks', networkId] });
        },
      },
    );
  }
  return (
    <Section title={t('members.inviteTitle')} id="invite">
      <p className="kern-body">{t('members.inviteIntro')}</p>
      <form className="bn-form" onSubmit={submit}>
        <ErrorAlert error={m.error} />
        <TextField label={t('common.name')} name="name" required minLength={2} autoComplete="off" />
        <TextField label={t('common.email')} name="email" type="email" required autoComplete="off" />
        <SelectField
          label={t('common.role')}
          name="role"
          defaultValue="committee"
          options={Roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <div className="bn-form__actions">
          <Button type="submit" icon="mail" busy={m.isPending}>
            {t('members.invite')}
          </Button>
        </div>
      </form>
    </Section>
  );
}
