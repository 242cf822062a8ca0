import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  consentComplete,
  type FieldFacts,
  fieldJointOn,
  overlappingVersion,
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
