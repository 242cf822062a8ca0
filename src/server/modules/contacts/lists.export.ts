import type { ListExclusionReason } from '../../../contracts/contacts.js';
import type { ListPreview } from '../../../contracts/contacts-lists.js';
import { type Sheet, sheetCsv, sheetXlsx } from '../../lib/spreadsheet.js';

/* A list's people as a spreadsheet: Excel (.xlsx) and CSV (UTF-8 with BOM, `;`, as Excel opens it). */

export const reasonLabel: Record<ListExclusionReason, string> = {
  no_email: 'keine E-Mail-Adresse',
  no_consent: 'keine Einwilligung',
  consent_withdrawn: 'hat widersprochen (keine weiteren E-Mails)',
  erased: 'gelöscht oder zusammengeführt',
};

const header = ['Name', 'E-Mail', 'Funktionen', 'Einrichtungen', 'Orte', 'Erhält E-Mails', 'Grund'];

function rowsOf(p: ListPreview): string[][] {
  const join = (xs: string[]) => [...new Set(xs.filter(Boolean))].join(', ');
  const row = (x: ListPreview['included'][number], reason: ListExclusionReason | null) => [
    x.name,
    x.email ?? '',
    join(x.affiliations.map((a) => a.function)),
    join(x.affiliations.map((a) => a.institution)),
    join(x.affiliations.map((a) => a.place)),
    reason ? 'nein' : 'ja',
    reason ? reasonLabel[reason] : '',
  ];
  return [...p.included.map((x) => row(x, null)), ...p.excluded.map((x) => row(x, x.reason))];
}

const sheetOf = (p: ListPreview): Sheet => ({
  name: 'Verteiler',
  columns: header.map((h, i) => ({ header: h, width: [30, 32, 30, 40, 18, 14, 36][i]! })),
  rows: rowsOf(p),
});

export const listCsv = (p: ListPreview) => sheetCsv(sheetOf(p));

export const listWorkbook = (listName: string, p: ListPreview) =>
  sheetXlsx(sheetOf(p), `Verteiler ${listName}`);

/** A file name of the list's name: letters, digits, dashes. */
export const listFileName = (name: string, ext: string) =>
  `Verteiler-${name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'Liste'}.${ext}`;
