import { z } from 'zod';

/* Import of the office's spreadsheets into the address book (Netzwerk), and merging duplicates. */

/** The fields a row of a "Personen" sheet (or a CSV of people) can fill. */
export const personImportFields = [
  'salutation',
  'title',
  'firstName',
  'lastName',
  'function',
  'institution',
  'schoolNumber',
  'email',
  'phone',
  'place',
] as const;
export type PersonImportField = (typeof personImportFields)[number];

/** The fields a row of an "Einrichtungen" sheet (or a CSV of institutions) can fill. */
export const institutionImportFields = [
  'name',
  'type',
  'schoolNumber',
  'schoolType',
  'operator',
  'street',
  'postalCode',
  'place',
  'email',
  'phone',
] as const;
export type InstitutionImportField = (typeof institutionImportFields)[number];

export const ImportEntity = z.enum(['person', 'institution']);
export type ImportEntity = z.infer<typeof ImportEntity>;

const cell = z.string().nullable();

export const PersonImportRecord = z.object({
  salutation: cell,
  title: cell,
  firstName: cell,
  lastName: cell,
  function: cell,
  institution: cell,
  schoolNumber: cell,
  email: cell,
  phone: cell,
  place: cell,
});
export type PersonImportRecord = z.infer<typeof PersonImportRecord>;

export const InstitutionImportRecord = z.object({
  name: cell,
  type: cell,
  schoolNumber: cell,
  schoolType: cell,
  operator: cell,
  street: cell,
  postalCode: cell,
  place: cell,
  email: cell,
  phone: cell,
});
export type InstitutionImportRecord = z.infer<typeof InstitutionImportRecord>;

/** One column of a sheet: its header as written and the field it fills (null: not imported). */
export const ImportColumn = z.object({
  column: z.number().int().min(1),
  header: z.string(),
  field: z.string().nullable(),
});
export type ImportColumn = z.infer<typeof ImportColumn>;

export const RejectedRow = z.object({
  row: z.number().int(),
  field: z.string(),
  reason: z.string(),
  value: z.string().nullable(),
});
export type RejectedRow = z.infer<typeof RejectedRow>;

export const ExistingMatch = z.object({
  row: z.number().int(),
  personId: z.uuid().optional(),
  institutionId: z.uuid().optional(),
  name: z.string(),
});
export type ExistingMatch = z.infer<typeof ExistingMatch>;

/** What the preview found in one sheet (a CSV file is one sheet). `row` counts the header row as 1. */
export const ImportSheetPreview = z.object({
  sheet: z.string(),
  entity: ImportEntity,
  mapping: z.array(ImportColumn),
  rows: z.array(
    z.object({ row: z.number().int(), record: z.union([PersonImportRecord, InstitutionImportRecord]) }),
  ),
  rejected: z.array(RejectedRow),
  ignored: z.array(z.number().int()),
  duplicates: z.array(z.array(z.number().int())),
  existing: z.array(ExistingMatch),
});
export type ImportSheetPreview = z.infer<typeof ImportSheetPreview>;

export const ImportPreview = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  // CSV only: how the file was read.
  encoding: z.enum(['utf-8', 'windows-1252']).nullable(),
  delimiter: z.enum([';', ',']).nullable(),
  sheets: z.array(ImportSheetPreview),
  // Sheets of a workbook other than "Einrichtungen" and "Personen": not imported.
  ignoredSheets: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

/**
 * The client's own mapping (form field `mapping`, JSON): per sheet, the field of each column in order
 * (null: leave the column out), and for a CSV the entity when the headers do not tell.
 */
export const ImportMapping = z.record(
  z.string().max(200),
  z.object({
    entity: ImportEntity.optional(),
    columns: z.array(z.string().max(40).nullable()).max(200).optional(),
  }),
);
export type ImportMapping = z.infer<typeof ImportMapping>;

/** A person as the duplicate and merge views show them. */
export const DuplicatePerson = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  functions: z.array(z.string()),
  source: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type DuplicatePerson = z.infer<typeof DuplicatePerson>;

/** People who are likely one: the same folded name, or the same e-mail address. */
export const DuplicateGroup = z.object({ people: z.array(DuplicatePerson).min(2) });
export type DuplicateGroup = z.infer<typeof DuplicateGroup>;

export const ImportResult = z.object({
  importId: z.uuid(),
  fileName: z.string(),
  peopleCreated: z.number().int(),
  institutionsCreated: z.number().int(),
  institutionsFound: z.number().int(),
  rejected: z.array(RejectedRow.extend({ sheet: z.string() })),
  ignored: z.number().int(),
  duplicates: z.array(DuplicateGroup),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const MergeInput = z.object({
  otherIds: z
    .array(z.uuid({ error: 'Unbekannte Person.' }))
    .min(1, { error: 'Bitte wählen Sie mindestens eine Dublette.' })
    .max(20),
  version: z.number().int().min(1),
});
export type MergeInput = z.infer<typeof MergeInput>;

export const MergeParams = z.object({
  networkId: z.uuid({ error: 'Unbekanntes Bildungsnetzwerk.' }),
  personId: z.uuid({ error: 'Unbekannte Person.' }),
});

export const MergeResult = z.object({
  personId: z.uuid(),
  merged: z.array(z.uuid()),
  version: z.number().int(),
});
export type MergeResult = z.infer<typeof MergeResult>;
