import { describe, expect, it } from 'vitest';
import {
  cleanCell,
  entityOfSheet,
  groupByKeys,
  institutionRecord,
  mapColumns,
  personKey,
  recogniseHeader,
} from './import.rules.js';

describe('recogniseHeader', () => {
  it.each([
    ['person', 'Anrede', 'salutation'],
    ['person', 'Titel', 'title'],
    ['person', 'Vorname', 'firstName'],
    ['person', 'Nachname', 'lastName'],
    ['person', 'Name', 'lastName'],
    ['person', 'Funktion', 'function'],
    ['person', 'Einrichtung', 'institution'],
    ['person', 'Schule', 'institution'],
    ['person', 'Schulnummer', 'schoolNumber'],
    ['person', 'E-Mail', 'email'],
    ['person', 'E-Mail-Adresse', 'email'],
    ['person', 'e mail', 'email'],
    ['person', 'EMAIL', 'email'],
    ['person', 'Mail', 'email'],
    ['person', 'Telefon', 'phone'],
    ['person', 'Ort', 'place'],
    ['person', 'Lieblingsfarbe', null],
    ['institution', 'Name', 'name'],
    ['institution', 'Art', 'type'],
    ['institution', 'Typ', 'type'],
    ['institution', 'Schulform', 'schoolType'],
    ['institution', 'Träger', 'operator'],
    ['institution', 'TRAEGER', 'operator'],
    ['institution', 'Straße', 'street'],
    ['institution', 'Strasse', 'street'],
    ['institution', 'PLZ', 'postalCode'],
    ['institution', 'Ort', 'place'],
  ] as const)('%s: „%s“ → %s', (entity, header, field) => {
    expect(recogniseHeader(entity, header)).toBe(field);
  });
});

describe('entityOfSheet', () => {
  it.each([
    ['Personen', ['Name'], 'person'],
    ['Einrichtungen', ['Name'], 'institution'],
    ['CSV', ['Vorname', 'Nachname'], 'person'],
    ['CSV', ['Name', 'Schulform', 'Ort'], 'institution'],
    ['CSV', ['Name', 'E-Mail'], 'person'],
  ] as const)('%s with %j holds %s', (sheet, headers, entity) => {
    expect(entityOfSheet(sheet, [...headers])).toBe(entity);
  });
});

describe('mapColumns', () => {
  it('fills a field once: "Name" after "Nachname" stays out', () => {
    expect(mapColumns('person', ['Nachname', 'Name', null]).map((c) => c.field)).toEqual([
      'lastName',
      null,
      null,
    ]);
  });
});

describe('institutionRecord', () => {
  const mapping = mapColumns('institution', ['Name', 'Art', 'Schulnummer', 'Schulform']);
  it.each([
    [['Kita Sonne', 'Kindertagesstätte', null, null], { type: 'kita' }],
    [['Gymnasium', null, '170001', 'gymnasium'], { type: 'school', schoolType: 'Gymnasium' }],
    [['IHK', 'Kammer', null, null], { type: 'chamber' }],
    [['Jugendamt', 'Jugendhilfe', null, null], { type: 'youth_services' }],
  ])('%j → %j', (cells, expected) => {
    const outcome = institutionRecord(2, cells, mapping);
    expect(outcome.ok && outcome.record).toMatchObject(expected);
  });
  it('rejects an unknown type and school type, naming the field', () => {
    const outcome = institutionRecord(2, ['X', 'Raumstation', '170001', 'Hogwarts'], mapping);
    expect(outcome.ok ? [] : outcome.rejected.map((r) => r.field)).toEqual(['schoolType', 'type']);
  });
});

describe('keys and groups', () => {
  it.each([
    ['Jana', 'Müller', 'jana mueller'],
    ['JANA', 'MUELLER', 'jana mueller'],
    [' Jana\u00a0', 'Müller ', 'jana mueller'],
    ['Karl', 'Straße', 'karl strasse'],
    ['Łucja', 'Kowalska', 'lucja kowalska'],
    ['Emre', 'Yılmaz', 'emre yilmaz'],
  ])('%s %s → %s', (first, last, key) => expect(personKey(first, last)).toBe(key));

  it('joins groups that share any key', () => {
    const items = [
      { id: 1, keys: ['a', 'x'] },
      { id: 2, keys: ['b'] },
      { id: 3, keys: ['a', 'y'] },
      { id: 4, keys: ['y', ''] },
      { id: 5, keys: ['', ''] },
      { id: 6, keys: ['', ''] },
    ];
    expect(groupByKeys(items, (i) => i.keys).map((g) => g.map((i) => i.id))).toEqual([[1, 3, 4]]);
  });

  it('trims no-break spaces and empties', () => {
    expect(cleanCell('\u00a0 Brilon\u00a0\u202f')).toBe('Brilon');
    expect(cleanCell(' \u00a0 ')).toBeNull();
  });
});
