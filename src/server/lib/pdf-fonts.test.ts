import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../modules/steering/steering.documents.js';
import { fontRuns } from './pdf-fonts.js';

describe('PDF fonts', () => {
  it('sets German text in one run and cuts mixed text by subset', () => {
    expect(fontRuns('Größe der Sitzung: 12 € – „Zitat“')).toEqual([
      { subset: 'latin', text: 'Größe der Sitzung: 12 € – „Zitat“' },
    ]);
    expect(fontRuns('Frau Şahin').map((r) => r.subset)).toEqual(['latin', 'latin-ext', 'latin']);
  });

  it('keeps the letters of names from other alphabets in the PDF text', async () => {
    const names = ['Şahin Yılmaz', 'Łukasz Wróbel', 'Дмитро Коваленко', 'Ελένη Παπαδοπούλου', 'Größe €'];
    const pdf = await renderPdf('Niederschrift', [
      { type: 'h1', text: 'Niederschrift der Sitzung' },
      { type: 'p', text: `Anwesend: ${names.join(', ')}.` },
      { type: 'meta', label: 'Protokoll', value: 'Łukasz Wróbel' },
      { type: 'list', items: names },
    ]);
    const parser = new PDFParse({ data: pdf });
    const text = (await parser.getText()).text;
    await parser.destroy();
    for (const name of names) expect(text).toContain(name);
    expect(text).toContain('Protokoll: Łukasz Wróbel');
  });
});
