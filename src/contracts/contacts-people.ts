import { z } from 'zod';
import { NetworkParams, Role } from './common.js';
import {
  InstitutionType,
  LegalBasis,
  PersonSource,
  Salutation,
  SchoolNumber,
  SchoolType,
} from './contacts.js';

/* People and institutions of the address book (Netzwerk: Personen · Einrichtungen). */

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Höchstens ${max} Zeichen.` });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Höchstens ${max} Zeichen.` })
    .nullish()
    .transform((s) => (s ? s : null));
const OptionalEmail = z
  .string()
  .trim()
  .max(254)
  .nullish()
  .transform((s) => (s ? s.toLowerCase() : null))
  .refine((s) => s === null || z.email().safeParse(s).success, {
    error: 'Bitte geben Sie eine gültige E-Mail-Adresse an.',
  });
const Website = optionalText(500).refine((s) => s === null || /^https?:\/\/\S+$/i.test(s), {
  error: 'Bitte geben Sie die Website mit https:// an.',
});

export const InstitutionParams = NetworkParams.extend({
  institutionId: z.uuid({ error: 'Unbekannte Einrichtung.' }),
});
export const PersonParams = NetworkParams.extend({ personId: z.uuid({ error: 'Unbekannte Person.' }) });
export const AffiliationParams = PersonParams.extend({
  affiliationId: z.uuid({ error: 'Unbekannte Funktion.' }),
});

export const InstitutionInput = z.object({
  name: z.string().trim().min(2, { error: 'Bitte geben Sie den Namen der Einrichtung an.' }).max(300),
  type: InstitutionType,
  schoolNumber: SchoolNumber.nullish().transform((s) => s ?? null),
  schoolType: SchoolType.nullish().transform((s) => s ?? null),
  // The school operator: a municipality of the network (by id).
  operatorId: z
    .uuid({ error: 'Bitte wählen Sie einen Schulträger.' })
    .nullish()
    .transform((s) => s ?? null),
  street: text(300).default(''),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{5})?$/, { error: 'Die Postleitzahl hat fünf Ziffern.' })
    .default(''),
  place: text(200).default(''),
  // Leave empty to find the municipality by the place's name.
  municipalityId: z
    .uuid()
    .nullish()
    .transform((s) => s ?? null),
  email: OptionalEmail,
  phone: optionalText(100),
  website: Website,
  notes: text(5000).default(''),
});
export type InstitutionInput = z.input<typeof InstitutionInput>;
export const InstitutionUpdate = InstitutionInput.extend({ version: z.int().min(1) });
export type InstitutionUpdate = z.input<typeof InstitutionUpdate>;

export const Institution = z.object({
  id: z.uuid(),
  name: z.string(),
  type: InstitutionType,
  schoolNumber: z.string().nullable(),
  schoolType: z.string().nullable(),
  operatorId: z.uuid().nullable(),
  operatorName: z.string().nullable(),
  street: z.string(),
  postalCode: z.string(),
  place: z.string(),
  municipalityId: z.uuid().nullable(),
  municipalityName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  notes: z.string(),
  example: z.boolean(),
  archived: z.boolean(),
  peopleCount: z.int(),
  version: z.int(),
});
export type Institution = z.infer<typeof Institution>;

export const InstitutionDetail = Institution.extend({
  people: z.array(
    z.object({ affiliationId: z.uuid(), personId: z.uuid(), name: z.string(), function: z.string() }),
  ),
});
export type InstitutionDetail = z.infer<typeof InstitutionDetail>;

export const InstitutionsQuery = z.object({
  q: z.string().trim().max(200).optional(),
  type: InstitutionType.optional(),
  schoolType: SchoolType.optional(),
  municipalityId: z.uuid().optional(),
  archived: z.enum(['true', 'false']).optional(),
});
export type InstitutionsQuery = z.infer<typeof InstitutionsQuery>;

/** An institution removed: deleted when nobody worked there, else archived. */
export const InstitutionRemoved = z.object({ archived: z.boolean() });

