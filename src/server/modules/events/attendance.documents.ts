import PDFDocument from 'pdfkit';
import { formatDate, formatTimeRange } from '../../lib/format.js';
import { registerPdfFonts, writeText } from '../../lib/pdf-fonts.js';
import { listName } from './checkin.rules.js';
import { type DayData, sessionMembers } from './checkin.service.js';

/*
 * The paper of the day: the attendance list to sign (one section per session, the plenary lists
 * everybody) and the name badges (A4 sheets of eight). Both tagged PDFs in KERN's typeface.
 */

const INK = '#171a2b';
const GREY = '#4b4f63';

function newDoc(title: string, margins = 56) {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: margins, bottom: margins, left: margins, right: margins },
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
  return { doc, root, done };
}

function artifactLine(doc: PDFKit.PDFDocument, x1: number, y1: number, x2: number, y2: number, width = 0.6) {
  doc.markContent('Artifact', { type: 'Layout' });
  doc.moveTo(x1, y1).lineTo(x2, y2).lineWidth(width).strokeColor(INK).stroke();
  doc.endMarkedContent();
}

type Section = { title: string; sub: string; people: DayData['registrations'] };

/** The sections of the list: the chosen session, or every session but the breaks (or the whole event). */
export function attendanceSections(data: DayData, sessionId?: string): Section[] {
  const sessions = data.sessions.filter((s) => s.kind !== 'break' && (!sessionId || s.id === sessionId));
  if (sessions.length === 0)
    return [
      {
        title: 'Gesamte Veranstaltung',
        sub: '',
        people: sessionMembers({ id: '', kind: 'plenary' }, data.registrations, data.choices),
      },
    ];
  return sessions.map((s) => ({
    title: s.title,
    sub: [formatTimeRange(s.startsAt, s.endsAt), s.roomName ?? s.place].filter(Boolean).join(' · '),
    people: sessionMembers(s, data.registrations, data.choices),
  }));
}

/** The attendance list with a column to sign, sorted by surname, one section per session. */
export async function attendancePdf(data: DayData, sessionId?: string): Promise<Buffer> {
  const ev = data.event;
  const title = `Teilnahmeliste ${ev.title}`;
  const { doc, root, done } = newDoc(title);
  const left = doc.page.margins.left;
  const inner = doc.page.width - left - doc.page.margins.right;
  const cols = [
    { header: 'Nr.', width: 30 },
    { header: 'Name', width: 150 },
    { header: 'Einrichtung', width: 160 },
    { header: 'Unterschrift', width: inner - 340 },
  ];
  const rowHeight = 30;
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  const header = () => {
    const y = doc.y;
    const tr = doc.struct('TR');
    let x = left;
    for (const c of cols) {
      tr.add(
        doc.struct('TH', {}, () => {
          doc.fontSize(10).fillColor(INK);
          doc.font('bold-latin').text(c.header, x + 3, y + 4, { width: c.width - 6, lineBreak: false });
        }),
      );
      x += c.width;
    }
    artifactLine(doc, left, y + 20, left + inner, y + 20, 1);
    doc.y = y + 22;
    return tr;
  };

  sections(attendanceSections(data, sessionId));
  function sections(list: Section[]) {
    list.forEach((s, i) => {
      if (i > 0) doc.addPage();
      root.add(
        doc.struct('H1', {}, () => {
          doc.fontSize(16).fillColor(INK);
          writeText(doc, 'bold', s.title);
        }),
      );
      doc.outline.addItem(s.title);
      root.add(
        doc.struct('P', {}, () => {
          doc.fontSize(10).fillColor(GREY);
          writeText(doc, 'regular', [ev.title, formatDate(ev.startsAt), s.sub].filter(Boolean).join(' · '));
        }),
      );
      doc.moveDown(0.6);
      const table = doc.struct('Table');
      root.add(table);
      table.add(header());
      s.people.forEach((p, n) => {
        if (doc.y + rowHeight > bottom()) {
          doc.addPage();
          table.add(header());
        }
        const y = doc.y;
        const cells = [String(n + 1), listName(p), p.institution, ''];
        const tr = doc.struct('TR');
        let x = left;
        cells.forEach((text, k) => {
          const w = cols[k]!.width;
          const cx = x;
          tr.add(
            doc.struct('TD', {}, () => {
              doc.fontSize(10).fillColor(INK);
              doc.x = cx + 3;
              doc.y = y + 8;
              writeText(doc, 'regular', text, { width: w - 6, height: rowHeight - 10, ellipsis: true });
            }),
          );
          x += w;
        });
        table.add(tr);
        artifactLine(doc, left, y + rowHeight, left + inner, y + rowHeight);
        doc.x = left;
        doc.y = y + rowHeight + 2;
      });
      if (s.people.length === 0) {
        root.add(
          doc.struct('P', {}, () => {
            doc.fontSize(10).fillColor(GREY);
            writeText(doc, 'regular', 'Keine bestätigten Anmeldungen.');
          }),
        );
      }
    });
  }
  root.end();
  doc.end();
  return done;
}

/** Name badges: eight on an A4 sheet (two columns, four rows), name big, institution, event title. */
export async function badgesPdf(data: DayData): Promise<Buffer> {
  const ev = data.event;
  const title = `Namensschilder ${ev.title}`;
  const { doc, root, done } = newDoc(title, 0);
  const people = data.registrations.filter((r) => r.status === 'confirmed' && !r.cancelledAt);
  const w = doc.page.width / 2;
  const h = doc.page.height / 4;
  const pad = 22;
  people.forEach((p, i) => {
    const slot = i % 8;
    if (i > 0 && slot === 0) doc.addPage();
    const x = (slot % 2) * w;
    const y = Math.floor(slot / 2) * h;
    if (slot === 0) {
      // Cutting lines between the badges.
      artifactLine(doc, w, 0, w, doc.page.height, 0.3);
      for (let r = 1; r < 4; r++) artifactLine(doc, 0, r * h, doc.page.width, r * h, 0.3);
    }
    const badge = doc.struct('Div');
    root.add(badge);
    const name = [p.firstName, p.lastName].filter(Boolean).join(' ');
    doc.x = x + pad;
    doc.y = y + pad + 30;
    badge.add(
      doc.struct('H2', {}, () => {
        doc.fontSize(name.length > 24 ? 20 : 26).fillColor(INK);
        writeText(doc, 'bold', name, { width: w - 2 * pad, height: 70, ellipsis: true });
      }),
    );
    doc.x = x + pad;
    badge.add(
      doc.struct('P', {}, () => {
        doc.fontSize(13).fillColor(GREY);
        writeText(doc, 'regular', p.institution || ' ', { width: w - 2 * pad, height: 36, ellipsis: true });
      }),
    );
    doc.x = x + pad;
    doc.y = y + h - pad - 14;
    badge.add(
      doc.struct('P', {}, () => {
        doc.fontSize(10).fillColor(GREY);
        writeText(doc, 'regular', ev.title, { width: w - 2 * pad, lineBreak: false, ellipsis: true });
      }),
    );
  });
  if (people.length === 0) {
    doc.x = 56;
    doc.y = 56;
    root.add(
      doc.struct('P', {}, () => {
        doc.fontSize(12).fillColor(INK);
        writeText(doc, 'regular', 'Keine bestätigten Anmeldungen.');
      }),
    );
  }
  root.end();
  doc.end();
  return done;
}
