import { z } from 'zod';
import { PlaceStatus, SessionKind } from './events.js';

/* On the day of an event: check-in at the door, walk-ins, attendance per session; retention. */

const id = (what: string) => z.uuid({ error: `${what} ist unbekannt.` });

export const CheckinParams = z.object({
  networkId: z.uuid({ error: 'Unbekanntes Bildungsnetzwerk.' }),
  eventId: id('Die Veranstaltung'),
});
export const CheckinRegistrationParams = CheckinParams.extend({
  registrationId: id('Die Anmeldung'),
});
export const CheckinSessionParams = CheckinParams.extend({ sessionId: id('Der Programmpunkt') });

export const CheckinQuery = z.object({
  q: z.string().trim().max(200, { error: 'Der Suchbegriff ist zu lang.' }).optional(),
});

export const AttendanceListQuery = z.object({ session: id('Der Programmpunkt').optional() });

export const CheckinSessionChoice = z.object({
  sessionId: z.uuid(),
  status: PlaceStatus,
  attended: z.boolean(),
});

/** A confirmed registration as the door sees it. */
export const CheckinEntry = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  institution: z.string(),
  function: z.string(),
  walkIn: z.boolean(),
  checkedInAt: z.string().nullable(),
  sessions: z.array(CheckinSessionChoice),
});
export type CheckinEntry = z.infer<typeof CheckinEntry>;

export const CheckinSession = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: SessionKind,
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int().nullable(),
  confirmed: z.number().int(),
  attended: z.number().int(),
});
export type CheckinSession = z.infer<typeof CheckinSession>;

export const CheckinOverview = z.object({
  eventId: z.uuid(),
  title: z.string(),
  capacity: z.number().int().nullable(),
  /** Confirmed registrations (walk-ins included). */
  confirmed: z.number().int(),
  checkedIn: z.number().int(),
  walkIns: z.number().int(),
  anonymisedAt: z.string().nullable(),
  sessions: z.array(CheckinSession),
  /** The registrations matching the search (all confirmed ones without a search), by surname. */
  entries: z.array(CheckinEntry),
});
export type CheckinOverview = z.infer<typeof CheckinOverview>;

export const CheckinCodeInput = z.object({
  code: z
    .string({ error: 'Bitte geben Sie den Code ein.' })
    .trim()
    .min(8, { error: 'Der Code ist zu kurz.' })
    .max(500, { error: 'Der Code ist zu lang.' }),
});

export const WalkInInput = z.object({
  firstName: z.string().trim().max(100, { error: 'Der Vorname ist zu lang.' }).default(''),
  lastName: z
    .string({ error: 'Bitte geben Sie den Nachnamen ein.' })
    .trim()
    .min(1, { error: 'Bitte geben Sie den Nachnamen ein.' })
    .max(100, { error: 'Der Nachname ist zu lang.' }),
  institution: z.string().trim().max(200, { error: 'Die Einrichtung ist zu lang.' }).default(''),
  function: z.string().trim().max(200, { error: 'Die Funktion ist zu lang.' }).default(''),
});
export type WalkInInput = z.infer<typeof WalkInInput>;

export const WalkInResult = z.object({
  entry: CheckinEntry,
  /** Set when the event's places are exceeded: the walk-in is admitted anyway. */
  warning: z.string().nullable(),
});

export const AttendanceInput = z.object({
  registrationIds: z
    .array(z.uuid({ error: 'Unbekannte Anmeldung.' }))
    .min(1, { error: 'Bitte wählen Sie mindestens eine Person.' })
    .max(1000),
  attended: z.boolean({ error: 'Bitte geben Sie an, ob die Personen teilgenommen haben.' }),
});

export const AttendanceResult = z.object({ sessionId: z.uuid(), attended: z.number().int() });

export const AnonymiseResult = z.object({
  eventId: z.uuid(),
  anonymisedAt: z.string(),
  registrations: z.number().int(),
  invitees: z.number().int(),
});
