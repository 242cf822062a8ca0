import type { z } from 'zod';
import type {
  Programme,
  PublicProgramme,
  Session,
  SessionChange,
  SessionInput,
  SessionSaved,
  Speaker,
  SpeakerChange,
  SpeakerInput,
} from '../../../contracts/events-programme.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound, staleVersion } from '../../http/errors.js';
import { berlinInstants } from '../../lib/berlin-time.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, lastChangedBy, recordAudit } from '../audit/audit.service.js';
import { personNames } from '../contacts/contacts.service.js';
import { fieldNames } from '../contract/contract.service.js';
import { authorize } from '../networks/networks.policy.js';
import { publishedNetworkId } from '../publicsite/publicsite.service.js';
import type { EventRow } from './events.repository.js';
import { visibleEvent } from './events.service.js';
import * as repo from './programme.repository.js';
import { groupSlots, sessionTimeProblem } from './programme.rules.js';
import { bookResource } from './resources.service.js';

/* The programme of an event: sessions in time slots, their rooms (booked with them) and speakers. */

type SessionInputData = z.output<typeof SessionInput>;
type SessionChangeData = z.output<typeof SessionChange>;
type SpeakerInputData = z.output<typeof SpeakerInput>;
type SpeakerChangeData = z.output<typeof SpeakerChange>;

const iso = (d: Date) => d.toISOString();

/** The sessions of an event with rooms, fields and speakers (named from the address book). */
async function sessionsWithDetails(db: Db, networkId: string, eventId: string): Promise<Session[]> {
  const rows = await repo.sessionsOfEvent(db, networkId, eventId);
  const speakers = await repo.speakersOfSessions(
    db,
    rows.map((r) => r.s.id),
  );
  const [names, fields] = await Promise.all([
    personNames(
      db,
      networkId,
      speakers.map((s) => s.personId),
    ),
    fieldNames(
      db,
      networkId,
      rows.flatMap((r) => (r.s.fieldId ? [r.s.fieldId] : [])),
    ),
  ]);
  return rows.map(({ s, roomName, roomCapacity }) => ({
    id: s.id,
    kind: s.kind,
    title: s.title,
    description: s.description,
    startsAt: iso(s.startsAt),
    endsAt: iso(s.endsAt),
    roomId: s.roomId,
    roomName,
    roomCapacity,
    place: roomName ?? s.place,
    capacity: s.capacity,
    fieldId: s.fieldId,
    fieldName: s.fieldId ? (fields.get(s.fieldId) ?? null) : null,
    speakers: speakers.filter((sp) => sp.sessionId === s.id).map((sp) => speakerDto(sp, names)),
    version: s.version,
  }));
}

const speakerDto = (sp: repo.SpeakerRow, names: Map<string, string>): Speaker => ({
  id: sp.id,
  personId: sp.personId,
  name: names.get(sp.personId) ?? '–',
  role: sp.role,
  status: sp.status,
  note: sp.note,
  version: sp.version,
});

const slotsOf = <S extends { startsAt: string; endsAt: string; title: string }>(sessions: S[]) =>
  groupSlots(
    sessions.map((s) => ({ ...s, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt), s })),
  ).map((slot) => ({
    startsAt: iso(slot.startsAt),
    endsAt: iso(slot.endsAt),
    sessions: slot.sessions.map((x) => x.s),
  }));

export async function getProgramme(deps: Deps, actor: NetworkActor, eventId: string): Promise<Programme> {
  authorize(actor.role, 'events.read');
  const ev = await visibleEvent(deps.db, actor, eventId);
  const sessions = await sessionsWithDetails(deps.db, actor.networkId, eventId);
  return {
    eventId,
    title: ev.title,
    startsAt: iso(ev.startsAt),
    endsAt: iso(ev.endsAt),
    slots: slotsOf(sessions),
  };
}

