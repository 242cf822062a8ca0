import { describe, expect, it } from 'vitest';
import type { ListFilter } from '../../../contracts/contacts.js';
import {
  consentStateOf,
  dynamicFilter,
  exclusionReason,
  hasCondition,
  isSecondaryOne,
  listMailText,
  normalizeFilter,
  personName,
  type Recipient,
  salutationLine,
} from './lists.rules.js';

const d = (s: string) => new Date(`${s}T10:00:00Z`);

describe('who of a list gets its mail', () => {
  const ok: Recipient = { email: 'a@b.example', erasedAt: null, mergedInto: null, consent: 'none' };
  const cases: Array<[string, Partial<Recipient>, boolean, ReturnType<typeof exclusionReason>]> = [
    ['public task, address: gets it', {}, false, null],
    ['consent list, consent given: gets it', { consent: 'given' }, true, null],
    ['consent list, no consent', {}, true, 'no_consent'],
    [
      'withdrawn consent on a public-task list: objection applies everywhere',
      { consent: 'withdrawn' },
      false,
      'consent_withdrawn',
    ],
    ['withdrawn consent on a consent list', { consent: 'withdrawn' }, true, 'consent_withdrawn'],
    ['no address', { email: null }, false, 'no_email'],
    ['blank address', { email: '  ' }, false, 'no_email'],
    ['no address beats missing consent', { email: null }, true, 'no_email'],
    ['erased', { erasedAt: d('2026-01-01'), email: null }, false, 'erased'],
    ['merged', { mergedInto: '00000000-0000-4000-8000-000000000000' }, false, 'erased'],
    ['erased beats withdrawn', { erasedAt: d('2026-01-01'), consent: 'withdrawn' }, true, 'erased'],
  ];
  it.each(cases)('%s', (_, p, needsConsent, reason) => {
    expect(exclusionReason({ ...ok, ...p }, needsConsent)).toBe(reason);
  });
});

describe('the mailing consent: the latest record decides', () => {
  const cases: Array<[string, Array<{ givenAt: Date; withdrawnAt: Date | null }>, string]> = [
    ['none', [], 'none'],
    ['given', [{ givenAt: d('2026-01-01'), withdrawnAt: null }], 'given'],
    ['withdrawn', [{ givenAt: d('2026-01-01'), withdrawnAt: d('2026-02-01') }], 'withdrawn'],
    [
      'given again after a withdrawal',
      [
        { givenAt: d('2026-01-01'), withdrawnAt: d('2026-02-01') },
        { givenAt: d('2026-03-01'), withdrawnAt: null },
      ],
      'given',
    ],
    [
      'newer withdrawn, older given',
      [
        { givenAt: d('2026-01-01'), withdrawnAt: null },
        { givenAt: d('2026-03-01'), withdrawnAt: d('2026-03-02') },
      ],
      'withdrawn',
    ],
  ];
  it.each(cases)('%s', (_, rows, state) => expect(consentStateOf(rows)).toBe(state));
});

describe('filters', () => {
  const cases: Array<[string, ListFilter, ListFilter]> = [
    ['empty arrays dropped', { institutionTypes: [], functions: [] }, {}],
    ['multiplierOnly false is no condition', { multiplierOnly: false }, {}],
    ['duplicates dropped', { schoolTypes: ['Gymnasium', 'Gymnasium'] }, { schoolTypes: ['Gymnasium'] }],
    [
      'blank words dropped, words trimmed',
      { functions: [' Schulleitung ', '   '] },
      { functions: ['Schulleitung'] },
    ],
    [
      'kept',
      { multiplierOnly: true, multiplierTopics: ['Übergang'] },
      { multiplierOnly: true, multiplierTopics: ['Übergang'] },
    ],
  ];
  it.each(cases)('%s', (_, f, out) => expect(normalizeFilter(f)).toEqual(out));

  it.each([
    [null, {}],
    [{ functions: [' '] }, {}],
    [{ institutionTypes: ['school'] }, { institutionTypes: ['school'] }],
  ] as Array<[ListFilter | null, ListFilter]>)('a dynamic filter %j is stored as %j', (f, out) => {
    expect(dynamicFilter(f)).toEqual(out);
  });

  it.each([
    [{}, false],
    [{ multiplierOnly: false }, false],
    [{ functions: ['  '] }, false],
    [{ multiplierOnly: true }, true],
    [{ fieldIds: ['00000000-0000-4000-8000-000000000000'] }, true],
  ] as Array<[ListFilter, boolean]>)('%j has a condition: %s', (f, yes) => expect(hasCondition(f)).toBe(yes));

  it('"Sek I" is all five secondary school types', () => {
    expect(isSecondaryOne(['Hauptschule', 'Realschule', 'Sekundarschule', 'Gesamtschule', 'Gymnasium'])).toBe(
      true,
    );
    expect(isSecondaryOne(['Hauptschule', 'Realschule', 'Gymnasium'])).toBe(false);
    expect(isSecondaryOne(undefined)).toBe(false);
  });
});

describe('names, salutations and the mail text', () => {
  const p = { salutation: 'Frau', title: 'Dr.', firstName: 'Jana', lastName: 'Müller-Beispiel' };
  it.each([
    [p, 'Sehr geehrte Frau Dr. Müller-Beispiel,'],
    [{ ...p, salutation: 'Herr', title: '' }, 'Sehr geehrter Herr Müller-Beispiel,'],
    [{ ...p, salutation: 'divers' }, 'Guten Tag Dr. Jana Müller-Beispiel,'],
    [{ ...p, salutation: 'none', title: '', firstName: '' }, 'Guten Tag Müller-Beispiel,'],
  ])('%j → %s', (x, line) => expect(salutationLine(x)).toBe(line));

  it('names without empty parts', () => {
    expect(personName({ title: '', firstName: 'Jana', lastName: 'Müller' })).toBe('Jana Müller');
  });

  it('the mail ends with the personal link to stop further mails', () => {
    const text = listMailText('Einladung zur Bildungskonferenz.', 'Guten Tag,', '[[personal-link:x]]');
    expect(text).toMatch(/^Guten Tag,\n\nEinladung zur Bildungskonferenz\.\n/);
    expect(text).toContain('Keine weiteren E-Mails: [[personal-link:x]]');
  });
});
