import { secondaryOneSchoolTypes } from '../../contracts/contacts.js';
import type { Deps } from '../lib/context.js';
import * as lists from '../modules/contacts/lists.service.js';
import { demoOffice } from './demo-office.js';

/**
 * The demo network's distribution lists, through the office's use cases: head teachers of Sek I schools
 * in Brilon and Olsberg (dynamic), multipliers for the transition school–work (dynamic, consent needed)
 * and the invitation list of the education conference (static: the heads of the region's institutions
 * and the multipliers, found by their data). Idempotent, and safe before any people exist: the dynamic
 * lists find people as they come; the static one is topped up on every run.
 */
export async function seedContactsListsDemo(deps: Deps, networkId: string): Promise<void> {
  const actor = await demoOffice(deps.db, networkId);
  if (!actor) return;
  const options = await lists.listOptions(deps, actor);
  const municipalityIds = options.municipalities
    .filter((m) => m.name === 'Brilon' || m.name === 'Olsberg')
    .map((m) => m.id);
  const existing = new Map((await lists.listLists(deps, actor)).map((l) => [l.name, l]));
  const ensure = async (input: Parameters<typeof lists.createList>[2]) =>
    existing.get(input.name) ?? (await lists.createList(deps, actor, input));

  await ensure({
    name: 'Schulleitungen Sek I in Brilon und Olsberg',
    description: 'Beispiel: Schulleitungen der weiterführenden Schulen in Brilon und Olsberg (dynamisch).',
    kind: 'dynamic',
    needsConsent: false,
    filter: {
      institutionTypes: ['school'],
      schoolTypes: [...secondaryOneSchoolTypes],
      municipalityIds,
      functions: ['Schulleitung'],
    },
  });
  await ensure({
    name: 'Multiplikatoren Übergang Schule–Beruf',
    description: 'Beispiel: Newsletter an Multiplikatorinnen und Multiplikatoren; nur mit Einwilligung.',
    kind: 'dynamic',
    needsConsent: true,
    filter: { multiplierOnly: true, multiplierTopics: ['Übergang Schule'] },
  });
  const conference = await ensure({
    name: 'Einladung Bildungskonferenz',
    description:
      'Beispiel: Leitungen der Einrichtungen der Region und die Multiplikatoren (fest zusammengestellt).',
    kind: 'static',
    needsConsent: false,
    filter: null,
  });
  // Everyone leading an institution of the region, and the multipliers: found by their data.
  const leads = await lists.previewFilter(deps, actor, {
    needsConsent: false,
    filter: { functions: ['Leitung', 'Geschäftsführung'] },
  });
  const multipliers = await lists.previewFilter(deps, actor, {
    needsConsent: false,
    filter: { multiplierOnly: true },
  });
  const people = [...leads.included, ...leads.excluded, ...multipliers.included, ...multipliers.excluded]
    .filter((p) => !('reason' in p) || p.reason !== 'erased')
    .map((p) => p.personId);
  const already = new Set((await lists.getList(deps, actor, conference.id)).members.map((m) => m.personId));
  const missing = [...new Set(people)].filter((id) => !already.has(id));
  if (missing.length > 0) await lists.addMembers(deps, actor, conference.id, missing);
}