/** The public timetable: public events only; no status, no notes; only confirmed speakers by name. */
export async function publicProgramme(deps: Deps, slug: string, eventId: string): Promise<PublicProgramme> {
  const networkId = await publishedNetworkId(deps, slug);
  const ev = await repo.publicEvent(deps.db, networkId, eventId);
  if (!ev) throw notFound('Die Veranstaltung');
  const sessions = await sessionsWithDetails(deps.db, networkId, eventId);
  const shown = new Set(['confirmed', 'materials_received']);
  return {
    eventId,
    title: ev.title,
    slots: slotsOf(
      sessions.map((s) => ({
        id: s.id,
        kind: s.kind,
        title: s.title,
        description: s.description,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        place: s.place,
        capacity: s.capacity,
        speakers: s.speakers
          .filter((sp) => shown.has(sp.status))
          .map((sp) => ({ name: sp.name, role: sp.role })),
      })),
    ),
  };
}

async function oneSession(db: Db, actor: NetworkActor, eventId: string, sessionId: string): Promise<Session> {
  const s = (await sessionsWithDetails(db, actor.networkId, eventId)).find((x) => x.id === sessionId);
  if (!s) throw notFound('Der Programmpunkt');
  return s;
}

function checkTime(span: { startsAt: Date; endsAt: Date }, ev: EventRow) {
  const problem = sessionTimeProblem(span, ev);
  if (problem) throw new DomainError('events.session_time', problem, 'invalid');
}

async function checkField(db: Db, actor: NetworkActor, fieldId: string | null) {
  if (!fieldId) return;
  const names = await fieldNames(db, actor.networkId, [fieldId]);
  if (!names.has(fieldId))
    throw new DomainError(
      'events.field_unknown',
      'Dieses Handlungsfeld gibt es im Netzwerk nicht.',
      'invalid',
    );
}

/** A room of the session must be a room (not a device); the check before booking it. */
async function checkRoom(db: Db, actor: NetworkActor, roomId: string | null) {
  if (!roomId) return;
  const r = await repo.resourceById(db, actor.networkId, roomId);
  if (!r) throw notFound('Der Raum');
  if (r.kind !== 'room')
    throw new DomainError(
      'events.not_a_room',
      `„${r.name}“ ist kein Raum. Bitte buchen Sie Technik unter „Buchungen“.`,
      'invalid',
    );
}

export async function createSession(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  i: SessionInputData,
): Promise<SessionSaved> {
  authorize(actor.role, 'events.manage');
  const { id, warnings } = await deps.db.transaction(async (tx) => {
    const [startsAt, endsAt] = await berlinInstants(tx, [i.startsAt, i.endsAt] as const);
    const span = { startsAt, endsAt };
    const ev = await visibleEvent(tx, actor, eventId, { lock: true });
    checkTime(span, ev);
    await checkField(tx, actor, i.fieldId);
    await checkRoom(tx, actor, i.roomId);
    const s = await repo.insertSession(tx, {
      networkId: actor.networkId,
      eventId,
      kind: i.kind,
      title: i.title,
      description: i.description,
      ...span,
      roomId: i.roomId,
      place: i.roomId ? '' : i.place,
      capacity: i.capacity,
      fieldId: i.fieldId,
    });
    const warnings: string[] = [];
    if (i.roomId) {
      const booked = await bookResource(tx, actor, {
        resourceId: i.roomId,
        event: ev,
        sessionId: s.id,
        span,
        places: i.capacity,
      });
      if (booked.warning) warnings.push(booked.warning);
    }
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'event_session',
      entityId: s.id,
      summary: `Programmpunkt „${s.title}“ in „${ev.title}“ angelegt`,
      after: { ...i, startsAt: iso(startsAt), endsAt: iso(endsAt) },
    });
    return { id: s.id, warnings };
  });
  return { ...(await oneSession(deps.db, actor, eventId, id)), warnings };
}

