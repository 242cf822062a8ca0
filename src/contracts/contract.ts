import { z } from 'zod';

export const Day = z.iso
  .date({ error: 'Bitte ein Datum im Format JJJJ-MM-TT angeben.' })
  // The database stores years 1 to 294276 only (no year 0); dates of this domain lie well within.
  .refine((d) => d >= '1900' && d < '3000', { error: 'Bitte ein Datum zwischen 1900 und 2999 angeben.' });
export const Party = z.enum(['land', 'municipality'], {
  error: 'Zustimmen können nur die Vertragsparteien: Land oder Kommune (Schulträger).',
});
export type Party = z.infer<typeof Party>;
export const Owner = z.enum(['land', 'school_operator', 'municipality', 'other'], {
  error:
    'Bitte wählen Sie, bei wem die Zuständigkeit liegt: Land, Schulträger, Kreis/Kommune oder andere Stelle.',
});
export type Owner = z.infer<typeof Owner>;
const Text = (min: number, max: number, what: string) =>
  z
    .string()
    .trim()
    .min(min, { error: `${what}: bitte mindestens ${min} Zeichen.` })
    .max(max, { error: `${what}: höchstens ${max} Zeichen.` });

export const Signatory = z.object({
  party: Party,
  name: Text(2, 200, 'Name'),
  function: Text(2, 200, 'Funktion'),
});

export const ContractInput = z.object({
  title: Text(3, 300, 'Titel'),
  landPartyName: Text(3, 300, 'Vertragspartei Land'),
  municipalityPartyName: Text(3, 300, 'Vertragspartei Kommune'),
  signatories: z.array(Signatory).max(20).default([]),
});
export type ContractInput = z.input<typeof ContractInput>;

export const VersionStatus = z.enum(['draft', 'in_force', 'withdrawn']);
export const Consent = z.object({
  party: Party,
  signedBy: z.string(),
  signedOn: z.string(),
  recordedAt: z.iso.datetime({ offset: true }),
});

export const VersionSummary = z.object({
  id: z.uuid(),
  number: z.number(),
  kind: z.enum(['original', 'amendment']),
  title: z.string(),
  summary: z.string(),
  effectiveFrom: z.string(),
  status: VersionStatus,
  consents: z.array(Consent),
});
export type VersionSummary = z.infer<typeof VersionSummary>;

export const FieldOfAction = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  goals: z.string(),
  previousOwner: Owner,
  previousOwnerName: z.string().nullable(),
  previousOwnerLabel: z.string(),
  introducedBy: z.object({
    id: z.uuid(),
    number: z.number(),
    effectiveFrom: z.string(),
    status: VersionStatus,
  }),
  endedBy: z
    .object({ id: z.uuid(), number: z.number(), effectiveFrom: z.string(), status: VersionStatus })
    .nullable(),
  /** Joint on the day asked (today unless a day was given). */
  joint: z.boolean(),
});
export type FieldOfAction = z.infer<typeof FieldOfAction>;

export const ContractDetail = z.object({
  id: z.uuid(),
  title: z.string(),
  landPartyName: z.string(),
  municipalityPartyName: z.string(),
  signatories: z.array(Signatory),
  versions: z.array(VersionSummary),
});
export type ContractDetail = z.infer<typeof ContractDetail>;

export const NewField = z
  .object({
    name: Text(2, 120, 'Name des Handlungsfelds'),
    description: z.string().trim().max(4000).default(''),
    goals: z.string().trim().max(4000).default(''),
    previousOwner: Owner,
    previousOwnerName: z.string().trim().max(200).nullable().default(null),
  })
  .refine((f) => f.previousOwner !== 'other' || (f.previousOwnerName ?? '').length > 1, {
    error: 'Bitte nennen Sie die Stelle, bei der das Handlungsfeld bisher liegt.',
    path: ['previousOwnerName'],
  });

