import { and, asc, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import * as t from '../db/schema.js';
import type { Deps } from '../lib/context.js';
import { recordRegistration } from '../modules/events/registration.service.js';
import { cancelRegistration } from '../modules/events/registration-office.service.js';
import { demoOffice } from './demo-office.js';

/*
 * Registrations of the demo network, through the registration use cases with the clock of the day each
 * came in. The Bildungskonferenz 2027 (open): about 60 registrations from the address book's people
 * (a part of the invitees through their invitation link) and invented names; "Workshop 3: Praxisphasen in
 * Betrieben" (12 places) full with three on its waiting list and one open offer after a cancellation;
 * accessibility and dietary needs with consent for two. The Bildungskonferenz 2026 (held): about 90
 * registrations in the weeks before the day, two of them cancelled; the check-in part's demo then checks
 * most of them in. Idempotent: an event that has registrations is left alone.
 */

const FIRST = [
  'Anke',
  'Benedikt',
  'Claudia',
  'Dirk',
  'Elif',
  'Florian',
  'Gabriele',
  'Heiko',
  'Ines',
  'Jonas',
  'Katrin',
  'Lukas',
  'Melanie',
  'Nils',
  'Olga',
  'Patrick',
  'Rita',
  'Sven',
  'Tanja',
  'Uwe',
];
const LAST = [
  'Albers',
  'Brüggemann',
  'Cramer',
  'Droste',
  'Epping',
  'Fischer',
  'Gerwin',
  'Hoffmann',
  'Isenberg',
  'Jürgens',
  'Kemper',
  'Linnemann',
  'Menke',
  'Nolte',
  'Osterhaus',
  'Pieper',
  'Rüther',
  'Schulte',
  'Tillmann',
  'Vollmer',
  'Wiese',
];
const PLACES = [
  'Beispiel-Grundschule Bestwig',
  'Beispiel-Realschule Brilon',
  'Beispiel-Gymnasium Arnsberg',
  'Beispiel-Berufskolleg Meschede',
  'Beispiel-Kita Regenbogen Sundern',
  'Beispiel-Gesamtschule Schmallenberg',
  'Beispiel-Hauptschule Olsberg',
  'Beispiel-Förderschule Winterberg',
  'Handwerksbetrieb Beispiel GmbH',
  'Beispiel-Jugendhilfe Hochsauerland',
];
const FUNCTIONS = [
  'Lehrerin',
  'Lehrer',
  'Schulleitung',
  'StuBO-Koordination',
  'Erzieherin',
  'Ausbildungsleitung',
];

const ascii = (s: string) =>
  s
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9.-]/g, '');

type Person = { firstName: string; lastName: string; email: string; institution: string; function: string };

/** Invented participants (all with example addresses), the same on every load. */
function invented(count: number, offset: number): Person[] {
  return Array.from({ length: count }, (_, k) => {
    const i = k + offset;
    const firstName = FIRST[i % FIRST.length]!;
    const lastName = LAST[(i * 7 + Math.floor(i / FIRST.length)) % LAST.length]!;
    return {
      firstName,
      lastName,
      email: `${ascii(firstName)}.${ascii(lastName)}${i}@example.org`,
      institution: PLACES[i % PLACES.length]!,
      function: FUNCTIONS[i % FUNCTIONS.length]!,
    };
  });
}

async function addressBook(deps: Deps, networkId: string): Promise<Person[]> {
  const rows = await deps.db
    .select({
      firstName: t.person.firstName,
      lastName: t.person.lastName,
      email: t.person.email,
      institution: t.institution.name,
      function: t.affiliation.function,
    })
    .from(t.person)
    .leftJoin(t.affiliation, and(eq(t.affiliation.personId, t.person.id), eq(t.affiliation.position, 0)))
    .leftJoin(t.institution, eq(t.institution.id, t.affiliation.institutionId))
    .where(
      and(
        eq(t.person.networkId, networkId),
        eq(t.person.example, true),
        isNotNull(t.person.email),
        isNull(t.person.erasedAt),
        isNull(t.person.archivedAt),
        ne(t.person.firstName, ''),
      ),
    )
    .orderBy(asc(t.person.lastName), asc(t.person.firstName));
  const seen = new Set<string>();
  return rows
    .filter((r) => r.email && !seen.has(r.email.toLowerCase()) && seen.add(r.email.toLowerCase()))
    .map((r) => ({
      firstName: r.firstName,
      lastName: r.lastName,
      email: r.email!.toLowerCase(),
      institution: r.institution ?? '',
      function: r.function ?? '',
    }));
}

const clockAt = (deps: Deps, at: Date): Deps => ({ ...deps, now: () => at });

async function conference(deps: Deps, networkId: string, title: string) {
  const [ev] = await deps.db
    .select()
    .from(t.event)
    .where(and(eq(t.event.networkId, networkId), eq(t.event.title, title), eq(t.event.example, true)));
  if (!ev) return null;
  const sessions = await deps.db
    .select()
    .from(t.eventSession)
    .where(eq(t.eventSession.eventId, ev.id))
    .orderBy(asc(t.eventSession.startsAt), asc(t.eventSession.position));
  const [any] = await deps.db
    .select({ id: t.registration.id })
    .from(t.registration)
    .where(eq(t.registration.eventId, ev.id))
    .limit(1);
  const workshops = sessions.filter((s) => s.kind === 'workshop');
  return { ev, workshops, registered: Boolean(any) };
}

