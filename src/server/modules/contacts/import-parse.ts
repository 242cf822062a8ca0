import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DomainError } from '../../http/errors.js';
import { cleanCell } from './import.rules.js';

/*
 * Reading the office's spreadsheets: CSV (UTF-8 with or without BOM, else Windows-1252; `;` or `,`;
 * quoted fields with line breaks) and Excel workbooks (.xlsx, read as a stream). The result is the raw
 * cells as text, row by row, numbered as the spreadsheet numbers them (1 = the header row).
 */

export type RawRow = { row: number; cells: Array<string | null> };
export type RawSheet = { name: string; rows: RawRow[] };
export type ParsedFile = {
  format: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'windows-1252' | null;
  delimiter: ';' | ',' | null;
  sheets: RawSheet[];
  /** Sheets of a workbook that are not imported (only "Einrichtungen" and "Personen" are). */
  ignoredSheets: string[];
};

/** The sheets of a workbook that are imported, by their folded name. */
export const importedSheetNames = ['einrichtungen', 'personen'] as const;

const notASpreadsheet = () =>
  new DomainError(
    'import.not_a_spreadsheet',
    'Die Datei ist keine Tabelle. Bitte laden Sie eine Excel-Datei (.xlsx) oder eine CSV-Datei hoch.',
    'invalid',
  );

const isZip = (b: Buffer) =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Reads an uploaded file as CSV or workbook; anything else is refused with a German sentence. */
export async function parseSpreadsheet(content: Buffer, fileName: string): Promise<ParsedFile> {
  if (content.length === 0) {
    throw new DomainError('import.empty', 'Die Datei ist leer.', 'invalid');
  }
  if (isZip(content)) return parseXlsx(content);
  if (/\.xlsx?$/i.test(fileName) || looksBinary(content)) throw notASpreadsheet();
  return parseCsvFile(content);
}

/** Binary files (PDF, images, old .xls, Word) have NUL bytes or control characters early on. */
function looksBinary(content: Buffer): boolean {
  const head = content.subarray(0, 4096);
  if (head.subarray(0, 4).toString('latin1') === '%PDF') return true;
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  return control > head.length / 100;
}

/** UTF-8 when the bytes are valid UTF-8 (a BOM removed), else Windows-1252 (what Excel writes in Germany). */
export function decodeText(content: Buffer): { text: string; encoding: 'utf-8' | 'windows-1252' } {
  if (content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(content.subarray(3)), encoding: 'utf-8' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(content), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(content), encoding: 'windows-1252' };
  }
}

/*
 * Windows-1252 differs from Latin-1 in 0x80–0x9F: there it has „ “ ” – — € … Some Node versions' TextDecoder
 * ('windows-1252') decodes those bytes as Latin-1 control characters, so the table is applied here.
 */
const CP1252_HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

export function decodeWindows1252(content: Buffer): string {
  let out = '';
  for (let i = 0; i < content.length; i += 8192) {
    const chunk = content.subarray(i, i + 8192);
    out += String.fromCharCode(
      ...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)),
    );
  }
  return out;
}

/** `;` or `,`: whichever the header line (outside quotes) holds more of; `;` when tied. */
export function detectDelimiter(text: string): ';' | ',' {
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '' && /[^;,\s]/.test(l)) ?? '';
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return commas > semicolons ? ',' : ';';
}

function parseCsvFile(content: Buffer): ParsedFile {
  const { text, encoding } = decodeText(content);
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (err) {
    throw new DomainError(
      'import.csv_invalid',
      `Die CSV-Datei lässt sich nicht lesen: ${(err as Error).message}`,
      'invalid',
    );
  }
  // A trailing line break gives no record; each record is one spreadsheet row.
  const rows = records.map((cells, i) => ({ row: i + 1, cells: cells.map(cleanCell) }));
  return { format: 'csv', encoding, delimiter, sheets: [{ name: 'CSV', rows }], ignoredSheets: [] };
}

type CellValue = ExcelJS.CellValue;

