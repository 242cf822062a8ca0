/**
 * Folds a name or word for comparing and searching: lower case, umlauts transliterated (ä→ae, ö→oe,
 * ü→ue, ß→ss), other accents dropped (é→e, Ł→l, ı→i), every run of white space (no-break spaces
 * included) one space, trimmed. So Müller = Mueller = MÜLLER and Straße = Strasse.
 */
export function fold(value: string | null | undefined): string {
  if (!value) return '';
  return value
    .toLowerCase()
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replaceAll('ß', 'ss')
    .replaceAll('ẞ', 'ss')
    .replaceAll('ł', 'l')
    .replaceAll('ı', 'i')
    .replaceAll('ø', 'o')
    .replaceAll('æ', 'ae')
    .replaceAll('œ', 'oe')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\s\u00a0\u2007\u202f]+/gu, ' ')
    .trim();
}

/** The words of a folded text for the search vector: letters and digits only, one space between. */
export const searchWords = (...parts: Array<string | null | undefined>): string =>
  fold(parts.filter(Boolean).join(' '))
    .replace(/[^\p{L}\p{N}@.-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * A tsquery for as-you-type search: each word folded, a prefix, all words required. Returns null when
 * nothing searchable is left (the caller lists without a filter).
 */
export function prefixQuery(input: string): string | null {
  const words = fold(input)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  if (words.length === 0) return null;
  return words.map((w) => `${w}:*`).join(' & ');
}
