import { DomainError } from '../../http/errors.js';
import type { Participant, Stance } from './consensus.rules.js';

/** Pure rules of rounds and the decision register. */

export const DECISION_PREFIX = 'LK';

/** A decision counts in the year of the day it was taken. */
export const decisionYear = (decidedOn: string): number => Number(decidedOn.slice(0, 4));

/** The register number: prefix, year, sequence of the year with at least two digits (LK-2026-07). */
export const decisionNumber = (year: number, seq: number): string =>
  `${DECISION_PREFIX}-${year}-${String(seq).padStart(2, '0')}`;

/** The Umsetzungsstand in words (register, audit, exports, trace). */
export const decisionStatusLabel = { open: 'offen', in_progress: 'in Umsetzung', done: 'erledigt' } as const;

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

/**
 * "Alle stimmen zu" plus exceptions: the named positions stand, every other voting member present in
 * person or by deputy consents. Absent, excused and non-voting members get no position.
 */
export function withAllConsent<P extends { memberId: string; stance: Stance; reason: string }>(
  participants: readonly Participant[],
  exceptions: readonly P[],
): Array<P | { memberId: string; stance: 'consent'; reason: string }> {
  const named = new Set(exceptions.map((p) => p.memberId));
  const rest = participants
    .filter(
      (p) => p.voting && (p.presence === 'present' || p.presence === 'represented') && !named.has(p.memberId),
    )
    .map((p) => ({ memberId: p.memberId, stance: 'consent' as const, reason: '' }));
  return [...exceptions, ...rest];
}

/**
 * Who may give advice in a round: a guest (of the whole meeting or of this item), a member without a
 * vote, or office staff. A voting member states a position instead; advice never counts (DOMAIN.md).
 */
export function assertMayAdvise(
  speaker:
    | { kind: 'guest'; name: string; itemId: string | null }
    | { kind: 'member'; name: string; voting: boolean }
    | { kind: 'office'; name: string }
    | undefined,
  itemId: string,
): void {
  if (!speaker) {
    throw new DomainError(
      'steering.advisor_unknown',
      'Diese Person ist zu diesem Tagesordnungspunkt nicht als beratende Teilnehmerin eingeladen.',
      'invalid',
    );
  }
  if (speaker.kind === 'guest' && speaker.itemId !== null && speaker.itemId !== itemId) {
    throw new DomainError(
      'steering.advisor_other_item',
      `${speaker.name} ist nur zu einem anderen Tagesordnungspunkt eingeladen.`,
      'invalid',
    );
  }
  if (speaker.kind === 'member' && speaker.voting) {
    throw new DomainError(
      'steering.advisor_voting',
      `${speaker.name} ist stimmberechtigt: Erfassen Sie eine Position statt eines Rats.`,
      'invalid',
    );
  }
}
