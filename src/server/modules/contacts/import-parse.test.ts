import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { tinyPdf, tinyPng } from '../../../../tests/helpers/multipart.js';
import { readSheet } from './import.rules.js';
import { decodeText, detectDelimiter, parseSpreadsheet } from './import-parse.js';

/* The spreadsheets offices really have, made in the test, read to exact records. */

const WIN1252: Record<string, number> = { '€': 0x80, '„': 0x84, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };
/** Encodes text as Windows-1252 (what Excel in Germany writes as "CSV (Trennzeichen-getrennt)"). */
function windows1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      if (WIN1252[ch] !== undefined) return WIN1252[ch]!;
      const code = ch.charCodeAt(0);
      if (code > 0xff) throw new Error(`not in Windows-1252: ${ch}`);
      return code;
    }),
  );
}

const person = (r: Partial<Record<string, string | null>>) => ({
  salutation: null,
  title: null,
  firstName: null,
  lastName: null,
  function: null,
  institution: null,
  schoolNumber: null,
  email: null,
  phone: null,
  place: null,
  ...r,
});

async function sheetOf(content: Buffer, name = 'personen.csv') {
  const parsed = await parseSpreadsheet(content, name);
  return { parsed, sheets: parsed.sheets.map((s) => readSheet(s)) };
}

