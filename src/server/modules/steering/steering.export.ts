import ExcelJS from 'exceljs';
import type { Decision } from '../../../contracts/steering.js';
import { decisionStatusLabel } from './decisions.rules.js';

const typeLabel: Record<Decision['type'], string> = {
  goal: 'Ziel',
  work_plan: 'Arbeitsplanung',
  work_order: 'Arbeitsauftrag',
  recommendation: 'Empfehlung',
  contract_amendment: 'Vorschlag einer Änderungsvereinbarung',
  procedural: 'Verfahrensbeschluss',
};
const statusLabel: Record<Decision['status'], string> = decisionStatusLabel;

const outcomeLabel: Record<Decision['outcome'], string> = {
  open: 'offen',
  implemented: 'umgesetzt',
  overdue: 'überfällig',
};

/** The decision register as an Excel workbook: real dates, a header row that stays, filters on. */
export async function registerWorkbook(networkName: string, decisions: Decision[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bildungsnetz';
  wb.title = `Beschlusssammlung ${networkName}`;
  const ws = wb.addWorksheet('Beschlüsse', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [
    { header: 'Nummer', key: 'number', width: 14 },
    { header: 'Datum', key: 'date', width: 12, style: { numFmt: 'dd.mm.yyyy' } },
    { header: 'Titel', key: 'title', width: 40 },
    { header: 'Art', key: 'type', width: 22 },
    { header: 'Handlungsfeld', key: 'field', width: 32 },
    { header: 'Umsetzung', key: 'status', width: 14 },
    { header: 'Was daraus wurde', key: 'outcome', width: 14 },
    { header: 'Stand', key: 'outcomeSummary', width: 36 },
    { header: 'Sitzung', key: 'meeting', width: 28 },
    { header: 'Beschlusstext', key: 'text', width: 80 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const d of decisions) {
    ws.addRow({
      number: d.number,
      date: new Date(`${d.decidedOn}T00:00:00Z`),
      title: d.title,
      type: typeLabel[d.type],
      field: d.fieldName ?? '',
      status: statusLabel[d.status],
      outcome: outcomeLabel[d.outcome],
      outcomeSummary: d.outcomeSummary,
      meeting: d.meetingTitle ?? 'Umlaufverfahren',
      text: d.text,
    });
  }
  ws.autoFilter = { from: 'A1', to: 'J1' };
  ws.getColumn('text').alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
