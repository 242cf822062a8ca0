/**
 * Which file types the office may store. The type is taken from the content (magic bytes), never from
 * the name, so a renamed executable is refused.
 */
export const ALLOWED_TYPES: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
  'application/vnd.oasis.opendocument.text': 'OpenDocument-Text',
  'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument-Tabelle',
  'application/vnd.oasis.opendocument.presentation': 'OpenDocument-Präsentation',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'text/plain': 'Text',
  'text/csv': 'CSV',
  'text/calendar': 'Kalender',
};

/**
 * Text files have no magic bytes: accept a head that decodes as UTF-8 without control characters and
 * name it by its extension (CSV, iCalendar) or as plain text.
 */
export function sniffText(head: Buffer, fileName: string): string | null {
  // The head may end inside a multi-byte character: ignore the last three bytes' worth.
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head).slice(0, -3);
  if (text.includes('\uFFFD')) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters mark binary content
  if (/[\u0000-\u0008\u000E-\u001F]/.test(text)) return null;
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'text/csv';
  if (lower.endsWith('.ics')) return 'text/calendar';
  return 'text/plain';
}

/** A file name as a person gave it, without path parts or characters that break downloads. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strip control characters from names
  const cleaned = base.replace(/[\u0000-\u001F"<>|:*?]/g, '').trim();
  return cleaned.slice(0, 200) || 'Datei';
}