export async function updateSession(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  sessionId: string,
  i: SessionChangeData,
): Promise<SessionSaved> {
  authorize(actor.role, 'events.manage');
  const warnings = await deps.db.transaction(async (tx) => {
    const ev = await visibleEvent(tx, actor, eventId, { lock: true });
    const s = await repo.sessionById(tx, actor.networkId, eventId, sessionId, true);
    if (!s) throw notFound('Der Programmpunkt');
    if (s.version !== i.version)
      throw staleVersion(
        'events.session_stale',
        `Der Programmpunkt „${s.title}“`,
        await lastChangedBy(tx, actor.networkId, 'event_session', s.id),
        '. Bitte laden Sie die Seite neu und prüfen Sie die Änderung.',
      );
    const [startsAt, endsAt] = await berlinInstants(tx, [i.startsAt, i.endsAt] as const);
    const after = {
      kind: i.kind ?? s.kind,
      title: i.title ?? s.title,
      description: i.description ?? s.description,
      startsAt: startsAt ?? s.startsAt,
      endsAt: endsAt ?? s.endsAt,
      roomId: i.roomId === undefined ? s.roomId : i.roomId,
      place: i.place ?? s.place,
      capacity: i.capacity === undefined ? s.capacity : i.capacity,
      fieldId: i.fieldId === undefined ? s.fieldId : i.fieldId,
    };
    checkTime(after, ev);
    if (after.fieldId !== s.fieldId) await checkField(tx, actor, after.fieldId);
    if (after.roomId !== s.roomId) await checkRoom(tx, actor, after.roomId);
    const timeChanged =
      after.startsAt.getTime() !== s.startsAt.getTime() || after.endsAt.getTime() !== s.endsAt.getTime();
    const warnings: string[] = [];
    // The room's booking follows the session: released, then booked again (refused on a conflict).
    const old = s.roomId ? await repo.roomBookingOfSession(tx, s.id, s.roomId) : undefined;
    if (after.roomId !== s.roomId || timeChanged || after.capacity !== s.capacity) {
      if (old) await repo.deleteBooking(tx, old.id);
      if (after.roomId) {
        const booked = await bookResource(tx, actor, {
          resourceId: after.roomId,
          event: ev,
          sessionId: s.id,
          span: after,
          places: after.capacity,
        });
        if (booked.warning) warnings.push(booked.warning);
      }
    }
    // Media booked for the session move with it (without a new conflict check they could collide:
    // they are checked like new bookings).
    if (timeChanged) {
      for (const b of await repo.otherBookingsOfSession(tx, s.id, after.roomId)) {
        await repo.deleteBooking(tx, b.id);
        await bookResource(tx, actor, {
          resourceId: b.resourceId,
          event: ev,
          sessionId: s.id,
          span: after,
          note: b.note,
        });
      }
    }
    await repo.updateSession(tx, s.id, {
      ...after,
      place: after.roomId ? '' : after.place,
      version: s.version + 1,
    });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'event_session',
      entityId: s.id,
      summary: `Programmpunkt „${after.title}“ in „${ev.title}“ geändert`,
      before: { ...s, startsAt: iso(s.startsAt), endsAt: iso(s.endsAt) },
      after: { ...after, startsAt: iso(after.startsAt), endsAt: iso(after.endsAt) },
    });
    return warnings;
  });
  return { ...(await oneSession(deps.db, actor, eventId, sessionId)), warnings };
}

export async function deleteSession(deps: Deps, actor: NetworkActor, eventId: string, sessionId: string) {
  authorize(actor.role, 'events.manage');
  await deps.db.transaction(async (tx) => {
    const ev = await visibleEvent(tx, actor, eventId, { lock: true });
    const s = await repo.sessionById(tx, actor.networkId, eventId, sessionId, true);
    if (!s) throw notFound('Der Programmpunkt');
    // Its bookings and speakers go with it (cascade).
    await repo.deleteSession(tx, s.id);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'delete',
      entityType: 'event_session',
      entityId: s.id,
      summary: `Programmpunkt „${s.title}“ aus „${ev.title}“ entfernt`,
      before: { title: s.title, startsAt: iso(s.startsAt), endsAt: iso(s.endsAt) },
    });
  });
}

