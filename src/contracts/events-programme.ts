import { z } from 'zod';
import { AccessibilityFeature, ResourceKind, SessionKind, SpeakerStatus } from './events.js';
import { LocalDateTime } from './steering.js';

/*
 * Programme and rooms (Räume & Technik): resources, bookings, sessions, speakers, public timetable.
 * Like every input of the app, times are typed as Berlin wall-clock time ("2027-02-25T09:00",
 * LocalDateTime); answers carry instants (ISO with offset).
 */

const Instant = z.iso.datetime({ offset: true, error: 'Bitte geben Sie Datum und Uhrzeit an.' });
const Version = z.coerce.number().int().min(1);
const Capacity = z.coerce
  .number({ error: 'Bitte geben Sie die Zahl der Plätze an.' })
  .int({ error: 'Bitte geben Sie eine ganze Zahl an.' })
  .min(1, { error: 'Mindestens 1 Platz.' })
  .max(10000, { error: 'Höchstens 10000 Plätze.' });
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Höchstens ${max} Zeichen.` });

export const ResourceParams = z.object({ networkId: z.uuid(), resourceId: z.uuid() });
export const EventParams = z.object({ networkId: z.uuid(), eventId: z.uuid() });
export const BookingParams = EventParams.extend({ bookingId: z.uuid() });
export const SessionParams = EventParams.extend({ sessionId: z.uuid() });
export const SpeakerParams = SessionParams.extend({ speakerId: z.uuid() });
export const PublicProgrammeParams = z.object({ slug: z.string().min(1).max(200), eventId: z.uuid() });

export const ResourcesQuery = z.object({
  archived: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});

const ResourceContent = {
  kind: ResourceKind,
  name: z
    .string()
    .trim()
    .min(2, { error: 'Bitte geben Sie einen Namen mit mindestens 2 Zeichen an.' })
    .max(200, { error: 'Höchstens 200 Zeichen.' }),
  location: text(300).default(''),
  capacity: Capacity.nullish().transform((c) => c ?? null),
  accessibility: z.array(AccessibilityFeature).max(10).default([]),
  notes: text(2000).default(''),
};
export const ResourceInput = z.object(ResourceContent);
export type ResourceInput = z.input<typeof ResourceInput>;
export const ResourceChange = z.object({
  version: Version,
  kind: ResourceKind.optional(),
  name: ResourceContent.name.optional(),
  location: text(300).optional(),
  capacity: Capacity.nullish(),
  accessibility: z.array(AccessibilityFeature).max(10).optional(),
  notes: text(2000).optional(),
  archived: z.boolean().optional(),
});
export type ResourceChange = z.input<typeof ResourceChange>;

export const BookingRef = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  eventTitle: z.string(),
  sessionTitle: z.string().nullable(),
  startsAt: Instant,
  endsAt: Instant,
});
export type BookingRef = z.infer<typeof BookingRef>;

export const Resource = z.object({
  id: z.uuid(),
  kind: ResourceKind,
  name: z.string(),
  location: z.string(),
  capacity: z.number().int().nullable(),
  accessibility: z.array(AccessibilityFeature),
  notes: z.string(),
  archived: z.boolean(),
  version: z.number().int(),
  /** The next bookings from now on (at most three). */
  nextBookings: z.array(BookingRef),
});
export type Resource = z.infer<typeof Resource>;

export const BookingInput = z.object({
  resourceId: z.uuid({ error: 'Bitte wählen Sie einen Raum oder ein Gerät.' }),
  /** Berlin wall-clock time; default: the session's or else the event's whole time. */
  startsAt: LocalDateTime.optional(),
  endsAt: LocalDateTime.optional(),
  sessionId: z.uuid().nullish(),
  note: text(500).default(''),
});
export type BookingInput = z.input<typeof BookingInput>;

export const Booking = z.object({
  id: z.uuid(),
  resourceId: z.uuid(),
  resourceName: z.string(),
  resourceKind: ResourceKind,
  capacity: z.number().int().nullable(),
  sessionId: z.uuid().nullable(),
  sessionTitle: z.string().nullable(),
  startsAt: Instant,
  endsAt: Instant,
  note: z.string(),
});
export type Booking = z.infer<typeof Booking>;
/** A booking as created, with a warning when the room is smaller than the session's places. */
export const BookingCreated = Booking.extend({ warnings: z.array(z.string()) });
export type BookingCreated = z.infer<typeof BookingCreated>;

const SessionContent = {
  kind: SessionKind,
  title: z
    .string()
    .trim()
    .min(2, { error: 'Bitte geben Sie einen Titel mit mindestens 2 Zeichen an.' })
    .max(300, { error: 'Höchstens 300 Zeichen.' }),
  description: text(5000).default(''),
  /** Berlin wall-clock time. */
  startsAt: LocalDateTime,
  endsAt: LocalDateTime,
  roomId: z
    .uuid()
    .nullish()
    .transform((r) => r ?? null),
  place: text(300).default(''),
  capacity: Capacity.nullish().transform((c) => c ?? null),
  fieldId: z
    .uuid()
    .nullish()
    .transform((f) => f ?? null),
};
export const SessionInput = z.object(SessionContent);
export type SessionInput = z.input<typeof SessionInput>;
export const SessionChange = z.object({
  version: Version,
  kind: SessionKind.optional(),
  title: SessionContent.title.optional(),
  description: text(5000).optional(),
  startsAt: LocalDateTime.optional(),
  endsAt: LocalDateTime.optional(),
  roomId: z.uuid().nullish(),
  place: text(300).optional(),
  capacity: Capacity.nullish(),
  fieldId: z.uuid().nullish(),
});
export type SessionChange = z.input<typeof SessionChange>;

export const SpeakerRole = z.enum(['speaker', 'facilitator'], { error: 'Bitte wählen Sie eine Rolle.' });
export const SpeakerInput = z.object({
  personId: z.uuid({ error: 'Bitte wählen Sie eine Person aus dem Adressbuch.' }),
  role: SpeakerRole.default('speaker'),
  status: SpeakerStatus.default('asked'),
  note: text(1000).default(''),
});
export type SpeakerInput = z.input<typeof SpeakerInput>;
export const SpeakerChange = z.object({
  version: Version,
  role: SpeakerRole.optional(),
  status: SpeakerStatus.optional(),
  note: text(1000).optional(),
});
export type SpeakerChange = z.input<typeof SpeakerChange>;

export const Speaker = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  name: z.string(),
  role: SpeakerRole,
  status: SpeakerStatus,
  note: z.string(),
  version: z.number().int(),
});
export type Speaker = z.infer<typeof Speaker>;

export const Session = z.object({
  id: z.uuid(),
  kind: SessionKind,
  title: z.string(),
  description: z.string(),
  startsAt: Instant,
  endsAt: Instant,
  roomId: z.uuid().nullable(),
  roomName: z.string().nullable(),
  roomCapacity: z.number().int().nullable(),
  place: z.string(),
  capacity: z.number().int().nullable(),
  fieldId: z.uuid().nullable(),
  fieldName: z.string().nullable(),
  speakers: z.array(Speaker),
  version: z.number().int(),
});
export type Session = z.infer<typeof Session>;
export const SessionSaved = Session.extend({ warnings: z.array(z.string()) });
export type SessionSaved = z.infer<typeof SessionSaved>;

/** Sessions grouped by time slot: sessions starting at the same time run in parallel. */
export const Programme = z.object({
  eventId: z.uuid(),
  title: z.string(),
  startsAt: Instant,
  endsAt: Instant,
  slots: z.array(z.object({ startsAt: Instant, endsAt: Instant, sessions: z.array(Session) })),
});
export type Programme = z.infer<typeof Programme>;

/** The public timetable: no speaker status, no notes, confirmed speakers' names only. */
export const PublicSession = z.object({
  id: z.uuid(),
  kind: SessionKind,
  title: z.string(),
  description: z.string(),
  startsAt: Instant,
  endsAt: Instant,
  place: z.string(),
  capacity: z.number().int().nullable(),
  speakers: z.array(z.object({ name: z.string(), role: SpeakerRole })),
});
export type PublicSession = z.infer<typeof PublicSession>;
export const PublicProgramme = z.object({
  eventId: z.uuid(),
  title: z.string(),
  slots: z.array(z.object({ startsAt: Instant, endsAt: Instant, sessions: z.array(PublicSession) })),
});
export type PublicProgramme = z.infer<typeof PublicProgramme>;
