import type { Desk, DeskItem } from '../../../contracts/work-desk.js';
import { DomainError } from '../../http/errors.js';
import { berlinDay } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { formatDay } from '../../lib/format.js';
import { auditActorOf, recordAudit } from '../audit/audit.service.js';
import { fieldNames } from '../contract/contract.service.js';
import { hasUserLink, mintLink, openLink, revokeUserLinks } from '../links/links.service.js';
import { authorize } from '../networks/networks.policy.js';
import { networkName } from '../networks/networks.service.js';
import * as repo from './desk.repository.js';
import { bucketOf, deskOrder } from './desk.rules.js';
import { endedFieldsOf, orderFieldEndedOn } from './orders.service.js';
import { type DueDate, dueDatesCalendar } from './work-calendar.js';

export { runWorkReminders, startWorkReminderJobs } from './reminders.service.js';
export { workProgrammePdf, workProgrammeWorkbook } from './work-export.service.js';

/** The signed-in person's desk: their open orders and tasks, overdue first, with the field of action. */
export async function deskOf(deps: Deps, actor: NetworkActor): Promise<Desk> {
  authorize(actor.role, 'work.manage');
  const today = berlinDay(deps.now());
  const [orders, tasks, ended] = await Promise.all([
    repo.openOrdersOf(deps.db, actor.networkId, actor.userId),
    repo.openTasksOf(deps.db, actor.networkId, actor.userId),
    endedFieldsOf(deps.db, actor.networkId, today),
  ]);
  const names = await fieldNames(
    deps.db,
    actor.networkId,
    [...orders, ...tasks].flatMap((i) => (i.fieldId ? [i.fieldId] : [])),
  );
  const items: DeskItem[] = [
    ...orders.map(
      (o): DeskItem => ({
        kind: 'order',
        id: o.id,
        number: o.number,
        title: o.title,
        dueOn: o.dueOn,
        bucket: bucketOf(o.dueOn, today),
        status: o.status,
        progress: o.progress,
        fieldId: o.fieldId,
        fieldName: names.get(o.fieldId) ?? null,
        projectId: o.projectId,
        projectTitle: o.projectTitle,
        fieldEndedOn: orderFieldEndedOn(ended, o),
      }),
    ),
    ...tasks.map(
      (t): DeskItem => ({
        kind: 'task',
        id: t.id,
        number: null,
        title: t.title,
        dueOn: t.dueOn,
        bucket: bucketOf(t.dueOn, today),
        status: 'open',
        progress: t.progress,
        fieldId: t.fieldId,
        fieldName: t.fieldId ? (names.get(t.fieldId) ?? null) : null,
        projectId: t.projectId,
        projectTitle: t.projectTitle,
        fieldEndedOn: null,
      }),
    ),
  ].sort(deskOrder);
  const count = (b: DeskItem['bucket']) => items.filter((i) => i.bucket === b).length;
  return {
    today,
    counts: {
      overdue: count('overdue'),
      thisMonth: count('this_month'),
      later: count('later'),
      orders: orders.length,
      tasks: tasks.length,
    },
    items,
  };
}

const feedLink = (actor: NetworkActor) =>
  ({ networkId: actor.networkId, userId: actor.userId, purpose: 'work_calendar' }) as const;

export async function workCalendarStatus(deps: Deps, actor: NetworkActor) {
  authorize(actor.role, 'work.manage');
  return { active: await hasUserLink(deps.db, feedLink(actor)) };
}

/**
 * Creates (or replaces) the person's calendar feed of due dates: earlier links stop at once, and the
 * new address is shown this one time only (only its hash is kept).
 */
export async function renewWorkCalendarLink(deps: Deps, actor: NetworkActor) {
  authorize(actor.role, 'work.manage');
  return deps.db.transaction(async (tx) => {
    const replaced = await revokeUserLinks(tx, feedLink(actor), deps.now());
    const url = await mintLink(tx, deps.config.baseUrl, feedLink(actor));
    await recordAudit(tx, auditActorOf(actor), {
      action: replaced > 0 ? 'update' : 'create',
      entityType: 'work_calendar',
      entityId: actor.networkId,
      summary:
        replaced > 0
          ? `Kalender-Abo der Fälligkeiten von ${actor.name} neu erzeugt; der frühere Link gilt nicht mehr`
          : `Kalender-Abo der Fälligkeiten für ${actor.name} eingerichtet`,
    });
    return { url };
  });
}

