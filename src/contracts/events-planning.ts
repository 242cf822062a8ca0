import { z } from 'zod';
import { NetworkParams } from './common.js';
import { Day } from './contract.js';
import { EventStatus, EventType, TargetGroup } from './events.js';
import { LocalDateTime } from './steering.js';

/* Events planning: the events themselves, their status steps and their checklist (Planungsschritte). */

const Instant = z.iso.datetime({ offset: true });
/** Accounts have text ids (the auth library's). */
const UserId = (error: string) => z.string({ error }).min(1, { error }).max(100, { error });
const Text = (min: number, max: number, what: string) =>
  z
    .string()
    .trim()
    .min(min, { error: `${what}: bitte mindestens ${min} Zeichen.` })
    .max(max, { error: `${what}: höchstens ${max} Zeichen.` });

export const EventParams = NetworkParams.extend({
  eventId: z.uuid({ error: 'Unbekannte Veranstaltung.' }),
});
export const TaskParams = EventParams.extend({ taskId: z.uuid({ error: 'Unbekannter Planungsschritt.' }) });
export const TemplateParams = NetworkParams.extend({ type: EventType });
export const PublicEventsParams = z.object({ slug: z.string().min(1).max(200) });
export const PublicEventParams = PublicEventsParams.extend({
  eventId: z.uuid({ error: 'Unbekannte Veranstaltung.' }),
});

export const EventsQuery = z.object({
  year: z.coerce.number().int().min(1900).max(2999).optional(),
  type: EventType.optional(),
  status: EventStatus.optional(),
});

const fieldsOfEvent = {
  description: z.string().trim().max(5000).default(''),
  venue: z.string().trim().max(300).default(''),
  venueAddress: z.string().trim().max(500).default(''),
  fieldIds: z
    .array(z.uuid({ error: 'Unbekanntes Handlungsfeld.' }))
    .max(20)
    .default([]),
  targetGroups: z.array(TargetGroup).max(20).default([]),
  organizerId: UserId('Unbekannte Person des Bildungsbüros.').nullable().default(null),
  organizer: z.string().trim().max(300).default(''),
  public: z.boolean().default(false),
  capacity: z
    .number()
    .int()
    .min(1, { error: 'Die Zahl der Plätze muss mindestens 1 sein.' })
    .max(100000)
    .nullable()
    .default(null),
  registrationDeadline: LocalDateTime.nullable().default(null),
  offerHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(48),
  approvedByDecisionId: z.uuid({ error: 'Unbekannter Beschluss.' }).nullable().default(null),
};

type Times = { startsAt?: string; endsAt?: string; registrationDeadline?: string | null };
const timesInOrder = <S extends z.ZodType<Times>>(s: S): S =>
  s
    .refine((e) => !e.startsAt || !e.endsAt || e.endsAt > e.startsAt, {
      error: 'Das Ende muss nach dem Beginn liegen.',
      path: ['endsAt'],
    })
    .refine((e) => !e.registrationDeadline || !e.endsAt || e.registrationDeadline < e.endsAt, {
      error: 'Der Anmeldeschluss muss vor dem Ende der Veranstaltung liegen.',
      path: ['registrationDeadline'],
    }) as S;

export const EventInput = timesInOrder(
  z.object({
    type: EventType,
    title: Text(3, 200, 'Titel'),
    startsAt: LocalDateTime,
    endsAt: LocalDateTime,
    ...fieldsOfEvent,
  }),
);
export type EventInput = z.input<typeof EventInput>;

export const EventPatch = timesInOrder(
  z.object({
    version: z.number().int().min(1),
    type: EventType.optional(),
    title: Text(3, 200, 'Titel').optional(),
    startsAt: LocalDateTime.optional(),
    endsAt: LocalDateTime.optional(),
    description: fieldsOfEvent.description.optional(),
    venue: z.string().trim().max(300).optional(),
    venueAddress: z.string().trim().max(500).optional(),
    fieldIds: z
      .array(z.uuid({ error: 'Unbekanntes Handlungsfeld.' }))
      .max(20)
      .optional(),
    targetGroups: z.array(TargetGroup).max(20).optional(),
    organizerId: UserId('Unbekannte Person des Bildungsbüros.').nullable().optional(),
    organizer: z.string().trim().max(300).optional(),
    public: z.boolean().optional(),
    capacity: z
      .number()
      .int()
      .min(1, { error: 'Die Zahl der Plätze muss mindestens 1 sein.' })
      .max(100000)
      .nullable()
      .optional(),
    registrationDeadline: LocalDateTime.nullable().optional(),
    offerHours: z
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .optional(),
    approvedByDecisionId: z.uuid({ error: 'Unbekannter Beschluss.' }).nullable().optional(),
  }),
);
export type EventPatch = z.input<typeof EventPatch>;