export const PersonInput = z.object({
  salutation: Salutation.default('none'),
  title: text(100).default(''),
  firstName: text(200).default(''),
  lastName: z.string().trim().min(1, { error: 'Bitte geben Sie den Nachnamen an.' }).max(200),
  email: OptionalEmail,
  phone: optionalText(100),
  notes: text(5000).default(''),
  multiplier: z.boolean().default(false),
  multiplierTopics: z.array(z.string().trim().min(1).max(200)).max(30).default([]),
  legalBasis: LegalBasis.default('public_task'),
  fieldIds: z.array(z.uuid()).max(50).default([]),
});
export type PersonInput = z.input<typeof PersonInput>;
export const PersonUpdate = PersonInput.extend({ version: z.int().min(1) });
export type PersonUpdate = z.input<typeof PersonUpdate>;

export const AffiliationInput = z.object({
  institutionId: z.uuid({ error: 'Bitte wählen Sie eine Einrichtung.' }),
  function: z.string().trim().min(1, { error: 'Bitte geben Sie die Funktion an.' }).max(200),
});
export type AffiliationInput = z.input<typeof AffiliationInput>;

export const Affiliation = z.object({
  id: z.uuid(),
  institutionId: z.uuid(),
  institutionName: z.string(),
  institutionArchived: z.boolean(),
  place: z.string(),
  function: z.string(),
});
export type Affiliation = z.infer<typeof Affiliation>;

/** The person's mailing consent as lists see it: current, withdrawn (objection) or none. */
export const ConsentState = z.enum(['given', 'withdrawn', 'none']);
export type ConsentState = z.infer<typeof ConsentState>;

export const PersonListItem = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  multiplier: z.boolean(),
  affiliations: z.array(Affiliation),
  place: z.string(),
  consent: ConsentState,
});
export type PersonListItem = z.infer<typeof PersonListItem>;

export const PeopleQuery = z.object({
  q: z.string().trim().max(200).optional(),
  institutionType: InstitutionType.optional(),
  municipalityId: z.uuid().optional(),
  function: z.string().trim().max(200).optional(),
  fieldId: z.uuid().optional(),
  multiplier: z.enum(['true', 'false']).optional(),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;

export const PersonDetail = z.object({
  id: z.uuid(),
  name: z.string(),
  salutation: Salutation,
  title: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  notes: z.string(),
  multiplier: z.boolean(),
  multiplierTopics: z.array(z.string()),
  legalBasis: LegalBasis,
  fields: z.array(z.object({ id: z.uuid(), name: z.string() })),
  source: z.object({
    kind: PersonSource,
    importId: z.string().optional(),
    file: z.string().optional(),
    row: z.number().optional(),
  }),
  affiliations: z.array(Affiliation),
  committee: z.array(
    z.object({
      memberId: z.uuid(),
      side: z.string(),
      function: z.string(),
      termFrom: z.string(),
      termTo: z.string().nullable(),
      active: z.boolean(),
    }),
  ),
  guestInvitations: z.array(
    z.object({ meetingId: z.uuid(), meetingTitle: z.string(), startsAt: z.string(), topic: z.string() }),
  ),
  account: z.object({ name: z.string(), email: z.string(), role: Role.nullable() }).nullable(),
  consent: ConsentState,
  example: z.boolean(),
  erased: z.boolean(),
  mergedInto: z.uuid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});
export type PersonDetail = z.infer<typeof PersonDetail>;

export const SearchQuery = z.object({ q: z.string().trim().max(200).default('') });
export const SearchResult = z.object({
  people: z.array(
    z.object({ id: z.uuid(), name: z.string(), detail: z.string(), email: z.string().nullable() }),
  ),
  institutions: z.array(z.object({ id: z.uuid(), name: z.string(), detail: z.string() })),
});
export type SearchResult = z.infer<typeof SearchResult>;

/** What the forms offer: the network's municipalities and fields of action. */
export const ContactOptions = z.object({
  municipalities: z.array(z.object({ id: z.uuid(), regionKey: z.string(), name: z.string() })),
  fields: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type ContactOptions = z.infer<typeof ContactOptions>;
