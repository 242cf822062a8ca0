/**
 * The steering committee decides by consensus with parity of Land and municipal side (DOMAIN.md, "Rules
 * the code must hold"; the cooperation contract). Pure: no I/O.
 */
export type Side = 'land' | 'municipality' | 'other' | 'office';
export type Stance = 'consent' | 'stand_aside' | 'objection';
export type Presence = 'present' | 'represented' | 'excused' | 'absent';

/** One member's part in a vote: present in person or through their deputy, with a voting right or not. */
export type Participant = {
  memberId: string;
  side: Side;
  voting: boolean;
  presence: Presence;
  /** The stance recorded for this member (cast by the deputy when represented); undefined if none. */
  stance?: Stance;
};

export type Outcome =
  | { taken: true }
  | {
      taken: false;
      reason: 'objection' | 'no_consent_from_land' | 'no_consent_from_municipality' | 'positions_missing';
      memberIds?: string[];
    };

/** Whether a member is entitled to take part: a voting member present in person or by deputy. */
export const entitled = (p: Participant) =>
  p.voting && (p.presence === 'present' || p.presence === 'represented');

/**
 * A decision is taken when every entitled member has stated a position, nobody objects, and at least
 * one voting member of the Land side and one of the municipal side consent ("auf Augenhöhe"). Standing
 * aside neither blocks nor counts as consent. Guests and office staff never count.
 */
export function consensusOutcome(participants: readonly Participant[]): Outcome {
  const voters = participants.filter(entitled);
  const objecting = voters.filter((p) => p.stance === 'objection');
  if (objecting.length > 0)
    return { taken: false, reason: 'objection', memberIds: objecting.map((p) => p.memberId) };
  const silent = voters.filter((p) => p.stance === undefined);
  if (silent.length > 0)
    return { taken: false, reason: 'positions_missing', memberIds: silent.map((p) => p.memberId) };
  for (const side of ['land', 'municipality'] as const) {
    if (!voters.some((p) => p.side === side && p.stance === 'consent')) {
      return {
        taken: false,
        reason: side === 'land' ? 'no_consent_from_land' : 'no_consent_from_municipality',
      };
    }
  }
  return { taken: true };
}

/**
 * The written procedure (Umlaufverfahren): everyone entitled must consent (or stand aside) by the
 * deadline; silence is not consent.
 */
export function writtenProcedureOutcome(
  entitledMembers: ReadonlyArray<{ memberId: string; side: Side }>,
  answers: ReadonlyMap<string, Stance>,
): Outcome {
  return consensusOutcome(
    entitledMembers.map((m) => ({
      ...m,
      voting: true,
      presence: 'present' as const,
      stance: answers.get(m.memberId),
    })),
  );
}

export const outcomeMessage = (o: Outcome): string => {
  if (o.taken) return 'Beschluss gefasst: Niemand hat Einwand erhoben, Land und Kommune haben zugestimmt.';
  switch (o.reason) {
    case 'objection':
      return 'Nicht beschlossen: Es liegt ein Einwand vor. Der Vorschlag kann vertagt, überarbeitet oder zurückgezogen werden.';
    case 'positions_missing':
      return 'Nicht beschlossen: Nicht alle stimmberechtigten Anwesenden haben sich geäußert. Schweigen gilt nicht als Zustimmung.';
    case 'no_consent_from_land':
      return 'Nicht beschlossen: Kein stimmberechtigtes Mitglied der Landesseite hat zugestimmt (Parität).';
    case 'no_consent_from_municipality':
      return 'Nicht beschlossen: Kein stimmberechtigtes Mitglied der kommunalen Seite hat zugestimmt (Parität).';
  }
};
