import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import type { MinutesContent } from '../../../contracts/steering.js';
import { formatDate } from '../../lib/format.js';
import type { MeetingRow } from './meetings.repository.js';
import { attendanceGroups, timeSpan } from './minutes.rules.js';
import { type DocBlock, renderPdf } from './steering.documents.js';
import type { minutesVersion } from './steering.tables.js';

/*
 * The minutes as documents, PDF and Word with the same content: letterhead with the network's name,
 * the meeting's data (date, actual start and end, place, chair, minute-taker), attendance with side and
 * institution (excused and absent listed apart), one section per agenda item with what was recorded,
 * the approving decision's number, a signature block, and page numbers.
 */

type VersionRow = typeof minutesVersion.$inferSelect;
const OFFICE = 'Regionales Bildungsbüro';

/** The network's name and, if the settings name one, its logo (PNG or JPEG bytes). */
export type Letterhead = { name: string; logo: Buffer | null };

/** Width and height in pixels of a PNG or JPEG, for the Word file (which needs the size up front). */
export function imageSize(data: Buffer): { width: number; height: number; type: 'png' | 'jpg' } | null {
  if (data.length > 24 && data.readUInt32BE(0) === 0x89504e47) {
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20), type: 'png' };
  }
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    let i = 2;
    while (i + 9 < data.length) {
      if (data[i] !== 0xff) return null;
      const marker = data[i + 1]!;
      const length = data.readUInt16BE(i + 2);
      // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return { height: data.readUInt16BE(i + 5), width: data.readUInt16BE(i + 7), type: 'jpg' };
      }
      i += 2 + length;
    }
  }
  return null;
}

/** Versions written as one text before the structured editor: headings and lists by line prefix. */
function legacyBlocks(body: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) blocks.push({ type: 'list', items: list });
    list = [];
  };
  for (const line of body.split('\n').slice(1)) {
    const t = line.trim();
    if (!t) flush();
    else if (t.startsWith('- ')) list.push(t.slice(2));
    else if (/^TOP \d+/.test(t) || t === 'Anwesenheit') {
      flush();
      blocks.push({ type: 'h2', text: t });
    } else {
      flush();
      blocks.push({ type: 'p', text: t });
    }
  }
  flush();
  return blocks;
}

const paragraphs = (text: string): DocBlock[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => ({ type: 'p', text: p }));

function structuredBlocks(c: MinutesContent): DocBlock[] {
  const groups = attendanceGroups(c);
  const listOr = (xs: string[]): DocBlock =>
    xs.length ? { type: 'list', items: xs } : { type: 'p', text: 'niemand' };
  const blocks: DocBlock[] = [
    { type: 'h2', text: 'Anwesenheit' },
    listOr([...groups.present, ...c.guests]),
    { type: 'h3', text: 'Entschuldigt' },
    listOr(groups.excused),
    { type: 'h3', text: 'Abwesend' },
    listOr(groups.absent),
  ];
  if (c.opening) blocks.push({ type: 'h2', text: 'Eröffnung' }, ...paragraphs(c.opening));
  for (const i of c.items) {
    blocks.push({ type: 'h2', text: `TOP ${i.number} ${i.title}` });
    if (i.presenter) blocks.push({ type: 'meta', label: 'Berichterstattung', value: i.presenter });
    blocks.push(...paragraphs(i.discussion));
    if (i.record.length) blocks.push({ type: 'list', items: i.record });
  }
  if (c.miscellaneous) blocks.push({ type: 'h2', text: 'Verschiedenes' }, ...paragraphs(c.miscellaneous));
  blocks.push({
    type: 'signatures',
    signers: [
      { role: 'Sitzungsleitung', name: c.chair },
      { role: 'Protokollführung', name: c.minuteTaker },
    ],
  });
  return blocks;
}

function blocksOf(m: MeetingRow, v: VersionRow, approvedBy: string | null, stamp: string): DocBlock[] {
  const c = v.content as MinutesContent | null;
  const head: DocBlock[] = [
    { type: 'h1', text: `Niederschrift: ${m.title}` },
    { type: 'p', text: `Fassung ${v.version} · ${stamp}` },
  ];
  if (!c) return [...head, ...legacyBlocks(v.body)];
  head.push(
    { type: 'meta', label: 'Datum', value: formatDate(m.startsAt) },
    { type: 'meta', label: 'Zeit', value: timeSpan(c.startedAt, c.endedAt) },
    { type: 'meta', label: 'Ort', value: m.location || '–' },
    { type: 'meta', label: 'Sitzungsleitung', value: c.chair || '–' },
    { type: 'meta', label: 'Protokollführung', value: c.minuteTaker || '–' },
  );
  if (approvedBy) head.push({ type: 'meta', label: 'Genehmigt durch Beschluss', value: approvedBy });
  return [...head, ...structuredBlocks(c)];
}

export async function minutesPdf(
  head: Letterhead,
  m: MeetingRow,
  v: VersionRow,
  approvedBy: string | null,
  stamp: string,
) {
  return renderPdf(`Niederschrift ${m.title}`, blocksOf(m, v, approvedBy, stamp), {
    letterhead: { name: head.name, sub: `${OFFICE} · Lenkungskreis`, logo: head.logo },
    pageNumbers: true,
  });
}

function logoParagraph(head: Letterhead): Paragraph[] {
  const size = head.logo ? imageSize(head.logo) : null;
  if (!head.logo || !size) return [];
  // At most 120 × 48 pt, in proportion.
  const scale = Math.min(120 / size.width, 48 / size.height, 1);
  return [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [
        new ImageRun({
          type: size.type,
          data: head.logo,
          transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
          altText: { name: 'Logo', description: `Logo: ${head.name}`, title: head.name },
        }),
      ],
    }),
  ];
}

export async function minutesDocx(
  head: Letterhead,
  m: MeetingRow,
  v: VersionRow,
  approvedBy: string | null,
  stamp: string,
) {
  const blocks = blocksOf(m, v, approvedBy, stamp);
  const children = blocks.flatMap((b) => {
    if (b.type === 'h1') return [new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_1 })];
    if (b.type === 'h2') return [new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_2 })];
    if (b.type === 'h3') return [new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_3 })];
    if (b.type === 'list') return b.items.map((i) => new Paragraph({ text: i, bullet: { level: 0 } }));
    if (b.type === 'meta')
      return [
        new Paragraph({
          children: [new TextRun({ text: `${b.label}: `, bold: true }), new TextRun(b.value)],
        }),
      ];
    if (b.type === 'signatures') {
      const line = (text: string) =>
        new Paragraph({
          spacing: { before: 600 },
          border: { top: { style: BorderStyle.SINGLE, size: 6, color: '171A2B', space: 4 } },
          indent: { right: 4800 },
          children: [new TextRun({ text, size: 20 })],
        });
      return [line('Ort, Datum'), ...b.signers.map((s) => line(s.name ? `${s.name} (${s.role})` : s.role))];
    }
    return [new Paragraph({ text: b.text, alignment: AlignmentType.LEFT })];
  });
  const doc = new Document({
    creator: 'Bildungsnetz',
    title: `Niederschrift ${m.title}`,
    styles: { default: { document: { run: { font: 'Fira Sans', size: 22 } } } },
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              ...logoParagraph(head),
              new Paragraph({ children: [new TextRun({ text: head.name, bold: true, size: 26 })] }),
              new Paragraph({
                border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: '171A2B', space: 4 } },
                children: [new TextRun({ text: `${OFFICE} · Lenkungskreis`, size: 18 })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    size: 18,
                    children: ['Seite ', PageNumber.CURRENT, ' von ', PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