/** The n-th workshop by its number in the title ("Workshop 3: …"), else by position. */
const workshop = (list: Array<{ id: string; title: string }>, n: number) =>
  list.find((s) => s.title.startsWith(`Workshop ${n}:`)) ?? list[n - 1];

export async function seedEventsRegistrationDemo(deps: Deps, networkId: string): Promise<void> {
  const actor = await demoOffice(deps.db, networkId);
  if (!actor) return;
  const people = await addressBook(deps, networkId);
  const now = deps.now();

  // ——— last year's conference: 90 registrations between late April and the deadline ———
  const old = await conference(deps, networkId, 'Bildungskonferenz 2026');
  if (old && !old.registered && old.ev.startsAt < now) {
    const who = [...people.slice(0, 30), ...invented(90, 100)].slice(0, 90);
    const from = old.ev.startsAt.getTime() - 58 * 86_400_000;
    const span = 44 * 86_400_000;
    // First choices: Workshop 3 (12 places) exactly full, the others spread.
    const others = [1, 2, 4, 5, 6];
    const ids: string[] = [];
    for (const [i, p] of who.entries()) {
      const w = workshop(old.workshops, i % 7 === 3 && i < 84 ? 3 : others[i % others.length]!);
      const r = await recordRegistration(
        clockAt(deps, new Date(from + Math.round((i * span) / who.length))),
        networkId,
        old.ev.id,
        { ...p, choices: w ? [w.id] : [], photoConsent: i % 5 !== 2 },
        { source: 'public' },
      );
      ids.push(r.id);
    }
    // Two cancelled a week before the day.
    for (const id of [ids[17]!, ids[61]!])
      await cancelRegistration(
        clockAt(deps, new Date(old.ev.startsAt.getTime() - 8 * 86_400_000)),
        actor,
        old.ev.id,
        id,
      );
  }

  // ——— this year's conference: about 60 registrations, Workshop 3 full with a waiting list ———
  const next = await conference(deps, networkId, 'Bildungskonferenz 2027');
  if (!next || next.registered || next.ev.endsAt <= now) return;
  const invitees = await deps.db
    .select()
    .from(t.eventInvitee)
    .where(and(eq(t.eventInvitee.eventId, next.ev.id), isNull(t.eventInvitee.registrationId)))
    .orderBy(asc(t.eventInvitee.name));
  const invited = new Set(invitees.map((i) => i.email.toLowerCase()));
  // Every second invitee registers through the invitation link (at the end, after the invitation).
  const byLink = invitees.filter((_, i) => i % 2 === 0).slice(0, 12);
  const publicPeople = people.filter((p) => !invited.has(p.email)).slice(0, 20);
  const publicOnes = [...publicPeople, ...invented(60 - byLink.length - publicPeople.length, 300)];
  const w3 = workshop(next.workshops, 3);
  const others = [1, 2, 4, 5, 6].map((n) => workshop(next.workshops, n)).filter((s) => s !== undefined);
  const from = now.getTime() - 24 * 86_400_000;
  const span = 23 * 86_400_000;
  const w3Regs: string[] = [];
  for (const [i, p] of publicOnes.entries()) {
    // Sixteen choose Workshop 3 first: twelve get a place, four wait (with their second choice held).
    const wantsW3 = w3 !== undefined && (i % 3 === 1 || i === publicOnes.length - 1) && w3Regs.length < 16;
    const first = wantsW3 ? w3 : others[i % others.length];
    const second =
      (wantsW3 && w3Regs.length >= 12) || (!wantsW3 && i % 4 === 0)
        ? others[(i + 2) % others.length]
        : undefined;
    const choices = [first, second].filter((s) => s !== undefined).map((s) => s.id);
    const needs =
      i === 4
        ? { needsConsent: true, accessibility: 'Ich nutze einen Rollstuhl: bitte einen Platz ohne Stufen.' }
        : i === 9
          ? { needsConsent: true, dietary: 'Vegetarisch, ohne Nüsse (Allergie).' }
          : {};
    const r = await recordRegistration(
      clockAt(deps, new Date(from + Math.round((i * span) / publicOnes.length))),
      networkId,
      next.ev.id,
      { ...p, choices: [...new Set(choices)], photoConsent: i % 4 !== 1, ...needs },
      { source: 'public' },
    );
    if (wantsW3) w3Regs.push(r.id);
  }
  for (const [i, inv] of byLink.entries()) {
    const person = people.find((p) => p.email === inv.email.toLowerCase());
    const parts = inv.name.trim().split(/\s+/);
    const s = others[(i + 1) % others.length];
    await recordRegistration(
      deps,
      networkId,
      next.ev.id,
      {
        firstName: person?.firstName ?? (parts.length > 1 ? parts.slice(0, -1).join(' ') : 'Unbekannt'),
        lastName: person?.lastName ?? parts.at(-1) ?? 'Unbekannt',
        email: inv.email,
        institution: person?.institution ?? '',
        function: person?.function ?? '',
        choices: s ? [s.id] : [],
        photoConsent: true,
      },
      { source: 'invitation', inviteeId: inv.id, name: inv.name },
    );
  }
  // One with a place in Workshop 3 cancelled today: the first on its waiting list has an open offer.
  if (w3Regs.length > 12) await cancelRegistration(deps, actor, next.ev.id, w3Regs[2]!);
}
