import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { berlinDay } from '../../lib/berlin-time.js';
import { fieldNames } from '../contract/contract.service.js';
import { type ResolvedNode, registerTraceKind } from '../trace/trace.service.js';
import { decisionStatusLabel } from './decisions.rules.js';
import { agendaItem, decision, meeting, writtenProcedure } from './steering.tables.js';

/*
 * How the steering committee's things appear in the trace: decisions, meetings, their items and written
 * procedures. Each loader reads many at once, only of the one network.
 */

const decisionStatus = decisionStatusLabel;
const meetingStatus = {
  planned: 'geplant',
  invited: 'eingeladen',
  held: 'durchgeführt',
  minutes_drafted: 'Protokoll im Entwurf',
  minutes_approved: 'Protokoll genehmigt',
  cancelled: 'abgesagt',
} as const;
const itemStatus = {
  open: 'offen',
  decided: 'beschlossen',
  deferred: 'vertagt',
  withdrawn: 'zurückgezogen',
  moved: 'verschoben',
} as const;
const procedureStatus = { open: 'läuft', taken: 'beschlossen', not_taken: 'nicht beschlossen' } as const;

async function loadDecisions(db: Db, networkId: string, ids: string[]) {
  const rows = await db
    .select()
    .from(decision)
    .where(and(eq(decision.networkId, networkId), inArray(decision.id, ids)));
  const names = await fieldNames(
    db,
    networkId,
    rows.map((r) => r.fieldId).filter((x): x is string => !!x),
  );
  return new Map<string, ResolvedNode>(
    rows.map((d) => {
      const field = d.fieldId ? names.get(d.fieldId) : null;
      return [
        d.id,
        {
          label: `${d.number} ${field ? `${field}: ` : ''}${d.title}`,
          status: d.status,
          state: decisionStatus[d.status],
          date: d.decidedOn,
          actor: 'Lenkungskreis',
          path: `lenkungskreis/beschluesse?q=${encodeURIComponent(d.number)}`,
          short: d.number,
        },
      ];
    }),
  );
}

async function loadMeetings(db: Db, networkId: string, ids: string[]) {
  const rows = await db
    .select()
    .from(meeting)
    .where(and(eq(meeting.networkId, networkId), inArray(meeting.id, ids)));
  return new Map<string, ResolvedNode>(
    rows.map((m) => [
      m.id,
      {
        label: m.title,
        status: m.status,
        state: meetingStatus[m.status],
        date: berlinDay(m.startsAt),
        actor: 'Lenkungskreis',
        path: `lenkungskreis/sitzungen/${m.id}`,
      },
    ]),
  );
}

async function loadItems(db: Db, networkId: string, ids: string[]) {
  const rows = await db
    .select({ a: agendaItem, m: meeting })
    .from(agendaItem)
    .innerJoin(meeting, eq(meeting.id, agendaItem.meetingId))
    .where(and(eq(agendaItem.networkId, networkId), inArray(agendaItem.id, ids)));
  return new Map<string, ResolvedNode>(
    rows.map(({ a, m }) => [
      a.id,
      {
        label: `TOP ${a.position} ${a.title} (${m.title})`,
        status: a.status,
        state: itemStatus[a.status],
        date: berlinDay(m.startsAt),
        actor: 'Lenkungskreis',
        path: `lenkungskreis/sitzungen/${m.id}`,
      },
    ]),
  );
}

async function loadProcedures(db: Db, networkId: string, ids: string[]) {
  const rows = await db
    .select()
    .from(writtenProcedure)
    .where(and(eq(writtenProcedure.networkId, networkId), inArray(writtenProcedure.id, ids)));
  return new Map<string, ResolvedNode>(
    rows.map((p) => [
      p.id,
      {
        label: `Umlaufverfahren „${p.title}“`,
        status: p.status,
        state: procedureStatus[p.status],
        date: berlinDay(p.deadline),
        actor: 'Lenkungskreis',
        path: `lenkungskreis/umlaufverfahren/${p.id}`,
      },
    ]),
  );
}

/** Registers the steering committee's kinds with the trace (called once when the app starts). */
export function registerSteeringTraceKinds(): void {
  registerTraceKind('decision', { load: loadDecisions });
  registerTraceKind('meeting', { load: loadMeetings });
  registerTraceKind('agenda_item', { load: loadItems });
  registerTraceKind('procedure', { load: loadProcedures });
}
