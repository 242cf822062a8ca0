import ExcelJS from 'exceljs';
import type { WorkOrderStatus } from '../../../contracts/work.js';
import { formatDay } from '../../lib/format.js';
import type { DocBlock } from '../steering/steering.service.js';

/*
 * The year's work programme as the committee reads it: goals and agreed work plans per field of action,
 * then the state of every work order. Tasks are the office's internals and never appear here.
 */

export const orderStatusLabel: Record<WorkOrderStatus, string> = {
  new: 'neu',
  accepted: 'angenommen',
  in_progress: 'in Arbeit',
  done: 'erledigt',
  reported: 'berichtet',
  returned: 'zurückgegeben',
};
const goalStatusLabel = {
  active: 'aktiv',
  achieved: 'erreicht',
  adjusted: 'angepasst',
  dropped: 'aufgegeben',
};
const entryKindLabel = {
  goal: 'Ziel',
  project: 'Projekt',
  event: 'Veranstaltung',
  product: 'Produkt',
  measure: 'Maßnahme',
};

export type ProgrammeGoal = {
  statement: string;
  target: string;
  status: keyof typeof goalStatusLabel;
  horizonYear: number;
  owner: string;
  reviewOn: string | null;
  indicator: string | null;
};
export type ProgrammePlan = {
  title: string;
  agreed: {
    version: number;
    entries: Array<{
      kind: keyof typeof entryKindLabel;
      title: string;
      description: string;
      dueOn: string | null;
    }>;
  } | null;
};
export type ProgrammeOrder = {
  number: string;
  title: string;
  field: string;
  status: WorkOrderStatus;
  progress: number;
  dueOn: string;
  assignee: string;
  overdue: boolean;
  note: string;
};
export type Programme = {
  networkName: string;
  year: number;
  today: string;
  fields: Array<{ name: string; goals: ProgrammeGoal[]; plans: ProgrammePlan[] }>;
  orders: ProgrammeOrder[];
};

const orderLine = (o: ProgrammeOrder) =>
  `${o.number} ${o.title} (${o.field}): ${orderStatusLabel[o.status]}, ${o.progress} %, fällig am ${formatDay(o.dueOn)}${o.overdue ? ' (überfällig)' : ''}, bearbeitet von ${o.assignee}${o.note ? `. ${o.note}` : ''}`;

/** "Stand der Arbeitsaufträge": every order with state, progress, due day and assignee. */
export function ordersBlocks(p: Programme): DocBlock[] {
  return [
    { type: 'h2', text: 'Stand der Arbeitsaufträge' },
    { type: 'meta', label: 'Stand', value: formatDay(p.today) },
    p.orders.length === 0
      ? { type: 'p', text: 'Für dieses Jahr gibt es keine Arbeitsaufträge.' }
      : { type: 'list', items: p.orders.map(orderLine) },
  ];
}

/** "Arbeitsprogramm <Jahr>": per field of action its goals and agreed work plan, then the orders. */
export function programmeBlocks(p: Programme): DocBlock[] {
  const blocks: DocBlock[] = [{ type: 'h1', text: `Arbeitsprogramm ${p.year}` }];
  blocks.push({ type: 'p', text: `${p.networkName}. Stand: ${formatDay(p.today)}.` });
  if (p.fields.length === 0)
    blocks.push({ type: 'p', text: 'Für dieses Jahr sind keine Ziele und keine Arbeitsplanung erfasst.' });
  for (const f of p.fields) {
    blocks.push({ type: 'h2', text: `Handlungsfeld ${f.name}` });
    blocks.push({ type: 'h3', text: 'Ziele' });
    blocks.push(
      f.goals.length === 0
        ? { type: 'p', text: 'Keine Ziele erfasst.' }
        : {
            type: 'list',
            items: f.goals.map(
              (g) =>
                `${g.statement}${g.target ? ` – Zielmarke: ${g.target}` : ''} (${goalStatusLabel[g.status]}, bis ${g.horizonYear}${g.owner ? `, verantwortlich: ${g.owner}` : ''}${g.reviewOn ? `, Überprüfung am ${formatDay(g.reviewOn)}` : ''}${g.indicator ? `, Indikator: ${g.indicator}` : ''})`,
            ),
          },
    );
    for (const plan of f.plans) {
      blocks.push({ type: 'h3', text: plan.title });
      if (!plan.agreed) {
        blocks.push({ type: 'p', text: 'Noch keine beschlossene Fassung.' });
        continue;
      }
      blocks.push({ type: 'meta', label: 'Beschlossene Fassung', value: String(plan.agreed.version) });
      blocks.push(
        plan.agreed.entries.length === 0
          ? { type: 'p', text: 'Die Fassung enthält keine Einträge.' }
          : {
              type: 'list',
              items: plan.agreed.entries.map(
                (e) =>
                  `${entryKindLabel[e.kind]}: ${e.title}${e.description ? ` – ${e.description}` : ''}${e.dueOn ? ` (bis ${formatDay(e.dueOn)})` : ''}`,
              ),
            },
      );
    }
  }
  return [...blocks, ...ordersBlocks(p)];
}

