import type { z } from 'zod';
import type { EventStatus, EventType } from '../../../contracts/events.js';
import type {
  EventDetail,
  EventInput,
  EventPatch,
  EventSummary,
  EventsQuery,
  EventTask,
  PublicEvent,
  PublicEventList,
  TaskInput,
  TaskPatch,
  TemplateInput,
} from '../../../contracts/events-planning.js';
import { DomainError, notFound, staleVersion } from '../../http/errors.js';
import { berlinDay, berlinInstant } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, lastChangedBy, recordAudit } from '../audit/audit.service.js';
import { fieldNames } from '../contract/contract.service.js';
import { authorize } from '../networks/networks.policy.js';
import { publishedNetworkId } from '../publicsite/publicsite.service.js';
import { decisionsByIds } from '../steering/steering.service.js';
import { addTraceLink, removeTraceLink } from '../trace/trace.service.js';
import { defaultTemplates, dueOn, isOverdue, type TemplateStep } from './checklist.rules.js';
import type { EventRow } from './events.repository.js';
import { visibleEvent } from './events.service.js';
import * as repo from './planning.repository.js';
import { assertStatusStep, nextStatuses, statusLabel } from './planning.rules.js';

/* Events planning: the events, their status steps, the checklist; the public list and calendar feed. */

type Input = z.output<typeof EventInput>;
type Patch = z.output<typeof EventPatch>;
type Query = z.output<typeof EventsQuery>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const sqlInstant = (local: string) => berlinInstant(local) as unknown as Date;

function taskDto(t: repo.TaskRow, assigneeName: string | null, today: string): EventTask {
  return {
    id: t.id,
    position: t.position,
    title: t.title,
    dueOn: t.dueOn,
    assigneeId: t.assigneeId,
    assigneeName,
    doneAt: iso(t.doneAt),
    overdue: isOverdue(t, today),
    version: t.version,
  };
}

/** The conference first within its year, then by date; the newest year first. */
export function eventOrder(a: EventRow, b: EventRow): number {
  const ya = berlinDay(a.startsAt).slice(0, 4);
  const yb = berlinDay(b.startsAt).slice(0, 4);
  if (ya !== yb) return ya < yb ? 1 : -1;
  const ca = a.type === 'conference' ? 0 : 1;
  const cb = b.type === 'conference' ? 0 : 1;
  if (ca !== cb) return ca - cb;
  return a.startsAt.getTime() - b.startsAt.getTime();
}

async function summaries(deps: Deps, actor: NetworkActor, rows: EventRow[]): Promise<EventSummary[]> {
  const ids = rows.map((r) => r.id);
  const [counts, tasks] = await Promise.all([
    repo.placeCounts(deps.db, actor.networkId, ids),
    repo.tasksOfEvents(deps.db, actor.networkId, ids),
  ]);
  const today = berlinDay(deps.now());
  return rows.map((e) => {
    const own = tasks.filter((t) => t.t.eventId === e.id).map((t) => t.t);
    return {
      id: e.id,
      type: e.type,
      title: e.title,
      startsAt: e.startsAt.toISOString(),
      endsAt: e.endsAt.toISOString(),
      venue: e.venue,
      public: e.public,
      status: e.status,
      cancelledAt: iso(e.cancelledAt),
      capacity: e.capacity,
      registered: counts.get(e.id)?.registered ?? 0,
      waiting: counts.get(e.id)?.waiting ?? 0,
      openTasks: own.filter((t) => !t.doneAt).length,
      overdueTasks: own.filter((t) => isOverdue(t, today)).length,
    };
  });
}

export async function listEvents(deps: Deps, actor: NetworkActor, q: Query): Promise<EventSummary[]> {
  authorize(actor.role, 'events.read');
  const internalToo = actor.role !== 'partner';
  const rows = await repo.eventsOf(deps.db, actor.networkId, { ...q, publicOnly: !internalToo });
  return summaries(deps, actor, rows.sort(eventOrder));
}