/** Withdraws the feed: the calendar's next fetch is answered 410. */
export async function revokeWorkCalendarLink(deps: Deps, actor: NetworkActor) {
  authorize(actor.role, 'work.manage');
  await deps.db.transaction(async (tx) => {
    const revoked = await revokeUserLinks(tx, feedLink(actor), deps.now());
    if (revoked === 0) return;
    await recordAudit(tx, auditActorOf(actor), {
      action: 'delete',
      entityType: 'work_calendar',
      entityId: actor.networkId,
      summary: `Kalender-Abo der Fälligkeiten von ${actor.name} zurückgezogen`,
    });
  });
}

/**
 * The feed behind a personal link: the owner's due dates in that network. 404 for an unknown token;
 * 410 once it was withdrawn or replaced, or when its owner no longer works in the office there.
 */
export async function workCalendarFeed(deps: Deps, token: string): Promise<string> {
  const link = await openLink(deps.db, 'work_calendar', token, 'Der Kalender').catch((err: unknown) => {
    if (err instanceof DomainError && err.code === 'links.replaced') {
      throw new DomainError(
        'links.revoked',
        'Dieses Kalender-Abo wurde zurückgezogen oder durch ein neues ersetzt. Sie finden den aktuellen Link auf „Mein Schreibtisch“.',
        'gone',
      );
    }
    throw err;
  });
  const networkId = link.networkId;
  const userId = link.userId!;
  const person = await repo.officeRoleOf(deps.db, networkId, userId);
  if (!person) {
    throw new DomainError(
      'links.term_ended',
      'Dieses Kalender-Abo gilt nicht mehr: Sie arbeiten nicht mehr im Bildungsbüro dieses Netzwerks.',
      'gone',
    );
  }
  const [orders, tasks, projects, name] = await Promise.all([
    repo.openOrdersOf(deps.db, networkId, userId),
    repo.openTasksOf(deps.db, networkId, userId),
    repo.projectReportsOf(deps.db, networkId, userId),
    networkName(deps, networkId),
  ]);
  const base = `${deps.config.baseUrl}/n/${networkId}/arbeitsprogramm`;
  const dates: DueDate[] = [];
  for (const o of orders) {
    dates.push({
      uid: `work-order-${o.id}-due@bildungsnetz`,
      day: o.dueOn,
      summary: `Fällig: ${o.number} ${o.title}`,
      description: `Arbeitsauftrag ${o.number} ist am ${formatDay(o.dueOn)} fällig.`,
      url: `${base}/auftraege/${o.id}`,
    });
    if (o.reportDueOn) {
      dates.push({
        uid: `work-order-${o.id}-report@bildungsnetz`,
        day: o.reportDueOn,
        summary: `Sachstandsbericht: ${o.number} ${o.title}`,
        description: `Der Sachstandsbericht zu ${o.number} ist am ${formatDay(o.reportDueOn)} fällig.`,
        url: `${base}/auftraege/${o.id}`,
      });
    }
  }
  for (const t of tasks.filter((x) => x.dueOn)) {
    dates.push({
      uid: `project-task-${t.id}-due@bildungsnetz`,
      day: t.dueOn!,
      summary: `Aufgabe fällig: ${t.title}`,
      description: `Aufgabe im Projekt „${t.projectTitle}“, fällig am ${formatDay(t.dueOn!)}.`,
      url: `${base}/projekte/${t.projectId}`,
    });
  }
  for (const p of projects) {
    dates.push({
      uid: `project-${p.id}-report@bildungsnetz`,
      day: p.reportDueOn!,
      summary: `Sachstandsbericht: Projekt ${p.title}`,
      description: `Der Sachstandsbericht zum Projekt „${p.title}“ ist am ${formatDay(p.reportDueOn!)} fällig.`,
      url: `${base}/projekte/${p.id}`,
    });
  }
  return dueDatesCalendar(`Fälligkeiten – ${name ?? 'Bildungsbüro'}`, dates);
}