async function sessionForSpeakers(tx: Db, actor: NetworkActor, eventId: string, sessionId: string) {
  await visibleEvent(tx, actor, eventId);
  const s = await repo.sessionById(tx, actor.networkId, eventId, sessionId);
  if (!s) throw notFound('Der Programmpunkt');
  return s;
}

export async function addSpeaker(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  sessionId: string,
  i: SpeakerInputData,
): Promise<Speaker> {
  authorize(actor.role, 'events.manage');
  const id = await deps.db.transaction(async (tx) => {
    const s = await sessionForSpeakers(tx, actor, eventId, sessionId);
    const names = await personNames(tx, actor.networkId, [i.personId]);
    const name = names.get(i.personId);
    if (name === undefined) throw notFound('Die Person');
    const sp = await repo.insertSpeaker(tx, {
      networkId: actor.networkId,
      sessionId: s.id,
      personId: i.personId,
      role: i.role,
      status: i.status,
      note: i.note,
    });
    if (!sp)
      throw new DomainError(
        'events.speaker_exists',
        `${name} ist bei „${s.title}“ schon eingetragen.`,
        'conflict',
      );
    await recordAudit(tx, auditActorOf(actor), {
      action: 'create',
      entityType: 'session_speaker',
      entityId: sp.id,
      summary: `${name} als ${i.role === 'speaker' ? 'Referent/in' : 'Moderation'} für „${s.title}“ eingetragen`,
      after: i,
    });
    return sp.id;
  });
  return oneSpeaker(deps.db, actor, sessionId, id);
}

async function oneSpeaker(db: Db, actor: NetworkActor, sessionId: string, id: string): Promise<Speaker> {
  const sp = await repo.speakerById(db, sessionId, id);
  if (!sp) throw notFound('Die Mitwirkung');
  return speakerDto(sp, await personNames(db, actor.networkId, [sp.personId]));
}

export async function updateSpeaker(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  sessionId: string,
  speakerId: string,
  i: SpeakerChangeData,
): Promise<Speaker> {
  authorize(actor.role, 'events.manage');
  await deps.db.transaction(async (tx) => {
    const s = await sessionForSpeakers(tx, actor, eventId, sessionId);
    const sp = await repo.speakerById(tx, s.id, speakerId);
    if (!sp) throw notFound('Die Mitwirkung');
    if (sp.version !== i.version)
      throw staleVersion(
        'events.speaker_stale',
        'Die Mitwirkung',
        await lastChangedBy(tx, actor.networkId, 'session_speaker', sp.id),
        '. Bitte laden Sie die Seite neu.',
      );
    const after = { role: i.role ?? sp.role, status: i.status ?? sp.status, note: i.note ?? sp.note };
    await repo.updateSpeaker(tx, sp.id, { ...after, version: sp.version + 1 });
    await recordAudit(tx, auditActorOf(actor), {
      action: 'update',
      entityType: 'session_speaker',
      entityId: sp.id,
      summary: `Mitwirkung bei „${s.title}“ geändert`,
      before: { role: sp.role, status: sp.status, note: sp.note },
      after,
    });
  });
  return oneSpeaker(deps.db, actor, sessionId, speakerId);
}

export async function removeSpeaker(
  deps: Deps,
  actor: NetworkActor,
  eventId: string,
  sessionId: string,
  speakerId: string,
) {
  authorize(actor.role, 'events.manage');
  await deps.db.transaction(async (tx) => {
    const s = await sessionForSpeakers(tx, actor, eventId, sessionId);
    const sp = await repo.speakerById(tx, s.id, speakerId);
    if (!sp) throw notFound('Die Mitwirkung');
    await repo.deleteSpeaker(tx, sp.id);
    await recordAudit(tx, auditActorOf(actor), {
      action: 'delete',
      entityType: 'session_speaker',
      entityId: sp.id,
      summary: `Mitwirkung bei „${s.title}“ entfernt`,
      before: { personId: sp.personId, role: sp.role, status: sp.status },
    });
  });
}
