import { fold } from '../../../contracts/search.js';

export { fold };

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