/** A workbook cell as text: numbers as written (123456 → "123456"), rich text plain, formulas their result. */
export function cellText(value: CellValue | undefined): string | null {
  if (value == null) return null;
  if (typeof value === 'string') return cleanCell(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return cleanCell(value.richText.map((r) => r.text).join(''));
    if ('hyperlink' in value) return cleanCell(String(value.text ?? value.hyperlink));
    if ('result' in value) return cellText(value.result as CellValue);
    if ('error' in value) return null;
    if ('text' in value) return cleanCell(String((value as { text: unknown }).text));
  }
  return cleanCell(String(value));
}

/** "B12" → column 2. */
const columnOf = (ref: string) =>
  [...(ref.match(/^[A-Z]+/)?.[0] ?? '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

type ReaderEvent = { eventType: string; value: unknown };
type SheetReader = {
  id: string | number;
  name: string;
  parse(): AsyncIterable<ReaderEvent[]>;
};
type LinkReader = {
  id: string | number;
  on(event: 'hyperlink', fn: (r: { rId: string; target: string }) => void): void;
  read(): Promise<void>;
};

/**
 * Reads the workbook as a stream (so a 20 MB file is never held as a whole model). Hyperlink cells
 * (mailto:) give their address: the link targets of each sheet are in its relations file.
 */
async function parseXlsx(content: Buffer): Promise<ParsedFile> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), {
    sharedStrings: 'cache',
    hyperlinks: 'emit',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const linkTargets = new Map<string, Map<string, string>>();
  const sheets: RawSheet[] = [];
  const ignoredSheets: string[] = [];
  try {
    const events = (reader as unknown as { parse(): AsyncIterable<ReaderEvent> }).parse();
    for await (const { eventType, value } of events) {
      if (eventType === 'hyperlinks') {
        const links = value as LinkReader;
        const targets = new Map<string, string>();
        links.on('hyperlink', (r) => targets.set(r.rId, r.target));
        await links.read();
        linkTargets.set(String(links.id), targets);
      } else if (eventType === 'worksheet') {
        const ws = value as SheetReader;
        const fileNo = String(ws.id);
        const rows: RawRow[] = [];
        const cellLinks: Array<{ ref: string; rId: string }> = [];
        for await (const batch of ws.parse()) {
          for (const ev of batch) {
            if (ev.eventType === 'row') {
              const r = ev.value as ExcelJS.Row;
              const values = (r.values as CellValue[]).slice(1);
              rows.push({ row: r.number, cells: values.map((v) => cellText(v)) });
            } else if (ev.eventType === 'hyperlink') {
              cellLinks.push(ev.value as { ref: string; rId: string });
            }
          }
        }
        const name = ws.name;
        if (!importedSheetNames.includes(name.trim().toLowerCase() as (typeof importedSheetNames)[number])) {
          ignoredSheets.push(name);
          continue;
        }
        applyMailtoLinks(rows, cellLinks, linkTargets.get(fileNo) ?? new Map());
        sheets.push({ name, rows: fillGaps(rows) });
      }
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw notASpreadsheet();
  }
  if (sheets.length === 0) {
    throw new DomainError(
      'import.no_sheet',
      `Die Arbeitsmappe hat kein Blatt „Einrichtungen“ oder „Personen“${ignoredSheets.length ? ` (gefunden: ${ignoredSheets.join(', ')})` : ''}.`,
      'invalid',
    );
  }
  return { format: 'xlsx', encoding: null, delimiter: null, sheets, ignoredSheets };
}

/** A cell linked to `mailto:someone@example.org` holds that address, whatever text it shows. */
function applyMailtoLinks(
  rows: RawRow[],
  links: Array<{ ref: string; rId: string }>,
  targets: Map<string, string>,
) {
  for (const link of links) {
    const target = targets.get(link.rId);
    if (!target?.toLowerCase().startsWith('mailto:')) continue;
    const rowNo = Number(link.ref.replace(/^[A-Z]+/, ''));
    const row = rows.find((r) => r.row === rowNo);
    if (!row) continue;
    const address = decodeURIComponent(target.slice(7).split('?')[0] ?? '');
    row.cells[columnOf(link.ref) - 1] = cleanCell(address);
  }
}

/** Empty rows are not in the file at all: they come back as empty rows, so that they are reported. */
function fillGaps(rows: RawRow[]): RawRow[] {
  const out: RawRow[] = [];
  let next = 1;
  for (const r of rows) {
    while (next < r.row) out.push({ row: next++, cells: [] });
    out.push(r);
    next = r.row + 1;
  }
  return out;
}
