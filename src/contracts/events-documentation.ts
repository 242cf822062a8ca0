import { z } from 'zod';
import { EventStatus, RecommendationStatus, SessionKind } from './events.js';

/* Documentation of an event (per session and for the whole event, files and photos, the public page)
 * and the recommendations (Empfehlungen) of the conference handed to the steering committee. */

const Version = z
  .number({ error: 'Die Fassung fehlt.' })
  .int({ error: 'Die Fassung fehlt.' })
  .min(1, { error: 'Die Fassung fehlt.' });
const DocText = z.string().trim().max(50_000, { error: 'Der Text ist zu lang (höchstens 50.000 Zeichen).' });

export const EventDocParams = z.object({ networkId: z.uuid(), eventId: z.uuid() });
export const SessionDocParams = EventDocParams.extend({ sessionId: z.uuid() });
export const DocFileParams = EventDocParams.extend({ fileId: z.uuid() });
export const RecommendationParams = EventDocParams.extend({ recommendationId: z.uuid() });
export const PublicDocParams = z.object({ slug: z.string().min(1).max(200), eventId: z.uuid() });
export const PublicDocFileParams = PublicDocParams.extend({ fileId: z.uuid() });

/** The results of one session or the summary of the whole event; `version` is the one edited. */
export const DocumentationInput = z.object({ documentation: DocText, version: Version });
export type DocumentationInput = z.input<typeof DocumentationInput>;

export const DocFileKind = z.enum(['file', 'photo'], { error: 'Bitte wählen Sie Datei oder Foto.' });
export type DocFileKind = z.infer<typeof DocFileKind>;

/** A photo's consent and the caption, changed by the office. */
export const DocFileUpdate = z.object({
  caption: z.string().trim().max(300, { error: 'Höchstens 300 Zeichen.' }).optional(),
  photoConsent: z.boolean().optional(),
});
export type DocFileUpdate = z.input<typeof DocFileUpdate>;

export const DocFile = z.object({
  id: z.uuid(),
  sessionId: z.uuid().nullable(),
  fileId: z.uuid(),
  name: z.string(),
  mimeType: z.string(),
  kind: DocFileKind,
  caption: z.string(),
  photoConsent: z.boolean(),
});
export type DocFile = z.infer<typeof DocFile>;

export const RecommendationInput = z.object({
  title: z
    .string({ error: 'Bitte geben Sie der Empfehlung einen Titel.' })
    .trim()
    .min(3, { error: 'Bitte geben Sie der Empfehlung einen Titel (mindestens 3 Zeichen).' })
    .max(200, { error: 'Der Titel ist zu lang (höchstens 200 Zeichen).' }),
  text: z
    .string()
    .trim()
    .max(10_000, { error: 'Der Text ist zu lang (höchstens 10.000 Zeichen).' })
    .default(''),
  sessionId: z.uuid({ error: 'Unbekannter Programmpunkt.' }).nullish(),
  fieldId: z.uuid({ error: 'Unbekanntes Handlungsfeld.' }).nullish(),
});
export type RecommendationInput = z.input<typeof RecommendationInput>;

export const RecommendationPatch = RecommendationInput.partial().extend({ version: Version });
export type RecommendationPatch = z.input<typeof RecommendationPatch>;

/** Agree or withdraw: the version the person saw. */
export const RecommendationStep = z.object({ version: Version });
export type RecommendationStep = z.input<typeof RecommendationStep>;

export const HandInput = z.object({
  ids: z
    .array(z.uuid(), { error: 'Bitte wählen Sie Empfehlungen aus.' })
    .min(1, { error: 'Bitte wählen Sie mindestens eine Empfehlung aus.' })
    .max(50, { error: 'Höchstens 50 Empfehlungen auf einmal.' }),
  meetingId: z.uuid({ error: 'Unbekannte Sitzung.' }).nullish(),
});
export type HandInput = z.input<typeof HandInput>;

export const Recommendation = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  sessionId: z.uuid().nullable(),
  sessionTitle: z.string().nullable(),
  fieldId: z.uuid().nullable(),
  title: z.string(),
  text: z.string(),
  status: RecommendationStatus,
  agreedAt: z.string().nullable(),
  handedAt: z.string().nullable(),
  agendaItemId: z.uuid().nullable(),
  meetingId: z.uuid().nullable(),
  meetingTitle: z.string().nullable(),
  version: z.number().int(),
});
export type Recommendation = z.infer<typeof Recommendation>;

export const MeetingChoice = z.object({ id: z.uuid(), title: z.string(), startsAt: z.string() });
export type MeetingChoice = z.infer<typeof MeetingChoice>;

export const HandResult = z.object({ meeting: MeetingChoice, recommendations: z.array(Recommendation) });
export type HandResult = z.infer<typeof HandResult>;

export const DocSession = z.object({
  id: z.uuid(),
  kind: SessionKind,
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  documentation: z.string(),
  version: z.number().int(),
});
export type DocSession = z.infer<typeof DocSession>;

export const EventDocumentation = z.object({
  event: z.object({
    id: z.uuid(),
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    venue: z.string(),
    public: z.boolean(),
    status: EventStatus,
    documentation: z.string(),
    documentationPublishedAt: z.string().nullable(),
    version: z.number().int(),
  }),
  sessions: z.array(DocSession),
  files: z.array(DocFile),
  recommendations: z.array(Recommendation),
  /** The next planned meeting of the steering committee (where "hand over" puts the items). */
  nextMeeting: MeetingChoice.nullable(),
  meetings: z.array(MeetingChoice),
});
export type EventDocumentation = z.infer<typeof EventDocumentation>;

export const PublicDocumentation = z.object({
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  venue: z.string(),
  documentation: z.string(),
  publishedAt: z.string(),
  sessions: z.array(
    z.object({
      id: z.uuid(),
      kind: SessionKind,
      title: z.string(),
      startsAt: z.string(),
      documentation: z.string(),
    }),
  ),
  files: z.array(
    z.object({
      id: z.uuid(),
      sessionId: z.uuid().nullable(),
      name: z.string(),
      kind: DocFileKind,
      caption: z.string(),
      url: z.string(),
    }),
  ),
  recommendations: z.array(z.object({ title: z.string(), text: z.string(), status: RecommendationStatus })),
});
export type PublicDocumentation = z.infer<typeof PublicDocumentation>;
