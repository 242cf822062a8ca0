/*
 * Searching by name as people type it, shared by the server (contacts, check-in) and the web app (lists
 * filtered in the browser), so "mueller" finds Müller alike everywhere.
 */

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

/** Whether every folded word of the search occurs in the folded text (name, institution). */
export function matchesWords(foldedText: string, foldedQuery: string): boolean {
  const words = foldedQuery.split(' ').filter(Boolean);
  return words.every((w) => foldedText.includes(w));
}
