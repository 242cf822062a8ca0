/**
 * Fira Sans, KERN's typeface, for the PDFs the server writes. @fontsource ships it per Unicode subset
 * (the same files the web app uses); pdfkit embeds WOFF but not WOFF2, and one pdfkit font cannot fall
 * back to another, so text is cut into runs by subset and each run is set in the font that has its
 * glyphs: a name like „Şahin“, „Łukasz“ or „Дмитро“ keeps its letters. German text is one run.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const filesDir = path.dirname(require.resolve('@fontsource/fira-sans/files/fira-sans-latin-400-normal.woff'));

/** Tried in this order; the first subset whose range holds a character sets it. */
const SUBSETS = [
  'latin',
  'latin-ext',
  'cyrillic',
  'cyrillic-ext',
  'greek',
  'greek-ext',
  'vietnamese',
] as const;
type Subset = (typeof SUBSETS)[number];
export type PdfWeight = 'regular' | 'bold';
const WEIGHTS: Record<PdfWeight, number> = { regular: 400, bold: 700 };

const ranges: Record<Subset, Array<[number, number]>> = (() => {
  const css = JSON.parse(fs.readFileSync(path.join(filesDir, '..', 'unicode.json'), 'utf8')) as Record<
    string,
    string
  >;
  const parse = (s: string) =>
    s.split(',').map((part): [number, number] => {
      const [from, to] = part.replace(/^U\+/i, '').split('-') as [string, string | undefined];
      return [Number.parseInt(from, 16), Number.parseInt(to ?? from, 16)];
    });
  return Object.fromEntries(SUBSETS.map((s) => [s, parse(css[s] ?? '')])) as Record<
    Subset,
    Array<[number, number]>
  >;
})();

function subsetOf(codePoint: number): Subset {
  return SUBSETS.find((s) => ranges[s].some(([a, b]) => codePoint >= a && codePoint <= b)) ?? 'latin';
}

/** Consecutive characters of one subset, in order. */
export function fontRuns(text: string): Array<{ subset: Subset; text: string }> {
  const runs: Array<{ subset: Subset; text: string }> = [];
  for (const ch of text) {
    const subset = subsetOf(ch.codePointAt(0) ?? 0);
    const last = runs.at(-1);
    if (last?.subset === subset) last.text += ch;
    else runs.push({ subset, text: ch });
  }
  return runs;
}

/** Registers every weight × subset under the name `<weight>-<subset>`. */
export function registerPdfFonts(doc: PDFKit.PDFDocument): void {
  for (const [weight, value] of Object.entries(WEIGHTS)) {
    for (const subset of SUBSETS) {
      doc.registerFont(
        `${weight}-${subset}`,
        path.join(filesDir, `fira-sans-${subset}-${value}-normal.woff`),
      );
    }
  }
}

/** `doc.text()` in the given weight, each run in the subset font that has its glyphs. */
export function writeText(
  doc: PDFKit.PDFDocument,
  weight: PdfWeight,
  text: string,
  options: PDFKit.Mixins.TextOptions = {},
): void {
  const runs = fontRuns(text);
  if (runs.length === 0) runs.push({ subset: 'latin', text: '' });
  runs.forEach((run, i) => {
    const last = i === runs.length - 1;
    doc.font(`${weight}-${run.subset}`);
    // The first call opens the paragraph with its options; the others continue it.
    const continued = last ? (options.continued ?? false) : true;
    doc.text(run.text, i === 0 ? { ...options, continued } : { continued });
  });
}
