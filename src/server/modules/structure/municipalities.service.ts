import { eq, inArray } from 'drizzle-orm';
import type { Municipality } from '../../../contracts/structure.js';
import { DomainError } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { institutionsInMunicipalities, refreshInstitutionSearch } from '../contacts/contacts.service.js';
import { authorize } from '../networks/networks.policy.js';
import { network } from '../networks/networks.tables.js';
import { municipalitiesOf } from './structure.service.js';
import { municipality } from './structure.tables.js';

/*
 * The network's municipalities as the administrator keeps them. Not re-exported by structure.service.ts:
 * the address book reads municipalitiesOf from there, and this file asks the address book which
 * institutions use a municipality, so the face re-exporting it would close an import cycle. The
 * structure routes import it directly.
 */

type Entry = { regionKey: string; name: string };

const counted = (n: number) => (n === 1 ? 'eine Einrichtung ist' : `${n} Einrichtungen sind`);

/**
 * Replaces the network's municipalities by the given list, in one transaction: a municipality with the
 * same key keeps its id (and its institutions) and takes the new name, new keys are added, missing ones
 * removed. A municipality an institution still points at (as Schulträger or as its place) is not
 * removed: 409, nothing written.
 */
export async function replaceMunicipalities(
  deps: Deps,
  actor: NetworkActor,
  list: Entry[],
): Promise<Municipality[]> {
  authorize(actor.role, 'network.manage');
  await deps.db.transaction(async (tx) => {
    const [net] = await tx
      .select({ regionKey: network.regionKey })
      .from(network)
      .where(eq(network.id, actor.networkId))
      .for('update');
    const outside = list.filter((m) => !m.regionKey.startsWith(net!.regionKey));
    if (outside.length > 0) {
      throw new DomainError(
        'structure.municipality_outside_region',
        `Der Regionalschlüssel ${outside[0]!.regionKey} (${outside[0]!.name}) gehört nicht zu diesem Bildungsnetzwerk: Die Schlüssel seiner Kommunen beginnen mit ${net!.regionKey}.`,
        'invalid',
      );
    }
    const before = await tx
      .select()
      .from(municipality)
      .where(eq(municipality.networkId, actor.networkId))
      .orderBy(municipality.regionKey);
    const wanted = new Map(list.map((m) => [m.regionKey, m.name]));
    const known = new Map(before.map((m) => [m.regionKey, m]));
    const removed = before.filter((m) => !wanted.has(m.regionKey));
    const renamed = before.filter((m) => wanted.has(m.regionKey) && wanted.get(m.regionKey) !== m.name);
    const added = list.filter((m) => !known.has(m.regionKey));

    const users = await institutionsInMunicipalities(
      tx,
      actor.networkId,
      removed.map((m) => m.id),
    );
    const refusals = removed.flatMap((m) => {
      const n = users.filter((i) => i.operatorId === m.id || i.municipalityId === m.id).length;
      return n > 0 ? [`${counted(n)} der Kommune „${m.name}“ zugeordnet`] : [];
    });
    if (refusals.length > 0) {
      throw new DomainError(
        'structure.municipality_in_use',
        `Nicht gespeichert: ${refusals.join('; ')}. Ordnen Sie diese Einrichtungen zuerst einer anderen Kommune zu.`,
        'conflict',
      );
    }
    if (removed.length + renamed.length + added.length === 0) return;

    if (removed.length > 0) {
      await tx.delete(municipality).where(
        inArray(
          municipality.id,
          removed.map((m) => m.id),
        ),
      );
    }
    for (const m of renamed) {
      await tx
        .update(municipality)
        .set({ name: wanted.get(m.regionKey)! })
        .where(eq(municipality.id, m.id));
    }
    if (added.length > 0) {
      await tx.insert(municipality).values(added.map((m) => ({ ...m, networkId: actor.networkId })));
    }
    if (renamed.length > 0) {
      const inRenamed = await institutionsInMunicipalities(
        tx,
        actor.networkId,
        renamed.map((m) => m.id),
      );
      await refreshInstitutionSearch(
        tx,
        inRenamed.map((i) => i.id),
      );
    }
    const changes = [
      added.length > 0 ? `${added.length} neu` : null,
      renamed.length > 0 ? `${renamed.length} umbenannt` : null,
      removed.length > 0 ? `${removed.length} entfernt` : null,
    ].filter(Boolean);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'municipalities',
      entityId: actor.networkId,
      summary: `Kommunen geändert (${changes.join(', ')})`,
      before: before.map((m) => ({ regionKey: m.regionKey, name: m.name })),
      after: [...list].sort((a, b) => a.regionKey.localeCompare(b.regionKey)),
    });
  });
  return municipalitiesOf(deps.db, actor.networkId);
}
