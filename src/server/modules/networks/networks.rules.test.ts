import { describe, expect, it } from 'vitest';
import { slugFor } from './networks.rules.js';

describe('slugFor', () => {
  it.each([
    ['Regionales Bildungsnetzwerk Hochsauerlandkreis', 'hochsauerlandkreis'],
    ['Bildungsregion Märkischer Kreis', 'maerkischer-kreis'],
    ['Regionales Bildungsnetzwerk Stadt Köln', 'stadt-koeln'],
    ['Große Straße 1', 'grosse-strasse-1'],
    ['!!!', 'netzwerk'],
  ])('%s → %s', (name, slug) => {
    expect(slugFor(name)).toBe(slug);
  });
});
