import { z } from 'zod';
import { PlaceStatus, SessionKind } from './events.js';

/* Registration (Anmeldung) for events: the public and the invitation form, the personal registration
 * page behind its link, and the office's list with waiting lists. */

const Text = (max: number, msg: string) => z.string({ error: msg }).trim().max(max, msg);
const Needed = (max: number, msg: string) => z.string({ error: msg }).trim().min(1, msg).max(max, msg);

/** Session choices by priority: the first is the first choice ("1. Wahl"). */
const Choices = z
  .array(z.uuid({ error: 'Bitte wählen Sie einen Programmpunkt aus der Liste.' }), {
    error: 'Bitte wählen Sie die Programmpunkte aus der Liste.',
  })
  .max(10, 'Bitte wählen Sie höchstens zehn Programmpunkte.')
  .refine((ids) => new Set(ids).size === ids.length, 'Bitte wählen Sie jeden Programmpunkt nur einmal.');

const needsFields = {
  needsConsent: z.boolean().default(false),
  dietary: Text(500, 'Bitte fassen Sie die Angaben zur Verpflegung kürzer (höchstens 500 Zeichen).').default(
    '',
  ),
  accessibility: Text(
    500,
    'Bitte fassen Sie die Angaben zur Barrierefreiheit kürzer (höchstens 500 Zeichen).',
  ).default(''),
  photoConsent: z.boolean().default(false),
};

const needsNeedConsent = (v: { needsConsent: boolean; dietary: string; accessibility: string }) =>
  v.needsConsent || (v.dietary === '' && v.accessibility === '');
const NEEDS_CONSENT_MESSAGE =
  'Bitte stimmen Sie zu, dass wir Ihre Angaben zu Verpflegung und Barrierefreiheit für diese Veranstaltung speichern – oder lassen Sie die Felder leer.';

export const RegistrationInput = z
  .object({
    firstName: Needed(100, 'Bitte geben Sie Ihren Vornamen an.'),
    lastName: Needed(100, 'Bitte geben Sie Ihren Nachnamen an.'),
    email: z
      .string({ error: 'Bitte geben Sie Ihre E-Mail-Adresse an.' })
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: 'Bitte geben Sie eine gültige E-Mail-Adresse an.' }).max(200)),
    institution: Text(200, 'Bitte kürzen Sie die Einrichtung auf höchstens 200 Zeichen.').default(''),
    function: Text(200, 'Bitte kürzen Sie die Funktion auf höchstens 200 Zeichen.').default(''),
    choices: Choices.default([]),
    ...needsFields,
  })
  .refine(needsNeedConsent, { message: NEEDS_CONSENT_MESSAGE, path: ['needsConsent'] });
export type RegistrationInput = z.input<typeof RegistrationInput>;

/** What the person may change through their personal link. */
export const RegistrationChange = z
  .object({ choices: Choices, ...needsFields })
  .refine(needsNeedConsent, { message: NEEDS_CONSENT_MESSAGE, path: ['needsConsent'] });
export type RegistrationChange = z.input<typeof RegistrationChange>;

export const EventHead = z.object({
  id: z.uuid(),
  title: z.string(),
  type: z.string(),
  description: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  venue: z.string(),
  venueAddress: z.string(),
  networkName: z.string(),
  capacity: z.number().int().nullable(),
  registrationDeadline: z.iso.datetime().nullable(),
});
export type EventHead = z.infer<typeof EventHead>;

export const SessionOption = z.object({
  id: z.uuid(),
  kind: SessionKind,
  title: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  capacity: z.number().int().nullable(),
  // Places still free (null: no limit); 0 means a choice goes on the waiting list.
  free: z.number().int().nullable(),
  choosable: z.boolean(),
});
export type SessionOption = z.infer<typeof SessionOption>;

