import type { RecommendationStatus } from '../../../contracts/events.js';
import { DomainError } from '../../http/errors.js';

/* Pure rules of the documentation and the recommendations. */

const statusWords: Record<RecommendationStatus, string> = {
  draft: 'im Entwurf',
  agreed: 'abgestimmt',
  handed: 'an den Lenkungskreis übergeben',
  withdrawn: 'zurückgezogen',
};

/** A recommendation is edited while in draft or agreed (an edit of an agreed one needs agreeing again). */
export function assertEditable(title: string, status: RecommendationStatus): void {
  if (status === 'handed' || status === 'withdrawn')
    throw new DomainError(
      'events.recommendation_closed',
      `Die Empfehlung „${title}“ ist ${statusWords[status]} und kann nicht mehr geändert werden.`,
      'conflict',
    );
}

/** Agreeing: only a draft. */
export function assertAgreeable(title: string, status: RecommendationStatus): void {
  if (status !== 'draft')
    throw new DomainError(
      'events.recommendation_not_draft',
      `Die Empfehlung „${title}“ ist bereits ${statusWords[status]}.`,
      'conflict',
    );
}

/** Withdrawing: a draft or an agreed one; a handed one lives on in the committee. */
export function assertWithdrawable(title: string, status: RecommendationStatus): void {
  if (status === 'handed' || status === 'withdrawn')
    throw new DomainError(
      'events.recommendation_closed',
      `Die Empfehlung „${title}“ ist ${statusWords[status]} und kann nicht zurückgezogen werden.`,
      'conflict',
    );
}

/** Handing over: only agreed ones, each with a field of action (the committee's decisions need one). */
export function assertHandable(r: {
  title: string;
  status: RecommendationStatus;
  fieldId: string | null;
}): void {
  if (r.status !== 'agreed')
    throw new DomainError(
      'events.recommendation_not_agreed',
      r.status === 'draft'
        ? `Der Empfehlung „${r.title}“ wurde noch nicht zugestimmt.`
        : `Die Empfehlung „${r.title}“ ist ${statusWords[r.status]}.`,
      'conflict',
    );
  if (!r.fieldId)
    throw new DomainError(
      'events.recommendation_field',
      `Bitte ordnen Sie die Empfehlung „${r.title}“ einem Handlungsfeld zu; Beschlüsse des Lenkungskreises brauchen eines.`,
      'invalid',
    );
}

/** The agenda item's title: "Empfehlung der Bildungskonferenz 2027: …", at most 200 characters. */
export function agendaTitle(eventTitle: string, title: string): string {
  const full = `Empfehlung der ${eventTitle}: ${title}`;
  return full.length <= 200 ? full : `${full.slice(0, 199)}…`;
}

/** The agenda item's proposal: the recommendation's text (its title when it has none). */
export const agendaProposal = (r: { title: string; text: string }): string =>
  r.text.trim().length >= 3 ? r.text.trim() : r.title;

type MeetingFacts = { id: string; status: string; startsAt: string };

/** The next meeting still in planning (planned or invited) that starts after now; null if none. */
export function nextPlannedMeeting<T extends MeetingFacts>(meetings: readonly T[], now: Date): T | null {
  const iso = now.toISOString();
  return (
    meetings
      .filter((m) => (m.status === 'planned' || m.status === 'invited') && m.startsAt > iso)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0] ?? null
  );
}

export const noMeetingPlanned = () =>
  new DomainError(
    'events.no_meeting',
    'Es ist keine Sitzung des Lenkungskreises geplant. Bitte planen Sie zuerst die nächste Sitzung.',
    'conflict',
  );

/** What the public sees of the files: files always, photos only with the consent of those shown. */
export const publicFiles = <T extends { kind: 'file' | 'photo'; photoConsent: boolean }>(
  files: readonly T[],
) => files.filter((f) => f.kind === 'file' || f.photoConsent);

/** Publishing: public events only, and only once held (not before the event ended). */
export function assertPublishable(
  e: { public: boolean; endsAt: Date; cancelledAt: Date | null },
  now: Date,
): void {
  if (!e.public)
    throw new DomainError(
      'events.documentation_internal',
      'Die Dokumentation einer internen Veranstaltung wird nicht veröffentlicht.',
      'conflict',
    );
  if (e.cancelledAt)
    throw new DomainError('events.documentation_cancelled', 'Die Veranstaltung ist abgesagt.', 'conflict');
  if (e.endsAt > now)
    throw new DomainError(
      'events.documentation_early',
      'Die Dokumentation wird veröffentlicht, wenn die Veranstaltung stattgefunden hat.',
      'conflict',
    );
}
