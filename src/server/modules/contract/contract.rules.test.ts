import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorCodeOf } from '../../../../tests/helpers/rules.js';
import {
  checkDraft,
  consentComplete,
  type FieldFacts,
  fieldJointOn,
  overlappingVersion,
  sortHistory,
  type VersionFacts,
} from './contract.rules.js';

const v = (
  id: string,
  number: number,
  effectiveFrom: string,
  status: VersionFacts['status'] = 'in_force',
): VersionFacts => ({
  id,
  number,
  status,
  effectiveFrom,
});
const field = (introducedBy: string, endedBy: string | null = null): FieldFacts => ({
  id: 'f',
  name: 'Ganztag',
  introducedBy,
  endedBy,
  previousOwner: 'school_operator',
  previousOwnerName: null,
});

describe('fieldJointOn (table)', () => {
  const versions = new Map(
    [v('v1', 1, '2012-01-01'), v('v2', 2, '2024-08-01'), v('v3', 3, '2026-02-01', 'draft')].map((x) => [
      x.id,
      x,
    ]),
  );
  it.each([
    ['joint from the effective day of its version', field('v1'), '2012-01-01', true],
    ['not joint the day before', field('v1'), '2011-12-31', false],
    ['joint long after, until ended', field('v1', 'v2'), '2024-07-31', true],
    ['no longer joint from the day a version in force ends it', field('v1', 'v2'), '2024-08-01', false],
    ['a draft amendment ends nothing', field('v1', 'v3'), '2026-05-01', true],
    ['a field introduced by a draft is not joint', field('v3'), '2026-05-01', false],
  ])('%s', (_name, f, day, expected) => {
    expect(fieldJointOn(f, versions, day).joint).toBe(expected);
  });
});

