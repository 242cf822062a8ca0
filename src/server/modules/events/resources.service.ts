import type { z } from 'zod';
import type {
  Booking,
  BookingCreated,
  BookingInput,
  BookingRef,
  Resource,
  ResourceChange,
  ResourceInput,
} from '../../../contracts/events-programme.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound, staleVersion } from '../../http/errors.js';
import { berlinInstants } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, lastChangedBy, recordAudit } from '../audit/audit.service.js';
import { authorize, can } from '../networks/networks.policy.js';
import {
  capacityWarning,
  conflictMessage,
  firstConflict,
  type Span,
  spanText,
  validSpan,
} from './booking.rules.js';
import type { EventRow } from './events.repository.js';
import { visibleEvent } from './events.service.js';
import * as repo from './programme.repository.js';

/* Räume & Technik: the network's rooms and media, and their bookings for events and sessions. */

type ResourceInputData = z.output<typeof ResourceInput>;
type ResourceChangeData = z.output<typeof ResourceChange>;
type BookingInputData = z.output<typeof BookingInput>;

/** Who may see bookings of internal events (their titles): those who may see internal events. */
const seesInternal = (actor: NetworkActor) => can(actor.role, 'events.manage') || actor.role === 'committee';

function resourceDto(r: repo.ResourceRow, next: BookingRef[]): Resource {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    location: r.location,
    capacity: r.capacity,
    accessibility: r.accessibility,
    notes: r.notes,
    archived: r.archivedAt !== null,
    version: r.version,
    nextBookings: next,
  };
}

export async function listResources(
  deps: Deps,
  actor: NetworkActor,
  q: { archived: boolean },
): Promise<Resource[]> {
  authorize(actor.role, 'events.read');
  const rows = await repo.resourcesOf(deps.db, actor.networkId, q.archived);
  const bookings = await repo.bookingsOfResources(
    deps.db,
    actor.networkId,
    rows.map((r) => r.id),
    deps.now(),
  );
  const internal = seesInternal(actor);
  return rows.map((r) =>
    resourceDto(
      r,
      bookings
        .filter((b) => b.resourceId === r.id && (internal || b.eventPublic))
        .slice(0, 3)
        .map((b) => ({
          id: b.id,
          eventId: b.eventId,
          eventTitle: b.eventTitle,
          sessionTitle: b.sessionTitle,
          startsAt: b.startsAt.toISOString(),
          endsAt: b.endsAt.toISOString(),
        })),
    ),
  );
}

async function oneResource(deps: Deps, actor: NetworkActor, id: string): Promise<Resource> {
  const all = await listResources(deps, actor, { archived: true });
  const r = all.find((x) => x.id === id);
  if (!r) throw notFound('Der Raum oder das Gerät');
  return r;
}

export async function createResource(
  deps: Deps,
  actor: NetworkActor,
  i: ResourceInputData,
): Promise<Resource> {
  authorize(actor.role, 'events.manage');
  const id = await deps.db.transaction(async (tx) => {
    if (await repo.resourceByName(tx, actor.networkId, i.name))
      throw new DomainError('events.resource_exists', `„${i.name}“ gibt es schon.`, 'conflict');
    const r = await repo.insertResource(tx, {
      networkId: actor.networkId,
      kind: i.kind,
      name: i.name,
      location: i.location,
      capacity: i.kind === 'room' ? i.capacity : null,
      accessibility: i.kind === 'room' ? i.accessibility : [],
      notes: i.notes,
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'resource',
      entityId: r.id,
      summary: `${i.kind === 'room' ? 'Raum' : 'Technik'} „${r.name}“ angelegt`,
      after: i,
    });
    return r.id;
  });
  return oneResource(deps, actor, id);
}

export async function updateResource(
  deps: Deps,
  actor: NetworkActor,
  resourceId: string,
  i: ResourceChangeData,
): Promise<Resource> {
  authorize(actor.role, 'events.manage');
  await deps.db.transaction(async (tx) => {
    const r = await repo.resourceById(tx, actor.networkId, resourceId, true);
    if (!r) throw notFound('Der Raum oder das Gerät');
    if (r.version !== i.version)
      throw staleVersion(
        'events.resource_stale',
        `„${r.name}“`,
        await lastChangedBy(tx, actor.networkId, 'resource', r.id),
        '. Bitte laden Sie die Seite neu.',
      );
    if (i.name && i.name !== r.name) {
      const same = await repo.resourceByName(tx, actor.networkId, i.name);
      if (same) throw new DomainError('events.resource_exists', `„${i.name}“ gibt es schon.`, 'conflict');
    }
    const kind = i.kind ?? r.kind;
    const after = {
      kind,
      name: i.name ?? r.name,
      location: i.location ?? r.location,
      capacity: kind === 'room' ? (i.capacity === undefined ? r.capacity : i.capacity) : null,
      accessibility: kind === 'room' ? (i.accessibility ?? r.accessibility) : [],
      notes: i.notes ?? r.notes,
      archivedAt: i.archived === undefined ? r.archivedAt : i.archived ? (r.archivedAt ?? deps.now()) : null,
    };
    await repo.updateResource(tx, r.id, { ...after, version: r.version + 1 });
    const archivedNow = !r.archivedAt && after.archivedAt;
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'resource',
      entityId: r.id,
      summary: archivedNow ? `„${r.name}“ archiviert` : `„${after.name}“ geändert`,
      before: { ...r, archivedAt: r.archivedAt?.toISOString() ?? null },
      after: { ...after, archivedAt: after.archivedAt?.toISOString() ?? null },
    });
  });
  return oneResource(deps, actor, resourceId);
}