describe('CSV', () => {
  it('reads Windows-1252 with „typographic quotes“, – dashes and € right (a Latin-1 decoder would not)', async () => {
    const text =
      'Anrede;Vorname;Nachname;Funktion;Einrichtung;E-Mail\r\n' +
      'Frau;Jana;Müller-Beispiel;Koordination „Übergang Schule–Beruf“;Beispiel-Gymnasium Brilon;jana.mueller@example.org\r\n' +
      'Herr;Peter;Groß;Kasse (5 €);Beispiel-Realschule Olsberg;\r\n';
    const { parsed, sheets } = await sheetOf(windows1252(text));
    expect(parsed.encoding).toBe('windows-1252');
    expect(parsed.delimiter).toBe(';');
    expect(sheets[0]!.entity).toBe('person');
    expect(sheets[0]!.rows).toEqual([
      {
        row: 2,
        record: person({
          salutation: 'Frau',
          firstName: 'Jana',
          lastName: 'Müller-Beispiel',
          function: 'Koordination „Übergang Schule–Beruf“',
          institution: 'Beispiel-Gymnasium Brilon',
          email: 'jana.mueller@example.org',
        }),
      },
      {
        row: 3,
        record: person({
          salutation: 'Herr',
          firstName: 'Peter',
          lastName: 'Groß',
          function: 'Kasse (5 €)',
          institution: 'Beispiel-Realschule Olsberg',
        }),
      },
    ]);
    // What a Latin-1 decoder makes of the same bytes: control characters instead of quotes and dashes.
    expect(windows1252('„–“').toString('latin1')).not.toBe('„–“');
  });

  it('drops a UTF-8 BOM, detects the comma and keeps Łucja and Yılmaz as written', async () => {
    const text =
      '\ufeffVorname,Nachname,E-Mail-Adresse,Ort\n' +
      'Łucja,Kowalska,lucja@example.org,Brilon\n' +
      'Emre,Yılmaz,emre@example.org,Marsberg\n';
    const { parsed, sheets } = await sheetOf(Buffer.from(text, 'utf-8'));
    expect(parsed.encoding).toBe('utf-8');
    expect(parsed.delimiter).toBe(',');
    expect(sheets[0]!.mapping.map((c) => c.field)).toEqual(['firstName', 'lastName', 'email', 'place']);
    expect(sheets[0]!.rows.map((r) => r.record)).toEqual([
      person({ firstName: 'Łucja', lastName: 'Kowalska', email: 'lucja@example.org', place: 'Brilon' }),
      person({ firstName: 'Emre', lastName: 'Yılmaz', email: 'emre@example.org', place: 'Marsberg' }),
    ]);
  });

  it('ignores empty rows and rows of separators, numbering rows as the spreadsheet does', async () => {
    const text = 'Nachname;Vorname\n\nMeier;Anna\n;;\n ; \nSchulz;Ben\n';
    const { sheets } = await sheetOf(Buffer.from(text));
    expect(sheets[0]!.ignored).toEqual([2, 4, 5]);
    expect(sheets[0]!.rows).toEqual([
      { row: 3, record: person({ lastName: 'Meier', firstName: 'Anna' }) },
      { row: 6, record: person({ lastName: 'Schulz', firstName: 'Ben' }) },
    ]);
  });

  it('keeps quoted fields with line breaks and delimiters in one cell', async () => {
    const text = 'Nachname;Funktion\r\n"Meier";"Schulleitung;\r\nKoordination ""KAoA"""\r\nSchulz;StuBO\r\n';
    const { sheets } = await sheetOf(Buffer.from(text));
    expect(sheets[0]!.rows).toEqual([
      { row: 2, record: person({ lastName: 'Meier', function: 'Schulleitung;\r\nKoordination "KAoA"' }) },
      { row: 3, record: person({ lastName: 'Schulz', function: 'StuBO' }) },
    ]);
  });

  it('finds a person three times spelled differently as one duplicate group (Müller = Mueller = MÜLLER)', async () => {
    const text =
      'Vorname;Nachname;E-Mail\nJana;Müller;\nJana ;Mueller;\n JANA;MÜLLER;jm@example.org\nAnna;Schmidt;jm@example.org\nKarl;Straße;\nKarl;Strasse;\nOtto;Anders;\n';
    const { sheets } = await sheetOf(Buffer.from(text));
    expect(sheets[0]!.duplicates).toEqual([
      [2, 3, 4, 5],
      [6, 7],
    ]);
  });

  it('rejects rows without last name, with an e-mail that is no address, or a school number not of 6 digits', async () => {
    const text =
      'Vorname;Nachname;E-Mail;Schulnummer\nAnna;;anna@example.org;\nBen;Kurz;ben(at)example.org;\nCarla;Lang;carla@example.org;12345\nDora;Gut;mailto:dora@example.org;123456\n';
    const { sheets } = await sheetOf(Buffer.from(text));
    expect(sheets[0]!.rejected).toEqual([
      { row: 2, field: 'lastName', reason: 'Der Nachname fehlt.', value: null },
      { row: 3, field: 'email', reason: 'Die E-Mail-Adresse ist ungültig.', value: 'ben(at)example.org' },
      { row: 4, field: 'schoolNumber', reason: 'Die Schulnummer hat in NRW sechs Ziffern.', value: '12345' },
    ]);
    expect(sheets[0]!.rows).toEqual([
      {
        row: 5,
        record: person({
          firstName: 'Dora',
          lastName: 'Gut',
          email: 'dora@example.org',
          schoolNumber: '123456',
        }),
      },
    ]);
  });

  it('refuses a file without the last-name column as a whole, naming it', async () => {
    await expect(sheetOf(Buffer.from('Vorname;E-Mail\nAnna;a@example.org\n'))).rejects.toThrow(
      'In „CSV“ fehlt die Spalte „Nachname“. Die Datei wurde nicht übernommen.',
    );
  });

  it('reads a file of almost 20 MB', async () => {
    const line = 'Frau;Anna;Beispiel-Person;Schulleitung;Beispiel-Schule;anna@example.org;0291 12345\n';
    const count = Math.floor((20 * 1024 * 1024 - 100) / line.length);
    const content = Buffer.from(
      `Anrede;Vorname;Nachname;Funktion;Einrichtung;E-Mail;Telefon\n${line.repeat(count)}`,
    );
    expect(content.length).toBeLessThan(20 * 1024 * 1024);
    const parsed = await parseSpreadsheet(content, 'gross.csv');
    expect(parsed.sheets[0]!.rows).toHaveLength(count + 1);
    expect(parsed.sheets[0]!.rows.at(-1)!.cells[2]).toBe('Beispiel-Person');
  }, 30_000);

  it('decodes and detects as a table of cases', () => {
    expect(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x41])).text).toBe('A');
    expect(decodeText(Buffer.from([0x84, 0x41, 0x93])).text).toBe('„A“');
    expect(detectDelimiter('a;b,c;d')).toBe(';');
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
    expect(detectDelimiter(';;;\nName,Vorname')).toBe(',');
  });
});

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('Excel', () => {
  it('reads the sheets "Einrichtungen" and "Personen": numbers, mailto links, rich text, no-break spaces', async () => {
    const content = await workbook((wb) => {
      const inst = wb.addWorksheet('Einrichtungen');
      inst.addRow(['Name', 'Schulnummer', 'Schulform', 'Träger', 'Straße', 'PLZ', 'Ort', 'E-Mail']);
      inst.addRow([
        'Beispiel-Gymnasium Brilon',
        170001,
        'Gymnasium',
        'Stadt Brilon',
        'Schulstraße 1',
        59929,
        'Brilon',
        { text: 'Sekretariat', hyperlink: 'mailto:sekretariat@gymnasium-brilon.example' },
      ]);
      inst.addRow(['Kita Sonnenschein\u00a0\u00a0', null, null, null, null, null, 'Olsberg\u00a0', null]);
      wb.addWorksheet('Notizen').addRow(['Nicht importieren']);
      const ppl = wb.addWorksheet('Personen');
      ppl.addRow(['Anrede', 'Titel', 'Vorname', 'Nachname', 'Funktion', 'Schulnummer', 'Mail']);
      ppl.addRow([
        'Frau',
        'Dr.',
        'Jana',
        { richText: [{ text: 'Müller-', font: { bold: true } }, { text: 'Beispiel' }] },
        'Schulleitung',
        170001,
        { text: 'jana.mueller@example.org', hyperlink: 'mailto:jana.mueller@example.org' },
      ]);
      ppl.addRow([]);
      ppl.addRow(['Herr', null, 'Emre', 'Yılmaz\u00a0', 'StuBO', '170001', 'emre@example.org\u00a0']);
    });
    const { parsed, sheets } = await sheetOf(content, 'adressen.xlsx');
    expect(parsed.format).toBe('xlsx');
    expect(parsed.ignoredSheets).toEqual(['Notizen']);
    const [inst, ppl] = sheets;
    expect(inst!.entity).toBe('institution');
    expect(inst!.rows).toEqual([
      {
        row: 2,
        record: {
          name: 'Beispiel-Gymnasium Brilon',
          type: 'school',
          schoolNumber: '170001',
          schoolType: 'Gymnasium',
          operator: 'Stadt Brilon',
          street: 'Schulstraße 1',
          postalCode: '59929',
          place: 'Brilon',
          email: 'sekretariat@gymnasium-brilon.example',
          phone: null,
        },
      },
      {
        row: 3,
        record: {
          name: 'Kita Sonnenschein',
          type: 'other',
          schoolNumber: null,
          schoolType: null,
          operator: null,
          street: null,
          postalCode: null,
          place: 'Olsberg',
          email: null,
          phone: null,
        },
      },
    ]);
    expect(ppl!.entity).toBe('person');
    expect(ppl!.ignored).toEqual([3]);
    expect(ppl!.rows).toEqual([
      {
        row: 2,
        record: person({
          salutation: 'Frau',
          title: 'Dr.',
          firstName: 'Jana',
          lastName: 'Müller-Beispiel',
          function: 'Schulleitung',
          schoolNumber: '170001',
          email: 'jana.mueller@example.org',
        }),
      },
      {
        row: 4,
        record: person({
          salutation: 'Herr',
          firstName: 'Emre',
          lastName: 'Yılmaz',
          function: 'StuBO',
          schoolNumber: '170001',
          email: 'emre@example.org',
        }),
      },
    ]);
  });

  it('refuses a workbook without the two sheets, naming what it found', async () => {
    const content = await workbook((wb) => wb.addWorksheet('Tabelle1').addRow(['Name']));
    await expect(parseSpreadsheet(content, 'x.xlsx')).rejects.toThrow(
      'Die Arbeitsmappe hat kein Blatt „Einrichtungen“ oder „Personen“ (gefunden: Tabelle1).',
    );
  });
});

describe('not a spreadsheet', () => {
  it.each([
    ['a PDF', tinyPdf(), 'adressen.csv'],
    ['an image', tinyPng, 'adressen.png'],
    ['a Word file named .xlsx', Buffer.from('PK\u0003\u0004 not really a zip', 'latin1'), 'adressen.xlsx'],
    ['an old .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), 'adressen.xls'],
  ])('refuses %s with a clear German sentence', async (_what, content, name) => {
    await expect(parseSpreadsheet(content, name)).rejects.toThrow(
      'Die Datei ist keine Tabelle. Bitte laden Sie eine Excel-Datei (.xlsx) oder eine CSV-Datei hoch.',
    );
  });

  it('refuses a zip that is no workbook', async () => {
    const zip = new JSZip();
    zip.file('hallo.txt', 'Hallo');
    const content = await zip.generateAsync({ type: 'nodebuffer' });
    await expect(parseSpreadsheet(content, 'archiv.zip')).rejects.toThrow(/keine Tabelle|kein Blatt/);
  });
});