export const VersionInput = z.object({
  title: Text(3, 300, 'Titel'),
  summary: z.string().trim().max(4000).default(''),
  effectiveFrom: Day,
  sections: z
    .array(z.object({ heading: Text(1, 300, 'Überschrift'), body: z.string().max(50_000) }))
    .max(100)
    .default([]),
  addFields: z.array(NewField).max(30).default([]),
  endFieldIds: z.array(z.uuid()).max(30).default([]),
});
export type VersionInput = z.input<typeof VersionInput>;

export const VersionDetail = VersionSummary.extend({
  sections: z.array(z.object({ position: z.number(), heading: z.string(), body: z.string() })),
  attachments: z.array(
    z.object({ fileId: z.uuid(), label: z.string(), name: z.string(), mimeType: z.string() }),
  ),
  addedFields: z.array(z.object({ id: z.uuid(), name: z.string() })),
  endedFields: z.array(z.object({ id: z.uuid(), name: z.string() })),
  /** Things to look at before consent: e.g. open work orders naming a field this version ends. */
  warnings: z.array(z.string()),
});
export type VersionDetail = z.infer<typeof VersionDetail>;

export const VersionParams = z.object({ networkId: z.uuid(), versionId: z.uuid() });
export const ConsentInput = z.object({
  party: Party,
  signedBy: Text(2, 200, 'Unterzeichnet von'),
  signedOn: Day,
});
export type ConsentInput = z.input<typeof ConsentInput>;

export const HistoryEntry = z.object({
  day: z.string(),
  at: z.iso.datetime({ offset: true }),
  kind: z.enum(['drafted', 'consent', 'in_force', 'field_added', 'field_ended', 'withdrawn']),
  versionNumber: z.number(),
  text: z.string(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const FieldsQuery = z.object({ on: Day.optional() });
export const FieldParams = z.object({ networkId: z.uuid(), fieldId: z.uuid() });
export const FieldUpdate = z
  .object({
    description: z.string().trim().max(4000).optional(),
    goals: z.string().trim().max(4000).optional(),
  })
  .refine((v) => v.description !== undefined || v.goals !== undefined, {
    error: 'Keine Änderung angegeben: Bitte ändern Sie die Beschreibung oder die Ziele.',
  });

export const Responsibility = z.object({
  id: z.uuid(),
  matter: z.string(),
  category: z.enum(['inner_school', 'outer_school', 'youth', 'other']),
  owner: Owner,
  ownerName: z.string().nullable(),
  ownerLabel: z.string(),
  fieldId: z.uuid().nullable(),
  fieldName: z.string().nullable(),
  note: z.string(),
});
export type Responsibility = z.infer<typeof Responsibility>;
export const ResponsibilityInput = z.object({
  matter: Text(2, 300, 'Angelegenheit'),
  category: z.enum(['inner_school', 'outer_school', 'youth', 'other']),
  owner: Owner,
  ownerName: z.string().trim().max(200).nullable().default(null),
  fieldId: z.uuid().nullable().default(null),
  note: z.string().trim().max(2000).default(''),
});
export type ResponsibilityInput = z.input<typeof ResponsibilityInput>;
export const ResponsibilityParams = z.object({ networkId: z.uuid(), responsibilityId: z.uuid() });

export const ScopeQuery = z
  .object({ fieldId: z.uuid().optional(), matterId: z.uuid().optional(), on: Day.optional() })
  .refine((q) => Boolean(q.fieldId) !== Boolean(q.matterId), {
    error: 'Bitte wählen Sie genau ein Handlungsfeld oder eine Angelegenheit.',
  });

export const ScopeAnswer = z.object({
  day: z.string(),
  subject: z.object({ kind: z.enum(['field', 'matter']), id: z.uuid(), name: z.string() }),
  joint: z.boolean(),
  version: z
    .object({ id: z.uuid(), number: z.number(), title: z.string(), effectiveFrom: z.string() })
    .nullable(),
  /** stays: "in der Zuständigkeit des Schulträgers", to finish the sentence "… bleibt …". */
  owner: z.object({ kind: Owner, label: z.string(), stays: z.string() }).nullable(),
  message: z.string(),
});
export type ScopeAnswer = z.infer<typeof ScopeAnswer>;
