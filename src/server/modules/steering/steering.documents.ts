import PDFDocument from 'pdfkit';
import { registerPdfFonts, writeText } from '../../lib/pdf-fonts.js';

export type DocBlock =
  | { type: 'h1' | 'h2' | 'h3'; text: string }
  | { type: 'p'; text: string }
  | { type: 'meta'; label: string; value: string }
  | { type: 'list'; items: string[] };

/**
 * A tagged PDF (PDF/UA-style structure: document language, headings, paragraphs, lists, bookmarks for
 * headings) with the KERN typeface embedded, so screen readers and archives can read it.
 */
export async function renderPdf(title: string, blocks: DocBlock[]): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    pdfVersion: '1.7',
    tagged: true,
    lang: 'de-DE',
    displayTitle: true,
    info: { Title: title, Author: 'Bildungsnetz', Subject: title },
    bufferPages: true,
  });
  registerPdfFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const root = doc.struct('Document');
  doc.addStructure(root);
  const sizes = { h1: 20, h2: 15, h3: 12.5 } as const;
  for (const b of blocks) {
    if (b.type === 'h1' || b.type === 'h2' || b.type === 'h3') {
      if (b.type !== 'h1') doc.moveDown(0.6);
      root.add(
        doc.struct(b.type.toUpperCase(), {}, () => {
          doc.fontSize(sizes[b.type]).fillColor('#171a2b');
          writeText(doc, 'bold', b.text);
        }),
      );
      if (b.type !== 'h3') doc.outline.addItem(b.text);
      doc.moveDown(0.3);
    } else if (b.type === 'p') {
      root.add(
        doc.struct('P', {}, () => {
          doc.fontSize(11).fillColor('#171a2b');
          writeText(doc, 'regular', b.text, { lineGap: 2 });
        }),
      );
      doc.moveDown(0.4);
    } else if (b.type === 'meta') {
      root.add(
        doc.struct('P', {}, () => {
          doc.fontSize(11);
          writeText(doc, 'bold', `${b.label}: `, { continued: true });
          writeText(doc, 'regular', b.value);
        }),
      );
    } else if (b.type === 'list') {
      const list = doc.struct('L');
      root.add(list);
      for (const item of b.items) {
        list.add(
          doc.struct('LI', {}, () => {
            doc.fontSize(11);
            writeText(doc, 'regular', `• ${item}`, { indent: 8, lineGap: 2 });
          }),
        );
      }
      doc.moveDown(0.4);
    }
  }
  root.end();
  doc.end();
  return done;
}
