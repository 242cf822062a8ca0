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
export function germanDate(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}.${m}.${y}`;
}
