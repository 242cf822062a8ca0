import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommitteeMember, MemberInput } from '../../../../contracts/steering';
import {
  ActionsCell,
  Badge,
  Button,
  CheckboxField,
  DateField,
  ErrorAlert,
  FormDialog,
  Loading,
  Page,
  RowButton,
  Section,
  SelectField,
  StatusMessage,
  TableHead,
  TableRegion,
  TextField,
} from '../../../components/ui';
import { formatDay, today } from '../../../lib/format';
import { useCan } from '../../../lib/session';
import { committeeKey, committeeQuery, saveMember } from '../api';

type Side = CommitteeMember['side'];
const sides: Side[] = ['land', 'municipality', 'other', 'office'];

/** Ended terms stay on record; a term that has not begun yet still belongs to the current committee. */
const isFormer = (m: CommitteeMember, day: string) => m.termTo !== null && m.termTo < day;

/** The steering committee's members by side, with their terms, votes and deputies, and those who left. */
export function CommitteePage({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const manage = can('steering.manage');
  const members = useQuery(committeeQuery(networkId));
  const [editing, setEditing] = useState<CommitteeMember | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const day = today();
  const all = members.data ?? [];
  const current = all.filter((m) => !isFormer(m, day));
  const former = all.filter((m) => isFormer(m, day));

  return (
    <Page
      title={t('committee.title')}
      intro={t('committee.intro')}
      actions={
        manage ? (
          <Button icon="add" onClick={() => setEditing('new')}>
            {t('committee.add')}
          </Button>
        ) : null
      }
    >
      <StatusMessage message={message} />
      <ErrorAlert error={members.error} />
      {members.isPending ? (
        <Loading />
      ) : (
        <>
          {sides.map((side) => (
            <Section key={side} id={`side-${side}`} title={t(`committee.sides.${side}`)}>
              <MemberTable
                networkId={networkId}
                members={current.filter((m) => m.side === side)}
                all={all}
                caption={t(`committee.sides.${side}`)}
                day={day}
                onEdit={manage ? setEditing : null}
              />
            </Section>
          ))}
          <Section id="former" title={t('committee.former')}>
            {former.length === 0 ? (
              <p className="kern-body">{t('committee.noFormer')}</p>
            ) : (
              <MemberTable
                networkId={networkId}
                members={former}
                all={all}
                caption={t('committee.former')}
                day={day}
                showSide
                onEdit={manage ? setEditing : null}
              />
            )}
          </Section>
        </>
      )}
      {editing !== null ? (
        <MemberDialog
          networkId={networkId}
          member={editing === 'new' ? null : editing}
          all={all}
          onClose={() => setEditing(null)}
          onSaved={(m, created) => {
            setEditing(null);
            setMessage(t(created ? 'committee.added' : 'committee.saved', { name: m.name }));
          }}
        />
      ) : null}
    </Page>
  );
}

function MemberTable({
  networkId,
  members,
  all,
  caption,
  day,
  showSide,
  onEdit,
}: {
  networkId: string;
  members: CommitteeMember[];
  all: CommitteeMember[];
  caption: string;
  day: string;
  showSide?: boolean;
  onEdit: ((m: CommitteeMember) => void) | null;
}) {
  const { t } = useTranslation();
  // The member's record in the address book (Netzwerk → Personen), for those who may read it.
  const addressBook = useCan()('contacts.read');
  if (members.length === 0) return <p className="kern-body">{t('committee.none')}</p>;
  const name = (id: string | null) => all.find((m) => m.id === id)?.name ?? '–';
  return (
    <TableRegion label={caption}>
      <table className="kern-table bn-table">
        <caption className="kern-sr-only">{caption}</caption>
        <TableHead
          columns={[
            t('committee.member'),
            ...(showSide ? [t('committee.side')] : []),
            t('committee.voting'),
            t('committee.term'),
            t('committee.deputy'),
          ]}
          actions={onEdit ? t('common.actions') : null}
        />
        <tbody className="kern-table__body">
          {members.map((m) => {
            const deputies = all.filter((d) => d.deputyOf === m.id && !isFormer(d, day));
            return (
              <tr key={m.id} className="kern-table__row">
                <th scope="row" className="kern-table__cell bn-row-head bn-member">
                  {addressBook && m.personId ? (
                    <Link
                      to="/n/$networkId/netzwerk/personen/$personId"
                      params={{ networkId, personId: m.personId }}
                      className="kern-link"
                    >
                      {m.name}
                    </Link>
                  ) : (
                    m.name
                  )}
                  {m.function || m.institution ? (
                    <span className="bn-member__detail">
                      {[m.function, m.institution].filter(Boolean).join(', ')}
                    </span>
                  ) : null}
                  {m.email ? <span className="bn-member__detail bn-muted">{m.email}</span> : null}
                </th>
                {showSide ? <td className="kern-table__cell">{t(`committee.sides.${m.side}`)}</td> : null}
                <td className="kern-table__cell">
                  {m.voting ? t('committee.votingYes') : t('committee.votingNo')}
                </td>
                <td className="kern-table__cell">
                  {m.termTo
                    ? t('committee.termRange', { from: formatDay(m.termFrom), to: formatDay(m.termTo) })
                    : t('committee.termOpen', { from: formatDay(m.termFrom) })}
                  {m.termFrom > day ? (
                    <>
                      <br />
                      <Badge kind="info">{t('committee.upcoming')}</Badge>
                    </>
                  ) : null}
                </td>
                <td className="kern-table__cell">
                  {m.deputyOf ? t('committee.deputyOf', { name: name(m.deputyOf) }) : null}
                  {deputies.length > 0
                    ? t('committee.deputizedBy', { names: deputies.map((d) => d.name).join(', ') })
                    : null}
                  {!m.deputyOf && deputies.length === 0 ? '–' : null}
                </td>
                {onEdit ? (
                  <ActionsCell>
                    <RowButton
                      icon="edit"
                      label={t('committee.editLabel', { name: m.name })}
                      onClick={() => onEdit(m)}
                    >
                      {t('committee.edit')}
                    </RowButton>
                  </ActionsCell>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableRegion>
  );
}

function MemberDialog({
  networkId,
  member,
  all,
  onClose,
  onSaved,
}: {
  networkId: string;
  member: CommitteeMember | null;
  all: CommitteeMember[];
  onClose: () => void;
  onSaved: (m: CommitteeMember, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [side, setSide] = useState<Side>(member?.side ?? 'land');
  const [voting, setVoting] = useState(member?.voting ?? true);
  const day = today();
  const save = useMutation({
    mutationFn: (input: MemberInput) => saveMember(networkId, member?.id ?? null, input),
    onSuccess: async (m) => {
      await qc.invalidateQueries({ queryKey: committeeKey(networkId) });
      onSaved(m, member === null);
    },
  });
  // A deputy stands in for a regular member; deputies are not deputized themselves.
  const principals = all.filter((m) => m.deputyOf === null && m.id !== member?.id && !isFormer(m, day));
  const office = side === 'office';

  return (
    <FormDialog
      open
      title={member ? t('committee.editTitle', { name: member.name }) : t('committee.addTitle')}
      submitLabel={member ? t('common.save') : t('committee.addSubmit')}
      busy={save.isPending}
      error={save.error}
      onClose={onClose}
      onSubmit={(e) => {
        const fd = new FormData(e.currentTarget);
        const s = (k: string) => String(fd.get(k) ?? '').trim();
        save.mutate({
          name: s('name'),
          email: s('email'),
          side,
          function: s('function'),
          institution: s('institution'),
          voting: office ? false : voting,
          termFrom: s('termFrom'),
          termTo: s('termTo') || null,
          deputyOf: s('deputyOf') || null,
        });
      }}
    >
      <TextField
        label={t('common.name')}
        name="name"
        required
        autoComplete="off"
        defaultValue={member?.name}
      />
      <TextField
        label={t('committee.email')}
        name="email"
        type="email"
        autoComplete="off"
        hint={t('committee.emailHint')}
        defaultValue={member?.email ?? ''}
      />
      <SelectField
        label={t('committee.side')}
        name="side"
        value={side}
        onChange={(e) => setSide(e.target.value as Side)}
        options={sides.map((s) => ({ value: s, label: t(`committee.sides.${s}`) }))}
      />
      <TextField
        label={t('committee.function')}
        name="function"
        hint={t('committee.functionHint')}
        defaultValue={member?.function}
      />
      <TextField label={t('committee.institution')} name="institution" defaultValue={member?.institution} />
      <CheckboxField
        label={t('committee.votingLabel')}
        name="voting"
        checked={office ? false : voting}
        disabled={office}
        onChange={(e) => setVoting(e.target.checked)}
        hint={office ? t('committee.officeNoVote') : t('committee.votingHint')}
      />
      <SelectField
        label={t('committee.deputyOfLabel')}
        name="deputyOf"
        hint={t('committee.deputyOfHint')}
        defaultValue={member?.deputyOf ?? ''}
        options={[
          { value: '', label: t('committee.noDeputy') },
          ...principals.map((m) => ({
            value: m.id,
            label: `${m.name} (${t(`committee.sides.${m.side}`)})`,
          })),
        ]}
      />
      <DateField
        label={t('committee.termFrom')}
        name="termFrom"
        required
        defaultValue={member?.termFrom ?? day}
      />
      <DateField
        label={t('committee.termTo')}
        name="termTo"
        hint={t('committee.termToHint')}
        defaultValue={member?.termTo}
      />
    </FormDialog>
  );
}
