import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consensusOutcome,
  type Participant,
  type Presence,
  type Side,
  type Stance,
  writtenProcedureOutcome,
} from './consensus.rules.js';

const p = (memberId: string, side: Side, stance?: Stance, over: Partial<Participant> = {}): Participant => ({
  memberId,
  side,
  voting: true,
  presence: 'present',
  stance,
  ...over,
});

describe('consensus (table)', () => {
  it.each<[string, Participant[], boolean, string?]>([
    ['both sides consent', [p('l', 'land', 'consent'), p('k', 'municipality', 'consent')], true],
    [
      'one objection blocks',
      [p('l', 'land', 'objection'), p('k', 'municipality', 'consent')],
      false,
      'objection',
    ],
    [
      'an objection from a third party blocks too',
      [p('l', 'land', 'consent'), p('k', 'municipality', 'consent'), p('a', 'other', 'objection')],
      false,
      'objection',
    ],
    [
      'standing aside does not block',
      [p('l', 'land', 'consent'), p('k', 'municipality', 'consent'), p('a', 'other', 'stand_aside')],
      true,
    ],
    [
      'the Land side only stands aside: no parity',
      [p('l', 'land', 'stand_aside'), p('k', 'municipality', 'consent')],
      false,
      'no_consent_from_land',
    ],
    [
      'no municipal member present',
      [p('l', 'land', 'consent'), p('k', 'municipality', undefined, { presence: 'excused' })],
      false,
      'no_consent_from_municipality',
    ],
    [
      'a deputy represents the absent member',
      [p('l', 'land', 'consent', { presence: 'represented' }), p('k', 'municipality', 'consent')],
      true,
    ],
    [
      'a member without vote cannot block',
      [
        p('l', 'land', 'consent'),
        p('k', 'municipality', 'consent'),
        p('g', 'other', 'objection', { voting: false }),
      ],
      true,
    ],
    [
      'office staff never count',
      [p('l', 'land', 'consent'), p('o', 'office', 'consent', { voting: false })],
      false,
      'no_consent_from_municipality',
    ],
    [
      "an absent member's objection does not count",
      [
        p('l', 'land', 'consent'),
        p('k', 'municipality', 'consent'),
        p('x', 'land', 'objection', { presence: 'absent' }),
      ],
      true,
    ],
    [
      'silence of someone present is no consent',
      [p('l', 'land', 'consent'), p('k', 'municipality', 'consent'), p('s', 'other')],
      false,
      'positions_missing',
    ],
  ])('%s', (_name, participants, taken, reason) => {
    const o = consensusOutcome(participants);
    expect(o.taken).toBe(taken);
    if (!o.taken) expect(o.reason).toBe(reason);
  });
});

const participant = fc.record({
  memberId: fc.uuid(),
  side: fc.constantFrom<Side>('land', 'municipality', 'other', 'office'),
  voting: fc.boolean(),
  presence: fc.constantFrom<Presence>('present', 'represented', 'excused', 'absent'),
  stance: fc.option(fc.constantFrom<Stance>('consent', 'stand_aside', 'objection'), { nil: undefined }),
});

describe('consensus (properties over all combinations)', () => {
  it('is taken exactly when no entitled objection, nobody entitled silent, and both sides consent', () => {
    fc.assert(
      fc.property(fc.array(participant, { maxLength: 14 }), (ps) => {
        const voters = ps.filter(
          (x) => x.voting && (x.presence === 'present' || x.presence === 'represented'),
        );
        const expected =
          !voters.some((x) => x.stance === 'objection') &&
          voters.every((x) => x.stance !== undefined) &&
          voters.some((x) => x.side === 'land' && x.stance === 'consent') &&
          voters.some((x) => x.side === 'municipality' && x.stance === 'consent');
        expect(consensusOutcome(ps).taken).toBe(expected);
      }),
    );
  });

  it('cannot be changed by anyone without a vote or not present', () => {
    fc.assert(
      fc.property(
        fc.array(participant, { maxLength: 10 }),
        fc.array(participant, { maxLength: 5 }),
        (ps, extra) => {
          const outsiders = extra.map((x) => ({ ...x, voting: false }));
          const absentees = extra.map((x) => ({ ...x, presence: 'absent' as const }));
          const base = consensusOutcome(ps).taken;
          expect(consensusOutcome([...ps, ...outsiders]).taken).toBe(base);
          expect(consensusOutcome([...ps, ...absentees]).taken).toBe(base);
        },
      ),
    );
  });

  it('turns into "not taken" whenever one entitled member switches to objection', () => {
    fc.assert(
      fc.property(fc.array(participant, { minLength: 1, maxLength: 10 }), fc.nat(), (ps, i) => {
        const voters = ps
          .map((x, idx) => ({ x, idx }))
          .filter(({ x }) => x.voting && x.presence !== 'absent' && x.presence !== 'excused');
        if (voters.length === 0) return;
        const { idx } = voters[i % voters.length]!;
        const changed = ps.map((x, j) => (j === idx ? { ...x, stance: 'objection' as const } : x));
        expect(consensusOutcome(changed)).toMatchObject({ taken: false, reason: 'objection' });
      }),
    );
  });
});

describe('written procedure', () => {
  const members = [
    { memberId: 'l', side: 'land' as const },
    { memberId: 'k', side: 'municipality' as const },
    { memberId: 'a', side: 'other' as const },
  ];
  it('treats silence as no consent', () => {
    const o = writtenProcedureOutcome(
      members,
      new Map([
        ['l', 'consent'],
        ['k', 'consent'],
      ]),
    );
    expect(o).toMatchObject({ taken: false, reason: 'positions_missing', memberIds: ['a'] });
  });
  it('is taken when everyone consents or stands aside', () => {
    expect(
      writtenProcedureOutcome(
        members,
        new Map([
          ['l', 'consent'],
          ['k', 'consent'],
          ['a', 'stand_aside'],
        ]),
      ).taken,
    ).toBe(true);
  });
});