export async function getEvent(deps: Deps, actor: NetworkActor, eventId: string): Promise<EventDetail> {
  authorize(actor.role, 'events.read');
  const e = await visibleEvent(deps.db, actor, eventId);
  const [[summary], fieldIds, tasks, staff] = await Promise.all([
    summaries(deps, actor, [e]),
    repo.fieldIdsOf(deps.db, e.id),
    repo.tasksOfEvents(deps.db, actor.networkId, [e.id]),
    repo.officeStaff(deps.db, actor.networkId),
  ]);
  const [fields, decisions] = await Promise.all([
    fieldNames(deps.db, actor.networkId, fieldIds),
    e.approvedByDecisionId ? decisionsByIds(deps.db, actor.networkId, [e.approvedByDecisionId]) : [],
  ]);
  const d = decisions[0];
  const today = berlinDay(deps.now());
  return {
    ...summary!,
    description: e.description,
    venueAddress: e.venueAddress,
    fields: fieldIds.map((id) => ({ id, name: fields.get(id) ?? '–' })),
    targetGroups: e.targetGroups,
    organizerId: e.organizerId,
    organizerName: staff.find((s) => s.id === e.organizerId)?.name ?? null,
    organizer: e.organizer,
    registrationDeadline: iso(e.registrationDeadline),
    offerHours: e.offerHours,
    approvedBy: d ? { id: d.id, number: d.number, title: d.title, decidedOn: d.decidedOn } : null,
    nextStatuses: nextStatuses(e.status, e.cancelledAt !== null),
    tasks: tasks.map((t) => taskDto(t.t, t.assigneeName, today)),
    version: e.version,
    updatedAt: e.updatedAt.toISOString(),
  };
}

/** Fields of action, organiser and approving decision must be the network's own (400 otherwise). */
async function checkRefs(
  deps: Deps,
  actor: NetworkActor,
  i: { fieldIds?: string[]; organizerId?: string | null; approvedByDecisionId?: string | null },
) {
  if (i.fieldIds?.length) {
    const names = await fieldNames(deps.db, actor.networkId, i.fieldIds);
    if (i.fieldIds.some((id) => !names.has(id)))
      throw new DomainError(
        'events.field_unknown',
        'Dieses Handlungsfeld gibt es im Netzwerk nicht.',
        'invalid',
      );
  }
  if (i.organizerId) {
    const staff = await repo.officeStaff(deps.db, actor.networkId);
    if (!staff.some((s) => s.id === i.organizerId))
      throw new DomainError(
        'events.organizer_unknown',
        'Die Organisation kann nur jemand aus dem Bildungsbüro übernehmen.',
        'invalid',
      );
  }
  if (i.approvedByDecisionId) {
    const [d] = await decisionsByIds(deps.db, actor.networkId, [i.approvedByDecisionId]);
    if (!d)
      throw new DomainError(
        'events.decision_unknown',
        'Diesen Beschluss gibt es im Netzwerk nicht (es zählen nur gefasste Beschlüsse).',
        'invalid',
      );
    return d;
  }
  return undefined;
}

/** The template of a type: the network's own, or the built-in default. */
async function templateOf(deps: Deps, networkId: string, type: EventType) {
  const own = await repo.templateSteps(deps.db, networkId, type);
  if (own.length)
    return {
      own: true,
      steps: own.map((s) => ({ title: s.title, offsetDays: s.offsetDays, anchor: s.anchor })),
    };
  return { own: false, steps: defaultTemplates[type] };
}

const decidedAt = (day: string) => new Date(`${day}T12:00:00Z`);

