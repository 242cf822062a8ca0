import ExcelJS from 'exceljs';
import type { ListExclusionReason } from '../../../contracts/contacts.js';
import type { ListPreview } from '../../../contracts/contacts-lists.js';
import { toCsv } from './lists.rules.js';

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

export const listCsv = (p: ListPreview) => toCsv([header, ...rowsOf(p)]);

export async function listWorkbook(listName: string, p: ListPreview): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bildungsnetz';
  wb.title = `Verteiler ${listName}`;
  const ws = wb.addWorksheet('Verteiler', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = header.map((h, i) => ({ header: h, key: `c${i}`, width: [30, 32, 30, 40, 18, 14, 36][i] }));
  ws.getRow(1).font = { bold: true };
  for (const r of rowsOf(p)) ws.addRow(r);
  ws.autoFilter = { from: 'A1', to: 'G1' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A file name of the list's name: letters, digits, dashes. */
export const listFileName = (name: string, ext: string) =>
  `Verteiler-${name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'Liste'}.${ext}`;
