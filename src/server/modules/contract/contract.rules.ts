import { DomainError, notFound } from '../../http/errors.js';
import { formatDay } from '../../lib/format.js';

/**
 * Pure rules of the cooperation contract. Dates are calendar days 'YYYY-MM-DD' (the contract speaks in
 * days, not instants), compared as strings.
 */
export type Owner = 'land' | 'school_operator' | 'municipality' | 'other';
export type Party = 'land' | 'municipality';

export type VersionFacts = {
  id: string;
  number: number;
  status: 'draft' | 'in_force' | 'withdrawn';
  effectiveFrom: string;
};

export type FieldFacts = {
  id: string;
  name: string;
  introducedBy: string;
  endedBy: string | null;
  previousOwner: Owner;
  previousOwnerName: string | null;
};

export type JointAnswer =
  | { joint: true; since: VersionFacts }
  | { joint: false; reason: 'not_in_force' | 'not_yet' | 'ended'; endedBy?: VersionFacts };

/**
 * Whether a field of action is joint business on a day: only what both parties agreed is joint, from
 * the day the introducing version took effect until a later version in force ends it (§ 78a SchulG NRW,
 * the contract's own terms). A draft or withdrawn version changes nothing.
 */
export function fieldJointOn(
  field: FieldFacts,
  versions: ReadonlyMap<string, VersionFacts>,
  day: string,
): JointAnswer {
  const intro = versions.get(field.introducedBy);
  if (intro?.status !== 'in_force') return { joint: false, reason: 'not_in_force' };
  if (day < intro.effectiveFrom) return { joint: false, reason: 'not_yet' };
  const end = field.endedBy ? versions.get(field.endedBy) : undefined;
  if (end && end.status === 'in_force' && day >= end.effectiveFrom)
    return { joint: false, reason: 'ended', endedBy: end };
  return { joint: true, since: intro };
}

export const ownerLabel: Record<Owner, string> = {
  land: 'Land NRW (Schulaufsicht)',
  school_operator: 'Schulträger',
  municipality: 'Kreis bzw. Kommune',
  other: 'eine andere Stelle',
};

export function ownerText(owner: Owner, name: string | null): string {
  return owner === 'other' && name ? name : name ? `${ownerLabel[owner]} – ${name}` : ownerLabel[owner];
}

/** The owner in the genitive, for "bleibt in der Zuständigkeit des Schulträgers". */
const ownerGenitive: Record<Owner, string> = {
  land: 'des Landes NRW (Schulaufsicht)',
  school_operator: 'des Schulträgers',
  municipality: 'des Kreises bzw. der Kommune',
  other: 'einer anderen Stelle',
};

/**
 * Whose responsibility a matter stays in, as words that finish the sentence "… bleibt …":
 * "in der Zuständigkeit des Schulträgers (Stadt Meschede)", "in der Zuständigkeit von IHK Arnsberg".
 */
export function ownerStays(owner: Owner, name: string | null): string {
  if (owner === 'other' && name) return `in der Zuständigkeit von ${name}`;
  return `in der Zuständigkeit ${ownerGenitive[owner]}${name ? ` (${name})` : ''}`;
}

/** A new version must take effect strictly after every version already in force or drafted. */
export function overlappingVersion(
  existing: readonly VersionFacts[],
  effectiveFrom: string,
): VersionFacts | null {
  const live = existing.filter((v) => v.status !== 'withdrawn');
  return live.find((v) => v.effectiveFrom >= effectiveFrom) ?? null;
}

/** A version takes effect when both parties' consent is recorded. */
export function consentComplete(parties: readonly Party[]): boolean {
  return parties.includes('land') && parties.includes('municipality');
}

/** German display of a calendar day: 2024-03-01 → 01.03.2024. */
export const germanDate = formatDay;

export const partyLabel: Record<Party, string> = { land: 'Land', municipality: 'Kommune (Schulträger)' };

export type DraftFacts = {
  effectiveFrom: string;
  addFieldNames: readonly string[];
  endFieldIds: readonly string[];
  changesText: boolean;
};

/**
 * Checks a new version against the versions so far and the fields of versions not withdrawn, and tells
 * whether it is the original contract or an amendment. Versions follow each other in time; an amendment
 * changes something; a field name is unique; a field ends once, only after it was in force for a day.
 */
export function checkDraft(
  versions: readonly VersionFacts[],
  fields: readonly FieldFacts[],
  draft: DraftFacts,
): 'original' | 'amendment' {
  const live = versions.filter((v) => v.status !== 'withdrawn');
  const clash = overlappingVersion(live, draft.effectiveFrom);
  if (clash) {
    throw new DomainError(
      'contract.version_overlap',
      `Die Fassung überschneidet sich mit Fassung ${clash.number} (wirksam ab ${germanDate(clash.effectiveFrom)}). Eine neue Fassung muss später wirksam werden.`,
      'conflict',
    );
  }
  const kind = live.length === 0 ? 'original' : 'amendment';
  if (
    kind === 'amendment' &&
    draft.addFieldNames.length === 0 &&
    draft.endFieldIds.length === 0 &&
    !draft.changesText
  ) {
    throw new DomainError(
      'contract.amendment_empty',
      'Eine Änderungsvereinbarung muss ein Handlungsfeld aufnehmen, eines beenden oder den Vertragstext ändern.',
      'invalid',
    );
  }
  const byId = new Map(versions.map((v) => [v.id, v]));
  const taken = new Set(fields.map((f) => f.name.toLowerCase()));
  for (const name of draft.addFieldNames) {
    if (taken.has(name.toLowerCase())) {
      throw new DomainError(
        'contract.field_exists',
        `Das Handlungsfeld „${name}“ gibt es bereits.`,
        'conflict',
      );
    }
    taken.add(name.toLowerCase());
  }
  for (const id of draft.endFieldIds) {
    const f = fields.find((x) => x.id === id);
    if (!f) throw notFound('Das Handlungsfeld');
    if (f.endedBy) {
      throw new DomainError(
        'contract.field_already_ended',
        `Das Handlungsfeld „${f.name}“ wird bereits durch Fassung ${byId.get(f.endedBy)?.number ?? '?'} beendet.`,
        'conflict',
      );
    }
    const intro = byId.get(f.introducedBy)!;
    if (intro.status !== 'in_force' || draft.effectiveFrom <= intro.effectiveFrom) {
      throw new DomainError(
        'contract.field_end_before_start',
        intro.status !== 'in_force'
          ? `Das Handlungsfeld „${f.name}“ ist noch nicht in Kraft und kann deshalb nicht beendet werden.`
          : `Das Handlungsfeld „${f.name}“ gilt erst ab ${germanDate(intro.effectiveFrom)}; es kann nicht vorher oder am selben Tag enden.`,
        'rule',
      );
    }
  }
  return kind;
}

export type HistoryKind = 'drafted' | 'consent' | 'withdrawn' | 'in_force' | 'field_added' | 'field_ended';
const historyOrder: Record<HistoryKind, number> = {
  drafted: 0,
  consent: 1,
  withdrawn: 2,
  in_force: 3,
  field_added: 4,
  field_ended: 5,
};

/**
 * The contract's history reads by calendar day; within a day in the order things must happen (drafted,
 * consented, in force, then the fields it changed), and by the moment of recording last.
 */
export function sortHistory<T extends { day: string; kind: HistoryKind; at: string }>(entries: T[]): T[] {
  return entries.sort(
    (a, b) =>
      a.day.localeCompare(b.day) || historyOrder[a.kind] - historyOrder[b.kind] || a.at.localeCompare(b.at),
  );
}
