import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../../../tests/helpers/rules.js';
import {
  agendaProposal,
  agendaTitle,
  assertAgreeable,
  assertEditable,
  assertHandable,
  assertPublishable,
  assertWithdrawable,
  nextPlannedMeeting,
  publicFiles,
} from './documentation.rules.js';

const statuses = ['draft', 'agreed', 'handed', 'withdrawn'] as const;

describe('recommendation steps', () => {
  it.each([
    ['draft', 'ok', 'ok', 'ok'],
    ['agreed', 'ok', 'events.recommendation_not_draft', 'ok'],
    [
      'handed',
      'events.recommendation_closed',
      'events.recommendation_not_draft',
      'events.recommendation_closed',
    ],
    [
      'withdrawn',
      'events.recommendation_closed',
      'events.recommendation_not_draft',
      'events.recommendation_closed',
    ],
  ] as const)('%s: edit %s, agree %s, withdraw %s', (status, edit, agree, withdraw) => {
    expect(errorCodeOf(() => assertEditable('E', status))).toBe(edit);
    expect(errorCodeOf(() => assertAgreeable('E', status))).toBe(agree);
    expect(errorCodeOf(() => assertWithdrawable('E', status))).toBe(withdraw);
  });

  it.each(
    statuses.flatMap((status) =>
      [null, 'f1'].map((fieldId): [(typeof statuses)[number], string | null, string] => [
        status,
        fieldId,
        status !== 'agreed'
          ? 'events.recommendation_not_agreed'
          : fieldId
            ? 'ok'
            : 'events.recommendation_field',
      ]),
    ),
  )('hand %s with field %s → %s', (status, fieldId, code) => {
    expect(errorCodeOf(() => assertHandable({ title: 'E', status, fieldId }))).toBe(code);
  });
});

describe('agenda item of a recommendation', () => {
  it('is titled after the event and keeps to 200 characters', () => {
    expect(agendaTitle('Bildungskonferenz 2027', 'Praxisphasen ausbauen')).toBe(
      'Empfehlung der Bildungskonferenz 2027: Praxisphasen ausbauen',
    );
    const long = agendaTitle('Bildungskonferenz 2027', 'x'.repeat(300));
    expect(long).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
  });
  it.each([
    [{ title: 'Titel', text: 'Der Text.' }, 'Der Text.'],
    [{ title: 'Titel', text: '  ' }, 'Titel'],
  ])('proposal of %o is %s', (r, expected) => expect(agendaProposal(r)).toBe(expected));
});

describe('next planned meeting', () => {
  const now = new Date('2027-03-01T09:00:00Z');
  it.each([
    ['none', [], null],
    ['only past ones', [{ id: 'a', status: 'planned', startsAt: '2027-02-01T10:00:00.000Z' }], null],
    ['a held one is skipped', [{ id: 'a', status: 'held', startsAt: '2027-04-01T10:00:00.000Z' }], null],
    [
      'the earliest of the future planned or invited',
      [
        { id: 'late', status: 'planned', startsAt: '2027-09-01T10:00:00.000Z' },
        { id: 'soon', status: 'invited', startsAt: '2027-03-12T13:00:00.000Z' },
        { id: 'cancelled', status: 'cancelled', startsAt: '2027-03-05T13:00:00.000Z' },
      ],
      'soon',
    ],
  ] as Array<[string, Array<{ id: string; status: string; startsAt: string }>, string | null]>)(
    '%s',
    (_n, meetings, expected) => {
      expect(nextPlannedMeeting(meetings, now)?.id ?? null).toBe(expected);
    },
  );
});

describe('public page', () => {
  it('shows files, and photos only with consent', () => {
    const files = [
      { id: 'f', kind: 'file' as const, photoConsent: false },
      { id: 'p1', kind: 'photo' as const, photoConsent: true },
      { id: 'p2', kind: 'photo' as const, photoConsent: false },
    ];
    expect(publicFiles(files).map((f) => f.id)).toEqual(['f', 'p1']);
  });
  const now = new Date('2027-03-01T09:00:00Z');
  const past = new Date('2026-06-18T14:00:00Z');
  it.each([
    ['public and held', { public: true, endsAt: past, cancelledAt: null }, 'ok'],
    ['internal', { public: false, endsAt: past, cancelledAt: null }, 'events.documentation_internal'],
    ['cancelled', { public: true, endsAt: past, cancelledAt: past }, 'events.documentation_cancelled'],
    [
      'not yet held',
      { public: true, endsAt: new Date('2027-06-01T00:00:00Z'), cancelledAt: null },
      'events.documentation_early',
    ],
  ])('%s → %s', (_n, e, code) => expect(errorCodeOf(() => assertPublishable(e, now))).toBe(code));
});
