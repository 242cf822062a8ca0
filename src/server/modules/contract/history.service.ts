import type { HistoryEntry } from '../../../contracts/contract.js';
import { berlinDay } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { authorize } from '../networks/networks.policy.js';
import * as repo from './contract.repository.js';
import { partyLabel, sortHistory } from './contract.rules.js';

/** The contract's life in one list: drafts, consents, withdrawals, versions in force and the fields they changed. */
export async function contractHistory(deps: Deps, actor: NetworkActor): Promise<HistoryEntry[]> {
  authorize(actor.role, 'contract.read');
  const versions = await repo.versionsOf(deps.db, actor.networkId);
  const consents = await repo.consentsOf(
    deps.db,
    versions.map((v) => v.id),
  );
  const fields = await repo.fieldsOfNetwork(deps.db, actor.networkId);
  const entries: HistoryEntry[] = [];
  for (const v of versions) {
    const label = v.kind === 'original' ? 'Vertragsfassung' : 'Änderungsvereinbarung';
    entries.push({
      day: berlinDay(v.createdAt),
      at: v.createdAt.toISOString(),
      kind: 'drafted',
      versionNumber: v.number,
      text: `${label} ${v.number} „${v.title}“ entworfen`,
    });
    for (const c of consents.filter((x) => x.versionId === v.id)) {
      entries.push({
        day: c.signedOn,
        at: c.recordedAt.toISOString(),
        kind: 'consent',
        versionNumber: v.number,
        text: `Zustimmung ${partyLabel[c.party]} zu Fassung ${v.number}: ${c.signedBy}`,
      });
    }
    if (v.status === 'withdrawn') {
      entries.push({
        day: berlinDay(v.createdAt),
        at: v.createdAt.toISOString(),
        kind: 'withdrawn',
        versionNumber: v.number,
        text: `Entwurf der Fassung ${v.number} zurückgezogen`,
      });
    }
    if (v.status === 'in_force') {
      const at = (v.inForceAt ?? v.createdAt).toISOString();
      entries.push({
        day: v.effectiveFrom,
        at,
        kind: 'in_force',
        versionNumber: v.number,
        text: `Fassung ${v.number} wirksam`,
      });
      for (const f of fields.filter((x) => x.introducedBy === v.id)) {
        entries.push({
          day: v.effectiveFrom,
          at,
          kind: 'field_added',
          versionNumber: v.number,
          text: `Handlungsfeld „${f.name}“ gemeinsam`,
        });
      }
      for (const f of fields.filter((x) => x.endedBy === v.id)) {
        entries.push({
          day: v.effectiveFrom,
          at,
          kind: 'field_ended',
          versionNumber: v.number,
          text: `Handlungsfeld „${f.name}“ beendet`,
        });
      }
    }
  }
  return sortHistory(entries);
}