export async function createEvent(
  deps: Deps,
  actor: NetworkActor,
  i: Input,
  opts: { example?: boolean } = {},
) {
  authorize(actor.role, 'events.manage');
  const decision = await checkRefs(deps, actor, i);
  const template = await templateOf(deps, actor.networkId, i.type);
  const id = await deps.db.transaction(async (tx) => {
    const e = await repo.insertEvent(tx, {
      networkId: actor.networkId,
      type: i.type,
      title: i.title,
      description: i.description,
      startsAt: sqlInstant(i.startsAt),
      endsAt: sqlInstant(i.endsAt),
      venue: i.venue,
      venueAddress: i.venueAddress,
      targetGroups: i.targetGroups,
      organizerId: i.organizerId,
      organizer: i.organizer,
      public: i.public,
      capacity: i.capacity,
      registrationDeadline: i.registrationDeadline ? sqlInstant(i.registrationDeadline) : null,
      offerHours: i.offerHours,
      approvedByDecisionId: i.approvedByDecisionId,
      example: opts.example ?? false,
      createdBy: actor.userId,
    });
    await repo.setFields(tx, e.id, i.fieldIds);
    const startDay = i.startsAt.slice(0, 10);
    const endDay = i.endsAt.slice(0, 10);
    await repo.insertTasks(
      tx,
      template.steps.map((s: TemplateStep, position) => ({
        networkId: actor.networkId,
        eventId: e.id,
        position,
        title: s.title,
        dueOn: dueOn(s, startDay, endDay),
        assigneeId: i.organizerId,
      })),
    );
    if (decision)
      await addTraceLink(
        tx,
        actor,
        { kind: 'decision', id: decision.id },
        { kind: 'event', id: e.id },
        'approves_programme',
        decidedAt(decision.decidedOn),
      );
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'event',
      entityId: e.id,
      summary: `Veranstaltung „${e.title}“ angelegt (${template.steps.length} Planungsschritte)`,
      after: { ...i },
    });
    return e.id;
  });
  return getEvent(deps, actor, id);
}

const editable = [
  'type',
  'title',
  'description',
  'venue',
  'venueAddress',
  'targetGroups',
  'organizerId',
  'organizer',
  'public',
  'capacity',
  'offerHours',
  'approvedByDecisionId',
] as const;

export async function updateEvent(deps: Deps, actor: NetworkActor, eventId: string, p: Patch) {
  authorize(actor.role, 'events.manage');
  const decision = await checkRefs(deps, actor, p);
  await deps.db.transaction(async (tx) => {
    const e = await visibleEvent(tx, actor, eventId, { lock: true });
    if (p.version !== e.version)
      throw staleVersion(
        'events.stale',
        'Die Veranstaltung',
        await lastChangedBy(tx, actor.networkId, 'event', e.id),
        '. Bitte laden Sie die Seite neu.',
      );
    const set: Partial<repo.EventInsert> = {};
    for (const k of editable) if (p[k] !== undefined) (set as Record<string, unknown>)[k] = p[k];
    if (p.startsAt) set.startsAt = sqlInstant(p.startsAt);
    if (p.endsAt) set.endsAt = sqlInstant(p.endsAt);
    if (p.registrationDeadline !== undefined)
      set.registrationDeadline = p.registrationDeadline ? sqlInstant(p.registrationDeadline) : null;
    await repo.updateEvent(tx, e.id, { ...set, version: e.version + 1, updatedAt: deps.now() });
    // The times are checked together once stored: only one of them may have changed.
    const after = (await visibleEvent(tx, actor, eventId))!;
    if (after.endsAt <= after.startsAt)
      throw new DomainError('events.times', 'Das Ende muss nach dem Beginn liegen.', 'invalid');
    if (after.registrationDeadline && after.registrationDeadline >= after.endsAt)
      throw new DomainError(
        'events.deadline',
        'Der Anmeldeschluss muss vor dem Ende der Veranstaltung liegen.',
        'invalid',
      );
    if (p.fieldIds) await repo.setFields(tx, e.id, p.fieldIds);
    if (p.approvedByDecisionId !== undefined && p.approvedByDecisionId !== e.approvedByDecisionId) {
      if (e.approvedByDecisionId)
        await removeTraceLink(
          tx,
          actor.networkId,
          { kind: 'decision', id: e.approvedByDecisionId },
          { kind: 'event', id: e.id },
          'approves_programme',
        );
      if (decision)
        await addTraceLink(
          tx,
          actor,
          { kind: 'decision', id: decision.id },
          { kind: 'event', id: e.id },
          'approves_programme',
          decidedAt(decision.decidedOn),
        );
    }
    const before = Object.fromEntries(editable.map((k) => [k, e[k]]));
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'event',
      entityId: e.id,
      summary: `Veranstaltung „${after.title}“ geändert`,
      before: { ...before, startsAt: e.startsAt, endsAt: e.endsAt },
      after: { ...p },
    });
  });
  return getEvent(deps, actor, eventId);
}

