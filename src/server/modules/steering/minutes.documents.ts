import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { MeetingRow } from './meetings.repository.js';
import { type DocBlock, renderPdf } from './steering.documents.js';

/*
 * The minutes as documents: the text the office edits (first line the title, "TOP n" and "Anwesenheit"
 * as headings, "- " as list items) becomes a tagged PDF or a Word file with the same structure.
 */

function blocksOf(
  networkName: string,
  m: MeetingRow,
  version: number,
  body: string,
  stamp: string,
): DocBlock[] {
  const [first, ...rest] = body.split('\n');
  const blocks: DocBlock[] = [
    { type: 'h1', text: first?.trim() || `Niederschrift: ${m.title}` },
    { type: 'p', text: `${networkName} · Fassung ${version} · ${stamp}` },
  ];
  let list: string[] = [];
  const flush = () => {
    if (list.length) blocks.push({ type: 'list', items: list });
    list = [];
  };
  for (const line of rest) {
    const t = line.trim();
    if (!t) {
      flush();
    } else if (t.startsWith('- ')) {
      list.push(t.slice(2));
    } else if (/^TOP \d+/.test(t) || t === 'Anwesenheit') {
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

export async function minutesPdf(
  networkName: string,
  m: MeetingRow,
  version: number,
  body: string,
  stamp: string,
) {
  return renderPdf(`Niederschrift ${m.title}`, blocksOf(networkName, m, version, body, stamp));
}

export async function minutesDocx(
  networkName: string,
  m: MeetingRow,
  version: number,
  body: string,
  stamp: string,
) {
  const blocks = blocksOf(networkName, m, version, body, stamp);
  const children = blocks.flatMap((b) => {
    if (b.type === 'h1') return [new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_1 })];
    if (b.type === 'h2' || b.type === 'h3')
      return [new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_2 })];
    if (b.type === 'list') return b.items.map((i) => new Paragraph({ text: i, bullet: { level: 0 } }));
    if (b.type === 'meta')
      return [
        new Paragraph({
          children: [new TextRun({ text: `${b.label}: `, bold: true }), new TextRun(b.value)],
        }),
      ];
    return [new Paragraph({ text: b.text, alignment: AlignmentType.LEFT })];
  });
  const doc = new Document({
    creator: 'Bildungsnetz',
    title: `Niederschrift ${m.title}`,
    styles: { default: { document: { run: { font: 'Fira Sans', size: 22 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
