import PDFDocument from 'pdfkit';
import { registerPdfFonts, writeText } from '../../lib/pdf-fonts.js';

export type DocBlock =
  | { type: 'h1' | 'h2' | 'h3'; text: string }
  | { type: 'p'; text: string }
  | { type: 'meta'; label: string; value: string }
  | { type: 'list'; items: string[] }
  /** Lines to sign: place and date, then one per signer; kept together on one page. */
  | { type: 'signatures'; signers: Array<{ role: string; name: string }> };

export type PdfFrame = {
  /** Printed above the title on the first page (the network's name). */
  letterhead?: { name: string; sub: string; logo?: Buffer | null };
  /** "Seite 1 von 3" at the foot of every page. */
  pageNumbers?: boolean;
};

/**
 * A tagged PDF (PDF/UA-style structure: document language, headings, paragraphs, lists, bookmarks for
 * headings) with the KERN typeface embedded, so screen readers and archives can read it.
 */
export async function renderPdf(title: string, blocks: DocBlock[], frame: PdfFrame = {}): Promise<Buffer> {
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
  if (frame.letterhead) {
    const head = frame.letterhead;
    const top = doc.y;
    const left = doc.page.margins.left;
    const inner = doc.page.width - left - doc.page.margins.right;
    const logoBox = { width: 120, height: 48 };
    if (head.logo) {
      const logo = head.logo;
      root.add(
        doc.struct('Figure', { alt: `Logo: ${head.name}` }, () => {
          doc.image(logo, left + inner - logoBox.width, top, {
            fit: [logoBox.width, logoBox.height],
            align: 'right',
            valign: 'center',
          });
        }),
      );
      doc.x = left;
      doc.y = top;
    }
    const textWidth = head.logo ? inner - logoBox.width - 16 : inner;
    root.add(
      doc.struct('P', {}, () => {
        doc.fontSize(14).fillColor('#171a2b');
        writeText(doc, 'bold', head.name, { width: textWidth });
        doc.fontSize(10).fillColor('#4b4f63');
        writeText(doc, 'regular', head.sub, { width: textWidth });
      }),
    );
    const y = Math.max(doc.y, head.logo ? top + logoBox.height : 0) + 6;
    doc.markContent('Artifact', { type: 'Layout' });
    doc
      .moveTo(doc.page.margins.left, y)
      .lineTo(doc.page.width - doc.page.margins.right, y)
      .lineWidth(1)
      .strokeColor('#171a2b')
      .stroke();
    doc.endMarkedContent();
    doc.y = y + 14;
    doc.fillColor('#171a2b');
  }
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
            // A hanging indent: wrapped lines start under the text, not under the bullet.
            const left = doc.page.margins.left;
            const width = doc.page.width - left - doc.page.margins.right - 18;
            doc.fontSize(11).font('regular-latin');
            // An item starting at the foot of a page moves whole to the next, bullet and all.
            const bottom = doc.page.height - doc.page.margins.bottom;
            if (
              doc.y + Math.min(doc.heightOfString(item, { width }), 3 * doc.currentLineHeight(true)) >
              bottom
            )
              doc.addPage();
            const y = doc.y;
            doc.font('regular-latin').text('•', left + 6, y, { lineBreak: false });
            doc.x = left + 18;
            doc.y = y;
            writeText(doc, 'regular', item, { width, lineGap: 2 });
            doc.x = left;
          }),
        );
      }
      doc.moveDown(0.4);
    } else if (b.type === 'signatures') {
      const needed = 40 + (b.signers.length + 1) * 56;
      if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
      doc.moveDown(1.5);
      const left = doc.page.margins.left;
      const line = (y: number) => {
        doc.markContent('Artifact', { type: 'Layout' });
        doc
          .moveTo(left, y)
          .lineTo(left + 260, y)
          .lineWidth(0.7)
          .strokeColor('#171a2b')
          .stroke();
        doc.endMarkedContent();
      };
      for (const s of [{ role: 'Ort, Datum', name: '' }, ...b.signers]) {
        doc.moveDown(2.6);
        line(doc.y);
        doc.y += 4;
        root.add(
          doc.struct('P', {}, () => {
            doc.fontSize(10);
            writeText(doc, 'regular', s.name ? `${s.name} (${s.role})` : s.role);
          }),
        );
      }
    }
  }
  if (frame.pageNumbers) {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      // Writing into the bottom margin would open a new page; the margin is lifted for the footer only.
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.markContent('Artifact', { type: 'Pagination' });
      doc
        .fontSize(9)
        .fillColor('#4b4f63')
        .font('regular-latin')
        .text(`Seite ${i + 1} von ${range.count}`, doc.page.margins.left, doc.page.height - 40, {
          width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
          align: 'right',
          lineBreak: false,
        });
      doc.endMarkedContent();
      doc.page.margins.bottom = bottom;
    }
  }
  root.end();
  doc.end();
  return done;
}
