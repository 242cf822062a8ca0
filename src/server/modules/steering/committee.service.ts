import type { CommitteeMember } from '../../../contracts/steering.js';
import type { Db } from '../../db/client.js';
import { notFound } from '../../http/errors.js';
import { berlinDay } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { linkPerson } from '../contacts/contacts.service.js';
import { authorize } from '../networks/networks.policy.js';
import type { MemberRow, MemberValues } from './committee.repository.js';
import * as repo from './committee.repository.js';
import { checkMember, inTermOn } from './committee.rules.js';
import { guestInvitationsOfPerson } from './meetings.repository.js';

/* The committee: members of both sides and the office, their terms and deputies. */

const memberDto = (m: MemberRow, today: string): CommitteeMember => ({
  id: m.id,
  name: m.name,
  email: m.email,
  side: m.side,
  function: m.function,
  institution: m.institution,
  voting: m.voting,
  termFrom: m.termFrom,
  termTo: m.termTo,
  deputyOf: m.deputyOf,
  personId: m.personId,
  active: inTermOn(m, today),
});

export async function listCommitteeMembers(deps: Deps, actor: NetworkActor): Promise<CommitteeMember[]> {
  authorize(actor.role, 'steering.read');
  const rows = await repo.membersOf(deps.db, actor.networkId);
  const today = berlinDay(deps.now());
  return rows.map((m) => memberDto(m, today));
}

export async function createCommitteeMember(deps: Deps, actor: NetworkActor, input: MemberValues) {
  authorize(actor.role, 'steering.manage');
  const row = await deps.db.transaction(async (tx) => {
    const principal = input.deputyOf ? await repo.memberById(tx, actor.networkId, input.deputyOf) : undefined;
    checkMember(input, principal);
    const inserted = await repo.insertMember(tx, actor.networkId, input);
    // The member is a person of the address book: the one with this e-mail, else a new one.
    const personId = await linkPerson(tx, actor.networkId, {
      name: input.name,
      email: input.email,
      source: 'committee',
      userId: inserted.userId,
    });
    const m = await repo.setMemberPerson(tx, inserted.id, personId);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'committee_member',
      entityId: m.id,
      summary: `${m.name} in den Lenkungskreis aufgenommen`,
      after: input,
    });
    return m;
  });
  return memberDto(row, berlinDay(deps.now()));
}

export async function updateCommitteeMember(
  deps: Deps,
  actor: NetworkActor,
  memberId: string,
  input: MemberValues,
) {
  authorize(actor.role, 'steering.manage');
  const row = await deps.db.transaction(async (tx) => {
    const before = await repo.memberById(tx, actor.networkId, memberId, true);
    if (!before) throw notFound('Das Mitglied');
    const principal = input.deputyOf ? await repo.memberById(tx, actor.networkId, input.deputyOf) : undefined;
    checkMember(input, principal, memberId);
    let m = await repo.updateMemberRow(tx, memberId, input);
    if (!m.personId)
      m = await repo.setMemberPerson(
        tx,
        m.id,
        await linkPerson(tx, actor.networkId, { name: m.name, email: m.email, source: 'committee' }),
      );
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'committee_member',
      entityId: memberId,
      summary: `Mitgliedschaft von ${m.name} geändert`,
      before,
      after: input,
    });
    return m;
  });
  return memberDto(row, berlinDay(deps.now()));
}

/**
 * What the steering committee knows of a person of the address book: their memberships (with terms)
 * and their guest invitations. For the person page (contacts.read checked by the caller).
 */
export async function steeringOfPerson(db: Db, networkId: string, personId: string, today: string) {
  const [members, invitations] = await Promise.all([
    repo.membershipsOfPerson(db, networkId, personId),
    guestInvitationsOfPerson(db, networkId, personId),
  ]);
  return {
    committee: members.map((m) => ({
      memberId: m.id,
      side: m.side,
      function: m.function,
      termFrom: m.termFrom,
      termTo: m.termTo,
      active: inTermOn(m, today),
    })),
    guestInvitations: invitations.map((g) => ({ ...g, startsAt: g.startsAt.toISOString() })),
  };
}