export const StatusChange = z.object({
  status: EventStatus,
  version: z.number().int().min(1),
});
export const CancelInput = z.object({ version: z.number().int().min(1) });

export const EventSummary = z.object({
  id: z.uuid(),
  type: EventType,
  title: z.string(),
  startsAt: Instant,
  endsAt: Instant,
  venue: z.string(),
  public: z.boolean(),
  status: EventStatus,
  cancelledAt: Instant.nullable(),
  capacity: z.number().int().nullable(),
  /** Registrations taking a place (confirmed and offered), and those waiting. */
  registered: z.number().int(),
  waiting: z.number().int(),
  openTasks: z.number().int(),
  overdueTasks: z.number().int(),
});
export type EventSummary = z.infer<typeof EventSummary>;

export const EventTask = z.object({
  id: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  dueOn: Day.nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  doneAt: Instant.nullable(),
  overdue: z.boolean(),
  version: z.number().int(),
});
export type EventTask = z.infer<typeof EventTask>;

export const EventDetail = EventSummary.extend({
  description: z.string(),
  venueAddress: z.string(),
  fields: z.array(z.object({ id: z.uuid(), name: z.string() })),
  targetGroups: z.array(TargetGroup),
  organizerId: z.string().nullable(),
  organizerName: z.string().nullable(),
  organizer: z.string(),
  registrationDeadline: Instant.nullable(),
  offerHours: z.number().int(),
  approvedBy: z.object({ id: z.uuid(), number: z.string(), title: z.string(), decidedOn: Day }).nullable(),
  /** The statuses the event may move to now (one step forward, one back). */
  nextStatuses: z.array(EventStatus),
  tasks: z.array(EventTask),
  version: z.number().int(),
  updatedAt: Instant,
});
export type EventDetail = z.infer<typeof EventDetail>;

export const TaskInput = z.object({
  title: Text(2, 300, 'Schritt'),
  dueOn: Day.nullable().default(null),
  assigneeId: UserId('Unbekannte Person.').nullable().default(null),
});
export const TaskPatch = z.object({
  version: z.number().int().min(1),
  title: Text(2, 300, 'Schritt').optional(),
  dueOn: Day.nullable().optional(),
  assigneeId: UserId('Unbekannte Person.').nullable().optional(),
  done: z.boolean().optional(),
});

export const TemplateStep = z.object({
  title: Text(2, 300, 'Schritt'),
  offsetDays: z.number().int().min(-730).max(730),
  anchor: z.enum(['start', 'end']).default('start'),
});
export const ChecklistTemplate = z.object({
  type: EventType,
  /** false: the built-in default applies (the network has not set its own). */
  own: z.boolean(),
  steps: z.array(TemplateStep),
});
export const TemplateInput = z.object({ steps: z.array(TemplateStep).max(60) });

export const PublicEvent = z.object({
  id: z.uuid(),
  type: EventType,
  title: z.string(),
  description: z.string(),
  startsAt: Instant,
  endsAt: Instant,
  venue: z.string(),
  venueAddress: z.string(),
  organizer: z.string(),
  status: EventStatus,
  capacity: z.number().int().nullable(),
  registrationDeadline: Instant.nullable(),
  registrationOpen: z.boolean(),
  targetGroups: z.array(TargetGroup),
});
export type PublicEvent = z.infer<typeof PublicEvent>;
export const PublicEventList = z.object({ upcoming: z.array(PublicEvent), past: z.array(PublicEvent) });
export type PublicEventList = z.infer<typeof PublicEventList>;

/** The office's start page: event steps overdue or due within the next days. */
export const DueEventTask = z.object({
  eventId: z.uuid(),
  eventTitle: z.string(),
  taskId: z.uuid(),
  title: z.string(),
  dueOn: Day,
  overdue: z.boolean(),
});
export type DueEventTask = z.infer<typeof DueEventTask>;

export const OfficeStaff = z.object({ id: z.string(), name: z.string() });