/** The same as an Excel workbook: real dates, header rows that stay, filters on. */
export async function programmeWorkbook(p: Programme): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bildungsnetz';
  wb.title = `Arbeitsprogramm ${p.year} ${p.networkName}`;
  const day = (d: string | null) => (d ? new Date(`${d}T00:00:00Z`) : null);
  const sheet = (name: string, columns: Array<Partial<ExcelJS.Column>>) => {
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns;
    ws.getRow(1).font = { bold: true };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    return ws;
  };
  const dateStyle = { numFmt: 'dd.mm.yyyy' };
  const orders = sheet('Arbeitsaufträge', [
    { header: 'Nummer', key: 'number', width: 14 },
    { header: 'Titel', key: 'title', width: 40 },
    { header: 'Handlungsfeld', key: 'field', width: 30 },
    { header: 'Stand', key: 'status', width: 14 },
    { header: 'Fortschritt (%)', key: 'progress', width: 14 },
    { header: 'Fällig am', key: 'due', width: 12, style: dateStyle },
    { header: 'Überfällig', key: 'overdue', width: 11 },
    { header: 'Bearbeitung', key: 'assignee', width: 24 },
    { header: 'Hinweis', key: 'note', width: 40 },
  ]);
  for (const o of p.orders) {
    orders.addRow({
      number: o.number,
      title: o.title,
      field: o.field,
      status: orderStatusLabel[o.status],
      progress: o.progress,
      due: day(o.dueOn),
      overdue: o.overdue ? 'ja' : 'nein',
      assignee: o.assignee,
      note: o.note,
    });
  }
  const goals = sheet('Ziele', [
    { header: 'Handlungsfeld', key: 'field', width: 30 },
    { header: 'Ziel', key: 'statement', width: 50 },
    { header: 'Zielmarke', key: 'target', width: 40 },
    { header: 'Stand', key: 'status', width: 12 },
    { header: 'Horizont', key: 'horizon', width: 10 },
    { header: 'Verantwortlich', key: 'owner', width: 24 },
    { header: 'Überprüfung am', key: 'review', width: 14, style: dateStyle },
    { header: 'Indikator', key: 'indicator', width: 30 },
  ]);
  const plans = sheet('Arbeitsplanung', [
    { header: 'Handlungsfeld', key: 'field', width: 30 },
    { header: 'Arbeitsplanung', key: 'plan', width: 34 },
    { header: 'Fassung', key: 'version', width: 9 },
    { header: 'Art', key: 'kind', width: 14 },
    { header: 'Eintrag', key: 'title', width: 40 },
    { header: 'Beschreibung', key: 'description', width: 50 },
    { header: 'Bis', key: 'due', width: 12, style: dateStyle },
  ]);
  for (const f of p.fields) {
    for (const g of f.goals) {
      goals.addRow({
        field: f.name,
        statement: g.statement,
        target: g.target,
        status: goalStatusLabel[g.status],
        horizon: g.horizonYear,
        owner: g.owner,
        review: day(g.reviewOn),
        indicator: g.indicator ?? '',
      });
    }
    for (const plan of f.plans) {
      for (const e of plan.agreed?.entries ?? []) {
        plans.addRow({
          field: f.name,
          plan: plan.title,
          version: plan.agreed!.version,
          kind: entryKindLabel[e.kind],
          title: e.title,
          description: e.description,
          due: day(e.dueOn),
        });
      }
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