export async function changeStatus(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  i: { status: EventStatus; version: number },
) {
  authorize(actor.role, 'events.manage');
  await deps.db.transaction(async (tx) => {
    const e = await visibleEvent(tx, actor, eventId, { lock: true });
    if (i.version !== e.version)
      throw staleVersion(
        'events.stale',
        'Die Veranstaltung',
        await lastChangedBy(tx, actor.networkId, 'event', e.id),
        '. Bitte laden Sie die Seite neu.',
      );
    assertStatusStep(e.status, i.status, e.cancelledAt !== null);
    await repo.updateEvent(tx, e.id, { status: i.status, version: e.version + 1, updatedAt: deps.now() });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'event',
      entityId: e.id,
      summary: `Veranstaltung „${e.title}“: Stand „${statusLabel[e.status]}“ → „${statusLabel[i.status]}“`,
      before: { status: e.status },
      after: { status: i.status },
    });
  });
  return getEvent(deps, actor, eventId);
}

export async function cancelEvent(deps: Deps, actor: NetworkActor, eventId: string, i: { version: number }) {
  authorize(actor.role, 'events.manage');
  await deps.db.transaction(async (tx) => {
    const e = await visibleEvent(tx, actor, eventId, { lock: true });
    if (i.version !== e.version)
      throw staleVersion(
        'events.stale',
        'Die Veranstaltung',
        await lastChangedBy(tx, actor.networkId, 'event', e.id),
        '. Bitte laden Sie die Seite neu.',
      );
    if (e.cancelledAt)
      throw new DomainError('events.cancelled', 'Die Veranstaltung ist bereits abgesagt.', 'conflict');
    await repo.updateEvent(tx, e.id, {
      cancelledAt: deps.now(),
      version: e.version + 1,
      updatedAt: deps.now(),
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'event',
      entityId: e.id,
      summary: `Veranstaltung „${e.title}“ abgesagt`,
    });
  });
  return getEvent(deps, actor, eventId);
}

/* The checklist of one event. */

async function assertAssignee(deps: Deps, actor: NetworkActor, assigneeId: string | null | undefined) {
  if (!assigneeId) return;
  const staff = await repo.officeStaff(deps.db, actor.networkId);
  if (!staff.some((s) => s.id === assigneeId))
    throw new DomainError(
      'events.assignee_unknown',
      'Zuständig kann nur jemand aus dem Bildungsbüro sein.',
      'invalid',
    );
}

export async function addTask(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  i: z.output<typeof TaskInput>,
) {
  authorize(actor.role, 'events.manage');
  await assertAssignee(deps, actor, i.assigneeId);
  await deps.db.transaction(async (tx) => {
    const e = await visibleEvent(tx, actor, eventId, { lock: true });
    const position = await repo.nextTaskPosition(tx, e.id);
    const [t] = await repo.insertTasks(tx, [{ networkId: actor.networkId, eventId: e.id, position, ...i }]);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'event_task',
      entityId: t!.id,
      summary: `Planungsschritt „${i.title}“ zu „${e.title}“ hinzugefügt`,
      after: i,
    });
  });
  return getEvent(deps, actor, eventId);
}

export async function updateTask(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  taskId: string,
  p: z.output<typeof TaskPatch>,
) {
  authorize(actor.role, 'events.manage');
  await assertAssignee(deps, actor, p.assigneeId);
  await deps.db.transaction(async (tx) => {
    const e = await visibleEvent(tx, actor, eventId);
    const t = await repo.taskById(tx, actor.networkId, e.id, taskId, true);
    if (!t) throw notFound('Der Planungsschritt');
    if (p.version !== t.version)
      throw staleVersion(
        'events.task_stale',
        'Der Planungsschritt',
        await lastChangedBy(tx, actor.networkId, 'event_task', t.id),
        '. Bitte laden Sie die Seite neu.',
      );
    const set: Partial<typeof t> = {};
    if (p.title !== undefined) set.title = p.title;
    if (p.dueOn !== undefined) set.dueOn = p.dueOn;
    if (p.assigneeId !== undefined) set.assigneeId = p.assigneeId;
    if (p.done !== undefined) {
      set.doneAt = p.done ? (t.doneAt ?? deps.now()) : null;
      set.doneBy = p.done ? (t.doneBy ?? actor.userId) : null;
    }
    await repo.updateTask(tx, t.id, { ...set, version: t.version + 1 });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'event_task',
      entityId: t.id,
      summary:
        p.done === undefined
          ? `Planungsschritt „${set.title ?? t.title}“ geändert`
          : `Planungsschritt „${t.title}“ ${p.done ? 'erledigt' : 'wieder offen'}`,
      before: { title: t.title, dueOn: t.dueOn, assigneeId: t.assigneeId, done: t.doneAt !== null },
      after: p,
    });
  });
  return getEvent(deps, actor, eventId);
}