/** The public registration page: the event, its sessions and whether registration is open. */
export const RegistrationForm = z.object({
  event: EventHead,
  sessions: z.array(SessionOption),
  open: z.boolean(),
  // Why registration is not possible (German, shown as it is), when it is not open.
  closedReason: z.string().nullable(),
  freePlaces: z.number().int().nullable(),
});
export type RegistrationForm = z.infer<typeof RegistrationForm>;

export const ChoiceView = z.object({
  sessionId: z.uuid(),
  title: z.string(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  priority: z.number().int(),
  status: PlaceStatus,
  waitingPosition: z.number().int().nullable(),
  offerExpiresAt: z.iso.datetime().nullable(),
});
export type ChoiceView = z.infer<typeof ChoiceView>;

/** The answer to a registration: the place for the event and per chosen session. */
export const RegistrationResult = z.object({
  id: z.uuid(),
  status: PlaceStatus,
  waitingPosition: z.number().int().nullable(),
  choices: z.array(ChoiceView),
});
export type RegistrationResult = z.infer<typeof RegistrationResult>;

/** The personal registration page (behind the link of the confirmation mail). */
export const MyRegistration = z.object({
  event: EventHead,
  sessions: z.array(SessionOption),
  registration: z.object({
    id: z.uuid(),
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    institution: z.string(),
    function: z.string(),
    needsConsent: z.boolean(),
    dietary: z.string(),
    accessibility: z.string(),
    photoConsent: z.boolean(),
    status: PlaceStatus,
    waitingPosition: z.number().int().nullable(),
    offerExpiresAt: z.iso.datetime().nullable(),
    checkedIn: z.boolean(),
  }),
  choices: z.array(ChoiceView),
  // The page's own address: the QR code encodes it; the check-in accepts it.
  qrUrl: z.string(),
  qrSvg: z.string(),
  // Changes are possible until the event ends (and not after a cancellation).
  changeable: z.boolean(),
});
export type MyRegistration = z.infer<typeof MyRegistration>;

/** The invitation link: the event and the invited person's data to prefill the form. */
export const InvitationView = z.object({
  event: EventHead,
  sessions: z.array(SessionOption),
  open: z.boolean(),
  closedReason: z.string().nullable(),
  person: z.object({
    firstName: z.string(),
    lastName: z.string(),
    email: z.string(),
    institution: z.string(),
    function: z.string(),
  }),
  registered: z.boolean(),
  declined: z.boolean(),
});
export type InvitationView = z.infer<typeof InvitationView>;

export const RegistrationFilter = z.object({
  status: PlaceStatus.optional(),
  sessionId: z.uuid({ error: 'Unbekannter Programmpunkt.' }).optional(),
});

export const PlaceCounts = z.object({
  capacity: z.number().int().nullable(),
  confirmed: z.number().int(),
  offered: z.number().int(),
  waiting: z.number().int(),
  cancelled: z.number().int(),
});
export type PlaceCounts = z.infer<typeof PlaceCounts>;

export const RegistrationRow = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  institution: z.string(),
  function: z.string(),
  status: PlaceStatus,
  waitingPosition: z.number().int().nullable(),
  offerExpiresAt: z.iso.datetime().nullable(),
  source: z.enum(['public', 'invitation', 'office', 'walk_in']),
  needs: z.boolean(),
  createdAt: z.iso.datetime(),
  choices: z.array(ChoiceView),
});
export type RegistrationRow = z.infer<typeof RegistrationRow>;

/** The office's list: counts for the event and per session, the registrations, the waiting lists. */
export const RegistrationList = z.object({
  event: EventHead,
  counts: PlaceCounts,
  sessions: z.array(
    PlaceCounts.extend({
      id: z.uuid(),
      title: z.string(),
      kind: SessionKind,
      startsAt: z.iso.datetime(),
      endsAt: z.iso.datetime(),
    }),
  ),
  registrations: z.array(RegistrationRow),
});
export type RegistrationList = z.infer<typeof RegistrationList>;
