import ExcelJS from 'exceljs';

/*
 * A list view as the office opens it: Excel (.xlsx, header bold and frozen, filter on) and CSV as Excel
 * reads it in Germany (UTF-8 with BOM, `;` between cells, CRLF between rows, formulas defused).
 */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv; charset=utf-8';

type Cell = string | number | boolean | null | undefined;

export type Sheet = {
  name: string;
  columns: Array<{ header: string; width: number }>;
  rows: Cell[][];
};

/** A CSV cell for Excel: quoted when it holds the separator, quotes or line breaks; formulas defused. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  // A cell starting with = + - @ would run as a formula in Excel (CSV injection).
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The rows (the first is the header) as a CSV file Excel opens cleanly. */
export const toCsv = (rows: Cell[][]): string =>
  `\uFEFF${rows.map((r) => r.map(csvCell).join(';')).join('\r\n')}\r\n`;

export const sheetCsv = (s: Sheet): string => toCsv([s.columns.map((c) => c.header), ...s.rows]);

/** The sheet as an Excel workbook; every cell is text, so school numbers keep their leading zeros. */
export async function sheetXlsx(s: Sheet, title?: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bildungsnetz';
  if (title) wb.title = title;
  const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = s.columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of s.rows) ws.addRow(r.map((v) => (v === null || v === undefined ? '' : String(v))));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: s.columns.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
