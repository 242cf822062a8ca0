import { DomainError, notFound } from '../../http/errors.js';

/**
 * Pure rules of the committee's membership: terms, voting rights, deputies (DOMAIN.md: the office takes
 * part without a vote; a deputy represents one member and is not represented in turn).
 */

export type MemberFacts = {
  id: string;
  name: string;
  side: 'land' | 'municipality' | 'other' | 'office';
  voting: boolean;
  termFrom: string;
  termTo: string | null;
  deputyOf: string | null;
};

/** A member belongs to the committee on a day (YYYY-MM-DD) within the term; an open term has no end. */
export const inTermOn = (m: Pick<MemberFacts, 'termFrom' | 'termTo'>, day: string): boolean =>
  m.termFrom <= day && (m.termTo === null || m.termTo >= day);

/**
 * Checks a member's values; `principal` is the member this one deputises for (undefined when not found
 * in the network), `selfId` the member being edited.
 */
export function checkMember(
  input: Pick<MemberFacts, 'side' | 'voting' | 'termFrom' | 'termTo' | 'deputyOf'>,
  principal?: Pick<MemberFacts, 'id' | 'deputyOf'>,
  selfId?: string,
): void {
  if (input.termTo && input.termTo < input.termFrom) {
    throw new DomainError('steering.term_invalid', 'Die Amtszeit endet vor ihrem Beginn.', 'invalid');
  }
  if (input.side === 'office' && input.voting) {
    throw new DomainError(
      'steering.office_no_vote',
      'Mitarbeitende des Bildungsbüros nehmen ohne Stimmrecht teil.',
      'invalid',
    );
  }
  if (input.deputyOf) {
    if (!principal || principal.id === selfId) throw notFound('Das vertretene Mitglied');
    if (principal.deputyOf) {
      throw new DomainError(
        'steering.deputy_of_deputy',
        'Eine Stellvertretung kann nicht selbst vertreten werden.',
        'invalid',
      );
    }
  }
}

/** Only a member's own deputy can represent them in a meeting. */
export function assertRepresentedByOwnDeputy(
  member: Pick<MemberFacts, 'id' | 'name'>,
  deputy: Pick<MemberFacts, 'deputyOf'> | undefined,
): void {
  if (!deputy || deputy.deputyOf !== member.id) {
    throw new DomainError(
      'steering.deputy_invalid',
      `${member.name} kann nur durch die eigene Stellvertretung vertreten werden.`,
      'invalid',
    );
  }
}
