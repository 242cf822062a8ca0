import type { MeetingDetail } from '../../../contracts/steering.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { linkPerson } from '../contacts/contacts.service.js';
import { authorize } from '../networks/networks.policy.js';
import { loadItem } from './agenda.service.js';
import { getMeeting } from './meeting-view.service.js';
import * as repo from './meetings.repository.js';
import { assertPlanning } from './meetings.rules.js';
import { loadMeeting } from './meetings.service.js';

/* Guests: advisory, without a vote; invited to a whole meeting or to one item. */

export async function inviteGuest(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  input: { name: string; email: string | null; topic: string; itemId: string | null },
): Promise<MeetingDetail> {
  authorize(actor.role, 'steering.manage');
  await deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, meetingId, true);
    assertPlanning(m.status);
    if (input.itemId) await loadItem(tx, actor, meetingId, input.itemId);
    // A guest with an account (role guest in this network) sees the invited items in the app.
    const userId = input.email ? await repo.accountIdByEmail(tx, input.email) : null;
    // The guest is a person of the address book: the one with this e-mail, else a new one.
    const personId = await linkPerson(tx, actor.networkId, {
      name: input.name,
      email: input.email,
      source: 'guest',
      userId,
    });
    const g = await repo.insertGuest(tx, {
      ...input,
      networkId: actor.networkId,
      meetingId: m.id,
      userId,
      personId,
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'guest',
      entityId: g.id,
      summary: `${input.name} als Gast (beratend) zu „${m.title}“ eingeladen`,
      after: input,
    });
  });
  return getMeeting(deps, actor, meetingId);
}

/**
 * Guests from a distribution list: the people (already chosen by the list) become guests of the whole
 * meeting, each linked to their record; people already invited (same person or same address) are
 * skipped. One transaction, one audit entry per guest.
 */
export async function inviteGuestsOfList(
  deps: Deps,
  actor: NetworkActor,
  meetingId: string,
  listName: string,
  people: ReadonlyArray<{ personId: string; name: string; email: string }>,
): Promise<{ added: number; skipped: number }> {
  authorize(actor.role, 'steering.manage');
  return deps.db.transaction(async (tx) => {
    const m = await loadMeeting(tx, actor, meetingId, true);
    assertPlanning(m.status);
    const existing = await repo.guestsOf(tx, m.id);
    const personIds = new Set(existing.map((g) => g.personId).filter(Boolean));
    const emails = new Set(existing.map((g) => g.email?.toLowerCase()).filter(Boolean));
    let added = 0;
    for (const p of people) {
      const email = p.email.toLowerCase();
      if (personIds.has(p.personId) || emails.has(email)) continue;
      personIds.add(p.personId);
      emails.add(email);
      const userId = await repo.accountIdByEmail(tx, p.email);
      const g = await repo.insertGuest(tx, {
        networkId: actor.networkId,
        meetingId: m.id,
        itemId: null,
        name: p.name,
        email: p.email,
        topic: '',
        userId,
        personId: p.personId,
      });
      await recordAudit(tx, auditActorOf(actor), {
        action: 'create',
        entityType: 'guest',
        entityId: g.id,
        summary: `${p.name} als Gast (beratend) zu „${m.title}“ eingeladen (aus Verteiler „${listName}“)`,
        after: { name: p.name, email: p.email, personId: p.personId },
      });
      added += 1;
    }
    return { added, skipped: people.length - added };
  });
}
