import { and, eq } from 'drizzle-orm';
import * as t from '../db/schema.js';
import type { Deps } from '../lib/context.js';
import { addWalkIn, checkIn, setSessionAttendance } from '../modules/events/checkin.service.js';
import { demoOffice } from './demo-office.js';

/*
 * The day of last year's Bildungskonferenz 2026 in the demo network: most registrations checked in at the
 * door between 8:40 and 9:20, attendance ticked per session, two walk-ins — entered through the check-in
 * use cases with the clock of that morning. The conference, its programme and its registrations come from
 * the planning, programme and registration parts; should they be missing (this part alone), a minimal
 * conference is set up here first. Idempotent: a conference with walk-ins is left alone.
 */

const TITLE = 'Bildungskonferenz 2026';

const invented = [
  ['Anna', 'Beispiel-Müller', 'Beispiel-Gesamtschule Meschede'],
  ['Bernd', 'Muster', 'Beispiel-Berufskolleg Olsberg'],
  ['Carla', 'Probst', 'Beispiel-Grundschule Brilon'],
  ['Deniz', 'Yıldız', 'Jobcenter Hochsauerlandkreis (Beispiel)'],
  ['Eva', 'Lorenz', 'Beispiel-Realschule Arnsberg'],
  ['Frank', 'Schäfer', 'Beispiel-Kita Sonnenschein'],
  ['Gül', 'Aydın', 'Beispiel-Volkshochschule Hochsauerland'],
  ['Hanna', 'Vogt', 'Beispiel-Gymnasium Winterberg'],
  ['Ivo', 'Kranz', 'Beispiel-Förderschule Meschede'],
  ['Jana', 'Odenthal', 'Beispiel-Jugendamt Hochsauerlandkreis'],
] as const;

async function minimalConference(deps: Deps, networkId: string) {
  const db = deps.db;
  const [ev] = await db
    .insert(t.event)
    .values({
      networkId,
      type: 'conference',
      title: TITLE,
      description: 'Die jährliche Bildungskonferenz des Netzwerks (Beispiel).',
      startsAt: new Date('2026-06-18T07:00:00Z'),
      endsAt: new Date('2026-06-18T14:00:00Z'),
      venue: 'Kreishaus Meschede',
      public: true,
      status: 'held',
      capacity: 120,
      example: true,
    })
    .returning();
  const sessions = await db
    .insert(t.eventSession)
    .values(
      (
        [
          ['plenary', 'Eröffnung und Impulsvortrag', '07:00', '08:30', 'Kreistagssaal'],
          ['workshop', 'Workshop 1: Übergang Schule–Beruf', '09:00', '10:30', 'Sitzungsraum 1'],
          ['workshop', 'Workshop 2: Ganztag in der Grundschule', '09:00', '10:30', 'Sitzungsraum 2'],
        ] as const
      ).map(([kind, title, from, to, place], position) => ({
        networkId,
        eventId: ev!.id,
        kind,
        title,
        place,
        position,
        startsAt: new Date(`2026-06-18T${from}:00Z`),
        endsAt: new Date(`2026-06-18T${to}:00Z`),
        capacity: kind === 'workshop' ? 30 : null,
      })),
    )
    .returning();
  for (const [i, [firstName, lastName, institution]] of invented.entries()) {
    const [r] = await db
      .insert(t.registration)
      .values({
        networkId,
        eventId: ev!.id,
        firstName,
        lastName,
        institution,
        email: `${firstName.toLowerCase()}.beispiel@example.org`,
        status: 'confirmed',
        source: 'public',
        createdAt: new Date('2026-05-10T10:00:00Z'),
      })
      .returning();
    await db.insert(t.registrationChoice).values({
      networkId,
      registrationId: r!.id,
      sessionId: sessions[1 + (i % 2)]!.id,
      priority: 1,
      status: 'confirmed',
    });
  }
  return ev!;
}

export async function seedEventsCheckinDemo(deps: Deps, networkId: string): Promise<void> {
  const db = deps.db;
  let [ev] = await db
    .select()
    .from(t.event)
    .where(and(eq(t.event.networkId, networkId), eq(t.event.title, TITLE), eq(t.event.example, true)));
  if (!ev) ev = await minimalConference(deps, networkId);
  const regs = await db.select().from(t.registration).where(eq(t.registration.eventId, ev.id));
  if (regs.some((r) => r.walkIn) || ev.anonymisedAt) return;
  const actor = (await demoOffice(db, networkId))!;
  // The door opened at 8:40 (Berlin); one person every minute or so.
  const start = ev.startsAt.getTime() - 20 * 60_000;
  const at = (minute: number) => ({ ...deps, now: () => new Date(start + minute * 60_000) });
  const confirmed = regs.filter((r) => r.status === 'confirmed' && !r.cancelledAt && !r.checkedInAt);
  // Most came: every one but each seventh.
  const came = confirmed.filter((_, i) => i % 7 !== 6);
  for (const [i, r] of came.entries())
    await checkIn(at(Math.round((i * 40) / came.length)), actor, ev.id, r.id);
  await addWalkIn(at(38), actor, ev.id, {
    firstName: 'Lena',
    lastName: 'Spontan',
    institution: 'Beispiel-Offene Ganztagsschule Bestwig',
    function: 'Koordination Ganztag',
  });
  await addWalkIn(at(41), actor, ev.id, {
    firstName: 'Malte',
    lastName: 'Kurzentschlossen',
    institution: 'Beispiel-Stadtbibliothek Schmallenberg',
    function: '',
  });
  const cameIds = new Set(came.map((r) => r.id));
  const sessions = await db.select().from(t.eventSession).where(eq(t.eventSession.eventId, ev.id));
  const choices = await db
    .select()
    .from(t.registrationChoice)
    .where(eq(t.registrationChoice.networkId, networkId));
  for (const s of sessions.filter((x) => x.kind !== 'break')) {
    const ids =
      s.kind === 'plenary'
        ? [...cameIds]
        : choices
            .filter((c) => c.sessionId === s.id && c.status === 'confirmed' && cameIds.has(c.registrationId))
            .map((c) => c.registrationId);
    // One in ten left before the workshops.
    const attended = s.kind === 'plenary' ? ids : ids.filter((_, i) => i % 10 !== 9);
    if (attended.length > 0)
      await setSessionAttendance({ ...deps, now: () => s.startsAt }, actor, ev.id, s.id, {
        registrationIds: attended,
        attended: true,
      });
  }
}
