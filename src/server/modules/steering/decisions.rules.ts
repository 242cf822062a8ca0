import { DomainError } from '../../http/errors.js';
import type { Participant, Stance } from './consensus.rules.js';

/** Pure rules of rounds and the decision register. */

export const DECISION_PREFIX = 'LK';

/** A decision counts in the year of the day it was taken. */
export const decisionYear = (decidedOn: string): number => Number(decidedOn.slice(0, 4));

/** The register number: prefix, year, sequence of the year with at least two digits (LK-2026-07). */
export const decisionNumber = (year: number, seq: number): string =>
  `${DECISION_PREFIX}-${year}-${String(seq).padStart(2, '0')}`;

export type Resolution = 'reworked' | 'deferred' | 'withdrawn';

/** After a blocked round: a reworked proposal stays open for the next round; otherwise the item rests. */
export const itemStatusAfterBlock = (resolution: Resolution): 'open' | 'deferred' | 'withdrawn' =>
  resolution === 'reworked' ? 'open' : resolution;

/**
 * Puts the recorded positions on the participants: only a voting member present in person or by deputy
 * has one, and each at most once. Guests' advice is recorded apart and never counts.
 */
export function applyPositions(
  participants: Participant[],
  positions: ReadonlyArray<{ memberId: string; stance: Stance }>,
  nameOf: (memberId: string) => string | undefined,
): Participant[] {
  const byId = new Map(participants.map((p) => [p.memberId, p]));
  const seen = new Set<string>();
  for (const p of positions) {
    const part = byId.get(p.memberId);
    const name = nameOf(p.memberId) ?? 'Diese Person';
    if (!part?.voting || (part.presence !== 'present' && part.presence !== 'represented')) {
      throw new DomainError(
        'steering.position_not_entitled',
        `${name} ist nicht stimmberechtigt anwesend; eine Position kann nicht erfasst werden. Rat von Gästen wird gesondert festgehalten.`,
        'invalid',
      );
    }
    if (seen.has(p.memberId))
      throw new DomainError(
        'steering.position_twice',
        `Für ${name} ist die Position doppelt angegeben.`,
        'invalid',
      );
    seen.add(p.memberId);
    part.stance = p.stance;
  }
  return participants;
}