export async function deleteTask(deps: Deps, actor: NetworkActor, eventId: string, taskId: string) {
  authorize(actor.role, 'events.manage');
  await deps.db.transaction(async (tx) => {
    const e = await visibleEvent(tx, actor, eventId);
    const t = await repo.taskById(tx, actor.networkId, e.id, taskId, true);
    if (!t) throw notFound('Der Planungsschritt');
    await repo.deleteTask(tx, t.id);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'delete',
      entityType: 'event_task',
      entityId: t.id,
      summary: `Planungsschritt „${t.title}“ von „${e.title}“ entfernt`,
      before: { title: t.title, dueOn: t.dueOn },
    });
  });
  return getEvent(deps, actor, eventId);
}

/* Checklist templates per event type. */

export async function getTemplate(deps: Deps, actor: NetworkActor, type: EventType) {
  authorize(actor.role, 'events.manage');
  return { type, ...(await templateOf(deps, actor.networkId, type)) };
}

export async function putTemplate(
  deps: Deps,
  actor: NetworkActor,
  type: EventType,
  i: z.output<typeof TemplateInput>,
) {
  authorize(actor.role, 'events.manage');
  await deps.db.transaction(async (tx) => {
    const before = await repo.templateSteps(tx, actor.networkId, type);
    await repo.replaceTemplate(tx, actor.networkId, type, i.steps);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'checklist_template',
      entityId: actor.networkId,
      summary: `Planungsvorlage für ${type} gespeichert (${i.steps.length} Schritte)`,
      before: before.map((s) => ({ title: s.title, offsetDays: s.offsetDays, anchor: s.anchor })),
      after: i.steps,
    });
  });
  return getTemplate(deps, actor, type);
}

export async function listOfficeStaff(deps: Deps, actor: NetworkActor) {
  authorize(actor.role, 'events.manage');
  return repo.officeStaff(deps.db, actor.networkId);
}

/* Public: the network's public events and its calendar feed. */

function publicDto(e: EventRow, now: Date): PublicEvent {
  return {
    id: e.id,
    type: e.type,
    title: e.title,
    description: e.description,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    venue: e.venue,
    venueAddress: e.venueAddress,
    organizer: e.organizer,
    status: e.status,
    capacity: e.capacity,
    registrationDeadline: iso(e.registrationDeadline),
    registrationOpen:
      e.status === 'registration_open' && (!e.registrationDeadline || now < e.registrationDeadline),
    targetGroups: e.targetGroups,
  };
}

async function publicRows(deps: Deps, slug: string) {
  const networkId = await publishedNetworkId(deps, slug);
  const rows = await repo.eventsOf(deps.db, networkId, { publicOnly: true });
  return rows.filter((e) => !e.cancelledAt);
}

export async function listPublicEvents(deps: Deps, slug: string): Promise<PublicEventList> {
  const now = deps.now();
  const rows = await publicRows(deps, slug);
  return {
    upcoming: rows.filter((e) => e.endsAt >= now).map((e) => publicDto(e, now)),
    past: rows
      .filter((e) => e.endsAt < now)
      .reverse()
      .map((e) => publicDto(e, now)),
  };
}

export async function getPublicEvent(deps: Deps, slug: string, eventId: string): Promise<PublicEvent> {
  const rows = await publicRows(deps, slug);
  const e = rows.find((r) => r.id === eventId);
  if (!e) throw notFound('Die Veranstaltung');
  return publicDto(e, deps.now());
}

export { publicRows as publicEventRows };
