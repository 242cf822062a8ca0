import type { WorkExportQuery } from '../../../contracts/work-desk.js';
import { berlinDay } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { formatDay } from '../../lib/format.js';
import { fieldNames } from '../contract/contract.service.js';
import { authorize } from '../networks/networks.policy.js';
import { networkName } from '../networks/networks.service.js';
import { renderPdf } from '../steering/steering.service.js';
import * as repo from './desk.repository.js';
import { isOverdue } from './orders.rules.js';
import { endedFieldsOf, orderFieldEndedOn } from './orders.service.js';
import { ordersBlocks, type Programme, programmeBlocks, programmeWorkbook } from './work-export.js';

/** Everything the year's programme shows, read for the committee (work.read): no task internals. */
async function programmeOf(deps: Deps, actor: NetworkActor, year: number): Promise<Programme> {
  authorize(actor.role, 'work.read');
  const today = berlinDay(deps.now());
  const [goals, plans, orders, name, ended] = await Promise.all([
    repo.goalsForYear(deps.db, actor.networkId, year),
    repo.plansForYear(deps.db, actor.networkId, year),
    repo.ordersForYear(deps.db, actor.networkId, year),
    networkName(deps, actor.networkId),
    endedFieldsOf(deps.db, actor.networkId, today),
  ]);
  const names = await fieldNames(deps.db, actor.networkId, [
    ...goals.map((g) => g.fieldId),
    ...plans.map((p) => p.plan.fieldId),
    ...orders.map((o) => o.fieldId),
  ]);
  const fieldIds = [...new Set([...goals.map((g) => g.fieldId), ...plans.map((p) => p.plan.fieldId)])];
  const fieldName = (id: string) => names.get(id) ?? 'unbekanntes Handlungsfeld';
  return {
    networkName: name ?? '',
    year,
    today,
    fields: fieldIds
      .map((id) => ({
        name: fieldName(id),
        goals: goals
          .filter((g) => g.fieldId === id)
          .map((g) => ({
            statement: g.statement,
            target: g.target,
            status: g.status,
            horizonYear: g.horizonYear,
            owner: g.owner,
            reviewOn: g.reviewOn,
            indicator: g.indicatorName
              ? [g.indicatorName, g.indicatorTarget && `Zielwert ${g.indicatorTarget}`, g.indicatorYear]
                  .filter(Boolean)
                  .join(', ')
              : null,
          })),
        plans: plans
          .filter((p) => p.plan.fieldId === id)
          .map((p) => ({
            title: p.plan.title,
            agreed: p.agreed ? { version: p.agreed.version, entries: p.agreed.entries } : null,
          })),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'de')),
    orders: orders.map((o) => {
      const fieldEndedOn = orderFieldEndedOn(ended, o);
      return {
        number: o.number,
        title: o.title,
        field: fieldName(o.fieldId),
        status: o.status,
        progress: o.progress,
        dueOn: o.dueOn,
        assignee: o.assignee ?? 'unbekannt',
        overdue: isOverdue(o, today),
        note: [
          o.status === 'returned' && o.returnReason ? `Zurückgegeben: ${o.returnReason}` : '',
          fieldEndedOn ? `Handlungsfeld beendet am ${formatDay(fieldEndedOn)}` : '',
        ]
          .filter(Boolean)
          .join('; '),
      };
    }),
  };
}

export async function workProgrammeWorkbook(deps: Deps, actor: NetworkActor, q: WorkExportQuery) {
  return programmeWorkbook(await programmeOf(deps, actor, q.year));
}

export async function workProgrammePdf(deps: Deps, actor: NetworkActor, q: WorkExportQuery) {
  const p = await programmeOf(deps, actor, q.year);
  const title = q.kind === 'orders' ? `Stand der Arbeitsaufträge ${q.year}` : `Arbeitsprogramm ${q.year}`;
  const blocks =
    q.kind === 'orders'
      ? [{ type: 'h1' as const, text: title }, ...ordersBlocks(p).slice(1)]
      : programmeBlocks(p);
  return renderPdf(title, blocks, {
    letterhead: { name: p.networkName, sub: 'Regionales Bildungsbüro' },
    pageNumbers: true,
  });
}
