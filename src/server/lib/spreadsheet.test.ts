import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvCell, sheetXlsx, toCsv } from './spreadsheet.js';

describe('CSV for Excel', () => {
  it.each([
    ['plain', 'Brilon', 'Brilon'],
    ['separator', 'a;b', '"a;b"'],
    ['quotes', 'Schule „Am Ring“ "X"', '"Schule „Am Ring“ ""X"""'],
    ['quotes in a sentence', 'Sie sagte "ja"', '"Sie sagte ""ja"""'],
    ['line break', 'a\nb', '"a\nb"'],
    ['formula', '=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['formula without quotes', '=SUMME(A1)', "'=SUMME(A1)"],
    ['at sign', '@x', "'@x"],
    ['null', null, ''],
    ['number', 42, '42'],
  ])('%s', (_, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
  it('starts with a BOM, separates with ; and ends rows with CRLF', () => {
    expect(
      toCsv([
        ['Name', 'Ort'],
        ['Müller', 'Brilon'],
        ['Straße', null],
      ]),
    ).toBe('\uFEFFName;Ort\r\nMüller;Brilon\r\nStraße;\r\n');
  });
});

describe('Excel', () => {
  it('writes the header bold and frozen, and keeps leading zeros as text', async () => {
    const file = await sheetXlsx({
      name: 'Einrichtungen',
      columns: [
        { header: 'Name', width: 30 },
        { header: 'PLZ', width: 8 },
      ],
      rows: [['Beispiel-Grundschule Olsberg', '05958']],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Einrichtungen')!;
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.getCell('B2').value).toBe('05958');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});
