import { describe, expect, it } from 'vitest';
import { fold, prefixQuery, searchWords } from './fold.rules.js';

describe('fold', () => {
  it.each([
    ['Müller', 'mueller'],
    ['Mueller', 'mueller'],
    ['MÜLLER', 'mueller'],
    ['Straße', 'strasse'],
    ['STRAẞE', 'strasse'],
    ['  Jana\u00a0 Müller-Beispiel\u00a0', 'jana mueller-beispiel'],
    ['Łucja', 'lucja'],
    ['Yılmaz', 'yilmaz'],
    ['José', 'jose'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('makes the three spellings of one name equal', () => {
    expect(new Set(['Müller', 'Mueller', 'MÜLLER'].map(fold)).size).toBe(1);
  });
});

describe('searchWords and prefixQuery', () => {
  it('keeps words, e-mail addresses and digits, drops punctuation', () => {
    expect(searchWords('Dr. Jana Müller', 'j.mueller@schule.de', '(Brilon)', '123456')).toBe(
      'dr. jana mueller j.mueller@schule.de brilon 123456',
    );
  });
  it('asks for every word as a prefix, folded', () => {
    expect(prefixQuery('Müll Bril')).toBe('muell:* & bril:*');
    expect(prefixQuery('  "&|!  ')).toBeNull();
    expect(prefixQuery("O'Neil")).toBe('o:* & neil:*');
  });
});
