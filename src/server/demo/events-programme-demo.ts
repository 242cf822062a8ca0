import { and, asc, eq } from 'drizzle-orm';
import * as t from '../db/schema.js';
import type { Deps } from '../lib/context.js';
import * as programme from '../modules/events/programme.service.js';
import * as resources from '../modules/events/resources.service.js';
import { demoOffice } from './demo-office.js';

/*
 * Programme and rooms of the demo network: the rooms of the Kreishaus Meschede and the media, the
 * programme of the Bildungskonferenz 2027 (plenary, six workshops, lunch, plenary) and of last year's,
 * and the network meeting's booking of Sitzungsraum 2. Through the services; idempotent (rooms by name,
 * programmes only when an event has none yet). Events missing in this worktree are created minimally.
 */

const ROOMS: Array<[string, number]> = [
  ['Kreistagssaal', 200],
  ['Sitzungsraum 1', 30],
  ['Sitzungsraum 2', 30],
  ['Sitzungsraum 3', 24],
  ['Raum 104', 20],
  ['Raum 105', 20],
  ['Foyer', 150],
];
const MEDIA = ['Beamer 1', 'Beamer 2', 'Mikrofonanlage', 'Moderationskoffer 1', 'Moderationskoffer 2'];
const KREISHAUS = 'Kreishaus Meschede, Steinstraße 27, 59872 Meschede';

type EventSeed = {
  title: string;
  type: 'conference' | 'network_meeting';
  day: string;
  offset: string;
  to: string;
};
const EVENTS: EventSeed[] = [
  { title: 'Bildungskonferenz 2027', type: 'conference', day: '2027-02-25', offset: '+01:00', to: '16:00' },
  { title: 'Bildungskonferenz 2026', type: 'conference', day: '2026-06-18', offset: '+02:00', to: '16:00' },
  {
    title: 'Netzwerktreffen Übergang Schule–Beruf',
    type: 'network_meeting',
    day: '2027-01-20',
    offset: '+01:00',
    to: '12:00',
  },
];

export async function seedEventsProgrammeDemo(deps: Deps, networkId: string): Promise<void> {
  const actor = await demoOffice(deps.db, networkId);
  if (!actor) return;
  const existing = new Map(
    (await resources.listResources(deps, actor, { archived: true })).map((r) => [r.name, r.id]),
  );
  const id = async (name: string, kind: 'room' | 'equipment', capacity: number | null) => {
    const known = existing.get(name);
    if (known) return known;
    const r = await resources.createResource(deps, actor, {
      kind,
      name,
      location: kind === 'room' ? KREISHAUS : 'Bildungsbüro, Schrank im Raum 112',
      capacity,
      accessibility:
        kind === 'room' ? (name === 'Raum 105' ? ['lift'] : ['step_free', 'lift', 'accessible_toilet']) : [],
      notes: name === 'Kreistagssaal' ? 'Induktionsschleife auf Anfrage beim Hausdienst.' : '',
    });
    existing.set(name, r.id);
    return r.id;
  };
  const room: Record<string, string> = {};
  for (const [name, capacity] of ROOMS) room[name] = await id(name, 'room', capacity);
  for (const name of MEDIA) await id(name, 'equipment', null);

  const events: Record<string, typeof t.event.$inferSelect> = {};
  for (const e of EVENTS) {
    const [found] = await deps.db
      .select()
      .from(t.event)
      .where(and(eq(t.event.networkId, networkId), eq(t.event.title, e.title), eq(t.event.example, true)));
    events[e.title] =
      found ??
      (
        await deps.db
          .insert(t.event)
          .values({
            networkId,
            type: e.type,
            title: e.title,
            startsAt: new Date(`${e.day}T09:00:00${e.offset}`),
            endsAt: new Date(`${e.day}T${e.to}:00${e.offset}`),
            venue: 'Kreishaus Meschede',
            public: true,
            example: true,
          })
          .returning()
      )[0]!;
  }
  const people = await deps.db
    .select({ id: t.person.id })
    .from(t.person)
    .where(and(eq(t.person.networkId, networkId), eq(t.person.example, true)))
    .orderBy(asc(t.person.lastName))
    .limit(8);

  const meeting = events['Netzwerktreffen Übergang Schule–Beruf']!;
  if ((await resources.listBookings(deps, actor, meeting.id)).length === 0)
    await resources.createBooking(deps, actor, meeting.id, { resourceId: room['Sitzungsraum 2']!, note: '' });

  for (const [title, day] of [
    ['Bildungskonferenz 2027', '2027-02-25'],
    ['Bildungskonferenz 2026', '2026-06-18'],
  ] as const) {
    const ev = events[title]!;
    const current = await programme.getProgramme(deps, actor, ev.id);
    if (current.slots.length > 0) continue;
    // Berlin wall-clock time, as the programme's inputs take it.
    const at = (hm: string) => `${day}T${hm}`;
    const session = (
      kind: 'plenary' | 'workshop' | 'break',
      t2: string,
      from: string,
      to: string,
      roomName: string | null,
      capacity: number | null,
      description = '',
    ) =>
      programme.createSession(deps, actor, ev.id, {
        kind,
        title: t2,
        description,
        startsAt: at(from),
        endsAt: at(to),
        roomId: roomName ? room[roomName]! : null,
        place: roomName ? '' : 'Foyer vor dem Kreistagssaal',
        capacity,
        fieldId: null,
      });
    const year = title.slice(-4);
    const opening = await session(
      'plenary',
      `Eröffnung und Impuls: Bildung im Hochsauerlandkreis ${year}`,
      '09:00',
      '10:30',
      'Kreistagssaal',
      null,
    );
    const workshops = [
      ['Workshop 1: Berufsorientierung in der Sekundarstufe I', 'Sitzungsraum 1', 30],
      ['Workshop 2: Übergang Kita – Grundschule', 'Sitzungsraum 2', 30],
      ['Workshop 3: Praxisphasen in Betrieben', 'Sitzungsraum 3', 12],
      ['Workshop 4: Ganztag gemeinsam gestalten', 'Raum 104', 20],
      ['Workshop 5: Sprachbildung von Anfang an', 'Raum 105', 20],
      ['Workshop 6: Bildungsdaten nutzen', 'Foyer', 30],
    ] as const;
    const made = [];
    for (const [name, roomName, capacity] of workshops)
      made.push(await session('workshop', name, '10:45', '12:30', roomName, capacity));
    await session('break', 'Mittagspause', '12:30', '13:30', null, null);
    const closing = await session(
      'plenary',
      'Ergebnisse der Workshops und Ausblick',
      '13:30',
      '16:00',
      'Kreistagssaal',
      null,
    );
    const statuses = ['confirmed', 'materials_received', 'asked', 'confirmed', 'declined', 'asked'] as const;
    const targets = [opening, ...made, closing];
    for (const [i, s] of targets.entries()) {
      const person = people[i % Math.max(people.length, 1)];
      if (!person) break;
      await programme.addSpeaker(deps, actor, ev.id, s.id, {
        personId: person.id,
        role: s.kind === 'workshop' ? 'facilitator' : 'speaker',
        status: title.endsWith('2026') ? 'materials_received' : statuses[i % statuses.length]!,
        note: '',
      });
    }
  }
}
