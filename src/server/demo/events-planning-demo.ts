import { and, eq } from 'drizzle-orm';
import type { EventStatus } from '../../contracts/events.js';
import type { EventInput } from '../../contracts/events-planning.js';
import * as t from '../db/schema.js';
import { berlinDay } from '../lib/berlin-time.js';
import type { Deps } from '../lib/context.js';
import { addDays } from '../modules/events/checklist.rules.js';
import * as planning from '../modules/events/planning.service.js';
import { demoOffice } from './demo-office.js';

/**
 * The events of the demo network, created through the planning use cases: last year's conference held
 * and documented with its checklist done, the 2027 conference open for registration with the first
 * steps done and one overdue, a network meeting and an internal staff meeting. Idempotent: an event
 * already there (by title) is left alone.
 */
export async function seedEventsPlanningDemo(deps: Deps, networkId: string): Promise<void> {
  const actor = (await demoOffice(deps.db, networkId))!;
  const exists = async (title: string) =>
    (
      await deps.db
        .select({ id: t.event.id })
        .from(t.event)
        .where(and(eq(t.event.networkId, networkId), eq(t.event.title, title)))
    )[0];
  const [approving] = await deps.db
    .select()
    .from(t.decision)
    .where(
      and(
        eq(t.decision.networkId, networkId),
        eq(t.decision.title, 'Empfehlung an die Bildungskonferenz: MINT-Netzwerk'),
      ),
    );
  const kreishaus = {
    venue: 'Kreishaus Meschede',
    venueAddress: 'Steinstraße 27, 59872 Meschede',
    organizer: 'Bildungsbüro Hochsauerlandkreis',
    organizerId: actor.userId,
  };

  const create = async (i: EventInput, status: EventStatus, done: (title: string, i: number) => boolean) => {
    if (await exists(i.title)) return null;
    let e = await planning.createEvent(deps, actor, EventInputOf(i), { example: true });
    for (const [idx, task] of e.tasks.entries())
      if (done(task.title, idx))
        e = await planning.updateTask(deps, actor, e.id, task.id, { version: task.version, done: true });
    const order: EventStatus[] = [
      'planned',
      'announced',
      'registration_open',
      'closed',
      'held',
      'documented',
    ];
    for (const s of order.slice(1, order.indexOf(status) + 1))
      e = await planning.changeStatus(deps, actor, e.id, { status: s, version: e.version });
    return e;
  };

  await create(
    {
      type: 'conference',
      title: 'Bildungskonferenz 2026',
      description:
        'Die jährliche Bildungskonferenz des Hochsauerlandkreises: Ergebnisse des Jahres, Workshops zu den Handlungsfeldern, Empfehlungen an den Lenkungskreis.',
      startsAt: '2026-06-18T09:00',
      endsAt: '2026-06-18T16:00',
      ...kreishaus,
      public: true,
      capacity: 120,
      registrationDeadline: '2026-06-04T23:59',
      targetGroups: ['teachers', 'school_leaders', 'early_childhood', 'youth_services', 'companies'],
    },
    'documented',
    () => true,
  );
  const conf = await create(
    {
      type: 'conference',
      title: 'Bildungskonferenz 2027',
      description:
        'Bildungskonferenz 2027: Übergänge gestalten – von der Kita bis in den Beruf. Mit Workshops zu den Handlungsfeldern des Netzwerks.',
      startsAt: '2027-02-25T09:00',
      endsAt: '2027-02-25T16:00',
      ...kreishaus,
      public: true,
      capacity: 120,
      registrationDeadline: '2027-02-11T23:59',
      approvedByDecisionId: approving?.id ?? null,
      targetGroups: ['teachers', 'school_leaders', 'early_childhood', 'youth_services', 'companies'],
    },
    'registration_open',
    (_title, idx) => idx < 3,
  );
  if (conf) {
    // One step is overdue: the office has not confirmed the catering offer yet.
    const today = berlinDay(deps.now());
    await planning.addTask(deps, actor, conf.id, {
      title: 'Angebot für das Catering einholen',
      dueOn: addDays(today, -3),
      assigneeId: actor.userId,
    });
  }
  await create(
    {
      type: 'network_meeting',
      title: 'Netzwerktreffen Übergang Schule–Beruf',
      description:
        'Austausch der Akteure im Übergang Schule–Beruf (KAoA): Stand der Potenzialanalysen und Praxisphasen.',
      startsAt: '2027-01-20T14:00',
      endsAt: '2027-01-20T17:00',
      ...kreishaus,
      public: true,
      capacity: 40,
    },
    'announced',
    (_title, idx) => idx === 0,
  );
  await create(
    {
      type: 'staff_meeting',
      title: 'Dienstbesprechung Bildungsbüro',
      startsAt: '2026-12-14T10:00',
      endsAt: '2026-12-14T12:00',
      venue: 'Kreishaus Meschede, Raum 104',
      public: false,
    },
    'planned',
    () => false,
  );
}

/** The defaults the contract's parser would fill in. */
function EventInputOf(i: EventInput) {
  return {
    description: '',
    venue: '',
    venueAddress: '',
    fieldIds: [],
    targetGroups: [],
    organizerId: null,
    organizer: '',
    public: false,
    capacity: null,
    registrationDeadline: null,
    offerHours: 48,
    approvedByDecisionId: null,
    ...i,
  } as Parameters<typeof planning.createEvent>[2];
}
