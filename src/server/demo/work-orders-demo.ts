import { and, eq, inArray } from 'drizzle-orm';
import * as t from '../db/schema.js';
import type { Deps, NetworkActor } from '../lib/context.js';
import { listDecisions } from '../modules/steering/steering.service.js';
import { createOrder, transitionOrder, updateOrder } from '../modules/work/orders.service.js';
import { DEMO_ACCOUNTS } from './seed.js';

/**
 * The demo's work orders, through the orders' own use cases: from the autumn meeting's decision on the
 * specialist day Kita – primary school, one order in each state the office moves it to (new, accepted
 * and overdue, in progress, two done, returned with a reason). `reported` follows when the demo's
 * special meeting hears the report on one of the done orders (work-meeting-demo.ts). Idempotent: nothing happens once the network has orders.
 */
export async function seedWorkOrdersDemo(deps: Deps, networkId: string): Promise<void> {
  const [existing] = await deps.db.select().from(t.workOrder).where(eq(t.workOrder.networkId, networkId));
  if (existing) return;
  const people = await deps.db
    .select()
    .from(t.user)
    .where(inArray(t.user.email, [DEMO_ACCOUNTS[0]!.email, DEMO_ACCOUNTS[1]!.email]));
  const admin = people.find((p) => p.email === DEMO_ACCOUNTS[0]!.email);
  const office = people.find((p) => p.email === DEMO_ACCOUNTS[1]!.email);
  if (!admin || !office) return;
  const [member] = await deps.db
    .select()
    .from(t.membership)
    .where(and(eq(t.membership.networkId, networkId), eq(t.membership.userId, office.id)));
  if (!member) return;
  const actor: NetworkActor = {
    userId: office.id,
    name: office.name,
    email: office.email,
    networkId,
    role: 'office',
    requestId: 'demo',
    twoFactorEnabled: false,
  };
  const decisions = await listDecisions(deps, actor, { type: 'work_order' });
  const fachtag = decisions.find((d) => d.title.includes('Fachtag Übergang Kita'));
  if (!fachtag) return;

  const order = (
    title: string,
    expectedResult: string,
    dueOn: string,
    assigneeId: string,
    reportDueOn?: string,
  ) =>
    createOrder(deps, actor, {
      decisionId: fachtag.id,
      title,
      expectedResult,
      dueOn,
      assigneeId,
      reportDueOn: reportDueOn ?? null,
    });
  const move = (id: string, to: 'accepted' | 'in_progress' | 'done' | 'returned', note = '') =>
    transitionOrder(deps, actor, id, { to, note });

  const prepare = await order(
    'Fachtag Übergang Kita – Grundschule vorbereiten',
    'Programm, Referentinnen und Referenten, Einladung und Anmeldung für den Fachtag im Frühjahr 2027.',
    '2027-03-31',
    office.id,
    '2027-03-01',
  );
  await move(prepare.id, 'accepted');
  const started = await move(prepare.id, 'in_progress');
  await updateOrder(deps, actor, prepare.id, { version: started.version, progress: 60 });

  const speakers = await order(
    'Referentinnen und Referenten für den Fachtag gewinnen',
    'Zusagen von drei Fachleuten aus Kita, Grundschule und Jugendamt.',
    '2026-11-30',
    admin.id,
  );
  await move(speakers.id, 'accepted');
  await move(speakers.id, 'in_progress');
  await move(speakers.id, 'done');

  // Accepted but not finished in time: the list marks it overdue.
  const invitations = await order(
    'Einladungsliste der Kitas und Grundschulen abstimmen',
    'Eine mit den Trägern abgestimmte Liste aller Kitas und Grundschulen im Kreis.',
    '2026-10-31',
    office.id,
  );
  await move(invitations.id, 'accepted');

  await order(
    'Dokumentation des Fachtags',
    'Eine Dokumentation mit den Ergebnissen der Arbeitsgruppen für den Lenkungskreis.',
    '2027-05-31',
    office.id,
    '2027-06-15',
  );

  // Done after the special meeting heard the speakers' report: the next report is still to come.
  const saveTheDate = await order(
    'Save-the-Date an Kitas und Grundschulen versenden',
    'Eine Ankündigung des Fachtags an alle Kitas und Grundschulen im Kreis.',
    '2026-12-18',
    office.id,
  );
  await move(saveTheDate.id, 'accepted');
  await move(saveTheDate.id, 'in_progress');
  await move(saveTheDate.id, 'done');

  const rooms = await order(
    'Räume im Kreishaus für den Fachtag buchen',
    'Ein Saal für 120 Personen und vier Gruppenräume.',
    '2027-01-31',
    admin.id,
  );
  await move(
    rooms.id,
    'returned',
    'Die Räume im Kreishaus vergibt der Kreis nicht für Veranstaltungen dieser Größe; bitte entscheiden, ob der Fachtag im Berufskolleg Meschede stattfinden kann.',
  );
}