type BookingJoin = Awaited<ReturnType<typeof repo.bookingsOfEvent>>[number];
const bookingDto = (x: BookingJoin): Booking => ({
  id: x.b.id,
  resourceId: x.b.resourceId,
  resourceName: x.resourceName,
  resourceKind: x.resourceKind,
  capacity: x.capacity,
  sessionId: x.b.sessionId,
  sessionTitle: x.sessionTitle,
  startsAt: x.b.startsAt.toISOString(),
  endsAt: x.b.endsAt.toISOString(),
  note: x.b.note,
});

export async function listBookings(deps: Deps, actor: NetworkActor, eventId: string): Promise<Booking[]> {
  authorize(actor.role, 'events.read');
  await visibleEvent(deps.db, actor, eventId);
  return (await repo.bookingsOfEvent(deps.db, actor.networkId, eventId)).map(bookingDto);
}

/**
 * Books a resource inside the caller's transaction: the resource row is locked first (SELECT … FOR
 * UPDATE), so two bookings of it are checked one after the other and only one of two overlapping ones
 * passes. A conflict is refused (409) naming the other booking; `ignore` is a booking being replaced.
 */
export async function bookResource(
  tx: Db,
  actor: NetworkActor,
  b: {
    resourceId: string;
    event: EventRow;
    sessionId: string | null;
    span: Span;
    note?: string;
    places?: number | null;
    ignore?: string;
  },
): Promise<{ booking: repo.BookingRow; resource: repo.ResourceRow; warning: string | null }> {
  const r = await repo.resourceById(tx, actor.networkId, b.resourceId, true);
  if (!r) throw notFound('Der Raum oder das Gerät');
  if (r.archivedAt)
    throw new DomainError(
      'events.resource_archived',
      `„${r.name}“ ist archiviert und kann nicht gebucht werden.`,
      'conflict',
    );
  if (!validSpan(b.span))
    throw new DomainError('events.booking_span', 'Die Buchung muss nach ihrem Beginn enden.', 'invalid');
  const existing = (await repo.bookingsOfResources(tx, actor.networkId, [r.id])).filter(
    (x) => x.id !== b.ignore,
  );
  const conflict = firstConflict(
    b.span,
    existing.map((x) => ({
      id: x.id,
      startsAt: x.startsAt,
      endsAt: x.endsAt,
      // Titles of internal events stay hidden from those who may not see them.
      eventTitle: x.eventPublic || seesInternal(actor) ? x.eventTitle : 'eine interne Veranstaltung',
      sessionTitle: x.eventPublic || seesInternal(actor) ? x.sessionTitle : null,
    })),
  );
  if (conflict)
    throw new DomainError('events.double_booking', conflictMessage(r.name, conflict), 'conflict', {
      bookingId: conflict.id,
    });
  const booking = await repo.insertBooking(tx, {
    networkId: actor.networkId,
    resourceId: r.id,
    eventId: b.event.id,
    sessionId: b.sessionId,
    startsAt: b.span.startsAt,
    endsAt: b.span.endsAt,
    note: b.note ?? '',
    createdBy: actor.userId,
  });
  await recordAudit(tx, auditActorOf(actor), {
    action: 'create',
    entityType: 'resource_booking',
    entityId: booking.id,
    summary: `„${r.name}“ ${spanText(b.span)} für „${b.event.title}“ gebucht`,
    after: { resourceId: r.id, eventId: b.event.id, sessionId: b.sessionId },
  });
  return { booking, resource: r, warning: capacityWarning(r, b.places ?? null) };
}

export async function createBooking(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  i: BookingInputData,
): Promise<BookingCreated> {
  authorize(actor.role, 'events.manage');
  const { id, warning } = await deps.db.transaction(async (tx) => {
    const ev = await visibleEvent(tx, actor, eventId);
    const session = i.sessionId
      ? await repo.sessionById(tx, actor.networkId, eventId, i.sessionId)
      : undefined;
    if (i.sessionId && !session) throw notFound('Der Programmpunkt');
    const base = session ?? ev;
    const [startsAt, endsAt] = await berlinInstants(tx, [i.startsAt, i.endsAt] as const);
    const span = { startsAt: startsAt ?? base.startsAt, endsAt: endsAt ?? base.endsAt };
    const done = await bookResource(tx, actor, {
      resourceId: i.resourceId,
      event: ev,
      sessionId: session?.id ?? null,
      span,
      note: i.note,
      places: session?.capacity ?? null,
    });
    return { id: done.booking.id, warning: done.warning };
  });
  const all = await repo.bookingsOfEvent(deps.db, actor.networkId, eventId);
  const b = all.find((x) => x.b.id === id)!;
  return { ...bookingDto(b), warnings: warning ? [warning] : [] };
}

export async function deleteBooking(deps: Deps, actor: NetworkActor, eventId: string, bookingId: string) {
  authorize(actor.role, 'events.manage');
  await deps.db.transaction(async (tx) => {
    const ev = await visibleEvent(tx, actor, eventId);
    const b = await repo.bookingById(tx, actor.networkId, eventId, bookingId);
    if (!b) throw notFound('Die Buchung');
    const r = await repo.resourceById(tx, actor.networkId, b.resourceId);
    await repo.deleteBooking(tx, b.id);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'delete',
      entityType: 'resource_booking',
      entityId: b.id,
      summary: `Buchung von „${r?.name ?? '–'}“ für „${ev.title}“ aufgehoben`,
      before: {
        resourceId: b.resourceId,
        startsAt: b.startsAt.toISOString(),
        endsAt: b.endsAt.toISOString(),
      },
    });
  });
}
