import { z } from 'zod';
import { InstitutionType, ListExclusionReason, ListFilter, SchoolType } from './contacts.js';

/* Distribution lists (Verteiler): static lists of chosen people and dynamic lists of a saved filter. */

export const ListParams = z.object({ networkId: z.uuid(), listId: z.uuid() });
export const ListMemberParams = z.object({ networkId: z.uuid(), listId: z.uuid(), personId: z.uuid() });

export const ListKind = z.enum(['static', 'dynamic'], { error: 'Bitte wählen Sie die Art des Verteilers.' });
export type ListKind = z.infer<typeof ListKind>;

const name = z
  .string({ error: 'Bitte geben Sie einen Namen an.' })
  .trim()
  .min(2, { error: 'Bitte geben Sie einen Namen an (mindestens 2 Zeichen).' })
  .max(200, { error: 'Der Name ist zu lang (höchstens 200 Zeichen).' });
const description = z
  .string()
  .trim()
  .max(2000, { error: 'Die Beschreibung ist zu lang (höchstens 2000 Zeichen).' })
  .default('');

export const ListInput = z.object({
  name,
  description,
  kind: ListKind,
  needsConsent: z.boolean().default(false),
  /** Dynamic lists: the filter; static lists have none (ignored). */
  filter: ListFilter.nullish().transform((f) => f ?? null),
});
export type ListInput = z.input<typeof ListInput>;

export const ListUpdate = ListInput.omit({ kind: true }).extend({
  version: z.coerce.number().int().min(1),
});
export type ListUpdate = z.input<typeof ListUpdate>;

/** A function of a person at an institution, as lists show them. */
export const ListAffiliation = z.object({
  institution: z.string(),
  function: z.string(),
  place: z.string(),
});

export const ListPerson = z.object({
  personId: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  affiliations: z.array(ListAffiliation),
});
export type ListPerson = z.infer<typeof ListPerson>;

export const ExcludedPerson = ListPerson.extend({ reason: ListExclusionReason });
export type ExcludedPerson = z.infer<typeof ExcludedPerson>;

export const ListPreview = z.object({
  included: z.array(ListPerson),
  excluded: z.array(ExcludedPerson),
  counts: z.object({
    included: z.number().int(),
    excluded: z.number().int(),
    noEmail: z.number().int(),
    noConsent: z.number().int(),
    consentWithdrawn: z.number().int(),
    erased: z.number().int(),
  }),
});
export type ListPreview = z.infer<typeof ListPreview>;

/** An unsaved filter (the filter builder's live preview). */
export const PreviewInput = z.object({
  needsConsent: z.boolean().default(false),
  filter: ListFilter,
});
export type PreviewInput = z.input<typeof PreviewInput>;

export const ListSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  kind: ListKind,
  needsConsent: z.boolean(),
  includedCount: z.number().int(),
  excludedCount: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type ListSummary = z.infer<typeof ListSummary>;

export const ListDetail = ListSummary.extend({
  filter: ListFilter.nullable(),
  /** Static lists: the chosen people (also those left out of mails, with the reason in the preview). */
  members: z.array(ListPerson),
});
export type ListDetail = z.infer<typeof ListDetail>;

export const MembersInput = z.object({
  personIds: z
    .array(z.uuid({ error: 'Bitte wählen Sie eine Person.' }))
    .min(1)
    .max(500),
});
export type MembersInput = z.input<typeof MembersInput>;

export const CandidatesQuery = z.object({
  q: z.string().trim().max(200).default(''),
});
export const Candidates = z.array(ListPerson);

export const ListMailInput = z.object({
  subject: z
    .string({ error: 'Bitte geben Sie einen Betreff an.' })
    .trim()
    .min(3, { error: 'Bitte geben Sie einen Betreff an (mindestens 3 Zeichen).' })
    .max(200, { error: 'Der Betreff ist zu lang (höchstens 200 Zeichen).' }),
  text: z
    .string({ error: 'Bitte schreiben Sie einen Text.' })
    .trim()
    .min(3, { error: 'Bitte schreiben Sie einen Text (mindestens 3 Zeichen).' })
    .max(20000, { error: 'Der Text ist zu lang (höchstens 20000 Zeichen).' }),
});
export type ListMailInput = z.input<typeof ListMailInput>;
export const ListMailResult = z.object({ sent: z.number().int(), excluded: z.number().int() });
export type ListMailResult = z.infer<typeof ListMailResult>;

/** What the filter builder offers. */
export const ListOptions = z.object({
  institutionTypes: z.array(InstitutionType),
  schoolTypes: z.array(SchoolType),
  secondaryOne: z.array(SchoolType),
  municipalities: z.array(z.object({ id: z.uuid(), name: z.string() })),
  fields: z.array(z.object({ id: z.uuid(), name: z.string() })),
  functions: z.array(z.string()),
  topics: z.array(z.string()),
});
export type ListOptions = z.infer<typeof ListOptions>;

export const GuestsFromListInput = z.object({
  listId: z.uuid({ error: 'Bitte wählen Sie einen Verteiler.' }),
});
export type GuestsFromListInput = z.input<typeof GuestsFromListInput>;
export const GuestsFromListResult = z.object({
  added: z.number().int(),
  skipped: z.number().int(),
  excluded: z.number().int(),
});
export type GuestsFromListResult = z.infer<typeof GuestsFromListResult>;