// Random contract histories: versions with increasing effective dates, each in force or not.
const day = fc
  .integer({ min: 0, max: 20_000 })
  .map((n) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const history = fc
  .uniqueArray(day, { minLength: 1, maxLength: 6 })
  .chain((days) =>
    fc.tuple(
      fc.constant([...days].sort()),
      fc.array(fc.constantFrom<VersionFacts['status']>('in_force', 'draft', 'withdrawn'), {
        minLength: days.length,
        maxLength: days.length,
      }),
    ),
  )
  .map(([days, statuses]) => days.map((d, i) => v(`v${i + 1}`, i + 1, d, statuses[i])));

describe('fieldJointOn (properties over random histories)', () => {
  it('is joint exactly between an introducing version in force and a later ending one in force', () => {
    fc.assert(
      fc.property(history, fc.nat(), fc.option(fc.nat()), day, (versions, introIdx, endIdx, asked) => {
        const intro = versions[introIdx % versions.length]!;
        const later = versions.filter((x) => x.number > intro.number);
        const end = endIdx === null || later.length === 0 ? null : later[endIdx % later.length]!;
        const answer = fieldJointOn(
          field(intro.id, end?.id ?? null),
          new Map(versions.map((x) => [x.id, x])),
          asked,
        );
        const started = intro.status === 'in_force' && asked >= intro.effectiveFrom;
        const ended = end !== null && end.status === 'in_force' && asked >= end.effectiveFrom;
        expect(answer.joint).toBe(started && !ended);
        if (answer.joint) expect(answer.since.id).toBe(intro.id);
      }),
    );
  });

  it('never makes a field joint before its version took effect, whatever else happens', () => {
    fc.assert(
      fc.property(history, day, (versions, asked) => {
        const map = new Map(versions.map((x) => [x.id, x]));
        for (const intro of versions) {
          if (asked < intro.effectiveFrom)
            expect(fieldJointOn(field(intro.id), map, asked).joint).toBe(false);
        }
      }),
    );
  });

  it('answers the same for every day between two version dates (nothing changes without a version)', () => {
    fc.assert(
      fc.property(history, day, day, (versions, a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        const between = versions.some((x) => x.effectiveFrom > lo && x.effectiveFrom <= hi);
        if (between) return;
        const map = new Map(versions.map((x) => [x.id, x]));
        const f = field(
          versions[0]!.id,
          versions.at(-1)!.id === versions[0]!.id ? null : versions.at(-1)!.id,
        );
        expect(fieldJointOn(f, map, lo).joint).toBe(fieldJointOn(f, map, hi).joint);
      }),
    );
  });
});

describe('version dates and consent', () => {
  it('refuses a version that does not take effect after every live one', () => {
    const existing = [
      v('v1', 1, '2012-01-01'),
      v('v2', 2, '2024-08-01'),
      v('v3', 3, '2025-01-01', 'withdrawn'),
    ];
    expect(overlappingVersion(existing, '2024-08-01')?.id).toBe('v2');
    expect(overlappingVersion(existing, '2020-01-01')?.id).toBe('v2');
    expect(overlappingVersion(existing, '2024-08-02')).toBeNull();
  });

  it('needs the consent of both parties', () => {
    expect(consentComplete(['land'])).toBe(false);
    expect(consentComplete(['municipality'])).toBe(false);
    expect(consentComplete(['land', 'municipality'])).toBe(true);
  });
});

describe('checkDraft (table)', () => {
  const versions = [
    v('v1', 1, '2020-01-01'),
    v('v2', 2, '2024-08-01', 'draft'),
    v('vx', 3, '2025-01-01', 'withdrawn'),
  ];
  const fields: FieldFacts[] = [
    { ...field('v1'), id: 'ganztag', name: 'Ganztag' },
    { ...field('v1', 'v2'), id: 'kita', name: 'Übergang Kita–Schule' },
    { ...field('v2'), id: 'mint', name: 'MINT' },
  ];
  const draft = (d: Partial<Parameters<typeof checkDraft>[2]>) => ({
    effectiveFrom: '2026-01-01',
    addFieldNames: [],
    endFieldIds: [],
    changesText: false,
    ...d,
  });
  it.each([
    ['the first version is the original', [], [], draft({}), 'original'],
    ['a withdrawn version does not count as the first', [versions[2]!], [], draft({}), 'original'],
    [
      'a later version adding a field is an amendment',
      versions,
      fields,
      draft({ addFieldNames: ['Sprache'] }),
      'amendment',
    ],
    [
      'an amendment changing only the text is fine',
      versions,
      fields,
      draft({ changesText: true }),
      'amendment',
    ],
    ['an amendment changing nothing is refused', versions, fields, draft({}), 'contract.amendment_empty'],
    [
      'not after the last draft',
      versions,
      fields,
      draft({ effectiveFrom: '2024-08-01', changesText: true }),
      'contract.version_overlap',
    ],
    [
      'a withdrawn version does not block its day',
      [versions[0]!, versions[2]!],
      [],
      draft({ effectiveFrom: '2025-01-01', changesText: true }),
      'amendment',
    ],
    [
      'field names are unique, ignoring case',
      versions,
      fields,
      draft({ addFieldNames: ['ganztag'] }),
      'contract.field_exists',
    ],
    [
      'nor twice in one draft',
      versions,
      fields,
      draft({ addFieldNames: ['Sprache', 'SPRACHE'] }),
      'contract.field_exists',
    ],
    ['ending an unknown field', versions, fields, draft({ endFieldIds: ['nope'] }), 'not_found'],
    [
      'ending a field already ended by a draft',
      versions,
      fields,
      draft({ endFieldIds: ['kita'] }),
      'contract.field_already_ended',
    ],
    [
      'ending a field not yet in force',
      versions,
      fields,
      draft({ endFieldIds: ['mint'] }),
      'contract.field_end_before_start',
    ],
    ['ending a field in force', versions, fields, draft({ endFieldIds: ['ganztag'] }), 'amendment'],
  ] as const)('%s', (_name, vs, fs, d, expected) => {
    let kind: string | undefined;
    const code = errorCodeOf(() => {
      kind = checkDraft(vs, fs, d);
    });
    expect(code === 'ok' ? kind : code).toBe(expected);
  });

  it('never ends a field on the day it starts: such a version would overlap the one introducing it', () => {
    const vs = [v('v1', 1, '2020-01-01')];
    expect(
      errorCodeOf(() =>
        checkDraft(vs, [field('v1')], draft({ effectiveFrom: '2020-01-01', endFieldIds: ['f'] })),
      ),
    ).toBe('contract.version_overlap');
  });
});

describe('sortHistory', () => {
  it('orders by day, then by the order things must happen, then by time of recording', () => {
    const e = (day: string, kind: Parameters<typeof sortHistory>[0][number]['kind'], at: string) => ({
      day,
      kind,
      at,
    });
    const sorted = sortHistory([
      e('2024-02-01', 'field_added', '2024-01-20T10:00:00Z'),
      e('2024-02-01', 'in_force', '2024-01-20T10:00:00Z'),
      e('2024-01-15', 'consent', '2024-01-16T09:00:00Z'),
      e('2024-01-15', 'consent', '2024-01-15T09:00:00Z'),
      e('2024-01-15', 'drafted', '2024-01-15T12:00:00Z'),
      e('2024-02-01', 'field_ended', '2024-01-20T10:00:00Z'),
    ]);
    expect(sorted.map((x) => `${x.day} ${x.kind} ${x.at.slice(8, 10)}`)).toEqual([
      '2024-01-15 drafted 15',
      '2024-01-15 consent 15',
      '2024-01-15 consent 16',
      '2024-02-01 in_force 20',
      '2024-02-01 field_added 20',
      '2024-02-01 field_ended 20',
    ]);
  });
});
