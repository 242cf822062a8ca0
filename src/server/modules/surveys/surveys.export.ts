import ExcelJS from 'exceljs';
import { MIN_CELL } from '../../../contracts/events.js';
import type { SurveyResults } from '../../../contracts/surveys.js';
import type { QuestionRow } from './surveys.repository.js';

/* The results as an Excel workbook: one sheet of results per question, and the anonymous raw answers
 * (one row per answer, in no particular order) only when the survey has at least MIN_CELL answers. */

const cell = (v: unknown) => {
  const s = Array.isArray(v) ? v.join('; ') : v === undefined || v === null ? '' : String(v);
  return /^[=+\-@]/.test(s) ? `'${s}` : s;
};

export async function resultsWorkbook(
  r: SurveyResults,
  questions: QuestionRow[],
  raw: Array<Record<string, unknown>>,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bildungsnetz';
  wb.title = r.title;
  const res = wb.addWorksheet('Ergebnisse', { views: [{ state: 'frozen', ySplit: 1 }] });
  res.columns = [
    { header: 'Frage', width: 60 },
    { header: 'n', width: 8 },
    { header: 'Mittelwert', width: 12 },
    { header: r.previous ? `Mittelwert ${r.previous.year}` : 'Mittelwert Vorjahr', width: 16 },
    { header: 'Verteilung', width: 60 },
  ];
  res.getRow(1).font = { bold: true };
  for (const q of r.questions) {
    const dist = q.tooFew
      ? `zu wenige Antworten (unter ${MIN_CELL})`
      : q.kind === 'text'
        ? `${q.texts.length} Freitexte`
        : q.counts.map((c) => `${c.label}: ${c.count}`).join('; ');
    res.addRow([cell(q.text), q.n, q.mean ?? '', q.previousMean ?? '', cell(dist)]);
  }
  if (!r.tooFew) {
    const ws = wb.addWorksheet('Antworten (anonym)', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = questions.map((q) => ({ header: q.text.slice(0, 250), width: 30 }));
    ws.getRow(1).font = { bold: true };
    for (const a of raw) ws.addRow(questions.map((q) => cell(a[q.id])));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
