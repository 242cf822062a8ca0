import { type InstitutionType, schoolTypes } from '../../../contracts/contacts.js';
import {
  type ImportColumn,
  type ImportEntity,
  type ImportMapping,
  type InstitutionImportRecord,
  institutionImportFields,
  type PersonImportRecord,
  personImportFields,
  type RejectedRow,
} from '../../../contracts/contacts-import.js';
import { DomainError } from '../../http/errors.js';
import { fold } from './fold.rules.js';
import type { RawSheet } from './import-parse.js';

/*
 * The rules of an import, without the database: which column is which field (the usual German headers,
 * folded), what a row's record is, which rows are refused and why, which rows are likely one person.
 */

/** A cell's text: trimmed (no-break spaces too), null when empty. */
export function cleanCell(value: string | null | undefined): string | null {
  if (value == null) return null;
  const v = value.replace(/^[\s\u00a0\u2007\u202f\ufeff]+|[\s\u00a0\u2007\u202f\ufeff]+$/gu, '');
  return v === '' ? null : v;
}

/** "mailto:a@b.de" typed as text is the address. */
export const stripMailto = (value: string | null) =>
  value?.toLowerCase().startsWith('mailto:') ? cleanCell(value.slice(7).split('?')[0]) : value;

/** A header folded to letters and digits: "E-Mail-Adresse", "e mail", "EMAIL" → "emailadresse", "email". */
export const headerKey = (header: string) => fold(header).replace(/[^a-z0-9]/g, '');

const personHeaders: Record<string, (typeof personImportFields)[number]> = {
  anrede: 'salutation',
  titel: 'title',
  akadtitel: 'title',
  akademischertitel: 'title',
  vorname: 'firstName',
  nachname: 'lastName',
  name: 'lastName',
  familienname: 'lastName',
  zuname: 'lastName',
  funktion: 'function',
  position: 'function',
  rolle: 'function',
  amt: 'function',
  einrichtung: 'institution',
  schule: 'institution',
  institution: 'institution',
  organisation: 'institution',
  dienststelle: 'institution',
  arbeitgeber: 'institution',
  schulnummer: 'schoolNumber',
  schulnr: 'schoolNumber',
  email: 'email',
  emailadresse: 'email',
  mail: 'email',
  mailadresse: 'email',
  telefon: 'phone',
  tel: 'phone',
  telefonnummer: 'phone',
  telefondienstlich: 'phone',
  mobil: 'phone',
  ort: 'place',
  stadt: 'place',
  gemeinde: 'place',
  dienstort: 'place',
};

const institutionHeaders: Record<string, (typeof institutionImportFields)[number]> = {
  name: 'name',
  einrichtung: 'name',
  schule: 'name',
  schulname: 'name',
  bezeichnung: 'name',
  namedereinrichtung: 'name',
  art: 'type',
  typ: 'type',
  einrichtungsart: 'type',
  schulnummer: 'schoolNumber',
  schulnr: 'schoolNumber',
  schulform: 'schoolType',
  schulart: 'schoolType',
  traeger: 'operator',
  schultraeger: 'operator',
  strasse: 'street',
  strasseundhausnummer: 'street',
  anschrift: 'street',
  adresse: 'street',
  plz: 'postalCode',
  postleitzahl: 'postalCode',
  ort: 'place',
  stadt: 'place',
  gemeinde: 'place',
  email: 'email',
  emailadresse: 'email',
  mail: 'email',
  telefon: 'phone',
  tel: 'phone',
  telefonnummer: 'phone',
};

export const fieldsOf = (entity: ImportEntity): readonly string[] =>
  entity === 'person' ? personImportFields : institutionImportFields;

/** The field a header names for the entity, or null when unknown. */
export function recogniseHeader(entity: ImportEntity, header: string | null): string | null {
  if (!header) return null;
  const key = headerKey(header);
  return (entity === 'person' ? personHeaders : institutionHeaders)[key] ?? null;
}

/**
 * What a sheet holds: a workbook says it by the sheet's name; a CSV by its headers (a first name,
 * function or salutation column means people, else a school number, school type or type column means
 * institutions; people otherwise).
 */
export function entityOfSheet(sheetName: string, headers: Array<string | null>): ImportEntity {
  const name = headerKey(sheetName);
  if (name === 'personen') return 'person';
  if (name === 'einrichtungen') return 'institution';
  const keys = headers.map((h) => (h ? headerKey(h) : ''));
  const personish = keys.some((k) => ['vorname', 'nachname', 'anrede', 'funktion', 'titel'].includes(k));
  const institutionish = keys.some((k) =>
    ['schulform', 'art', 'typ', 'einrichtungsart', 'traeger', 'schultraeger', 'plz'].includes(k),
  );
  return !personish && institutionish ? 'institution' : 'person';
}

/** The column mapping: recognised headers, overridden by the client's own choice per column. */
export function mapColumns(
  entity: ImportEntity,
  headers: Array<string | null>,
  own?: ImportMapping[string],
): ImportColumn[] {
  const valid = fieldsOf(entity);
  const used = new Set<string>();
  return headers.map((header, i) => {
    let field: string | null;
    if (own?.columns && i < own.columns.length) {
      field = own.columns[i] ?? null;
      if (field !== null && !valid.includes(field)) {
        throw new DomainError(
          'import.mapping_invalid',
          `Die Zuordnung der Spalte „${header ?? i + 1}“ ist ungültig: „${field}“ ist kein Feld.`,
          'invalid',
        );
      }
    } else {
      field = recogniseHeader(entity, header);
      // A field taken by an earlier column ("Name" after "Nachname") is not filled twice.
      if (field && used.has(field)) field = null;
    }
    if (field) used.add(field);
    return { column: i + 1, header: header ?? '', field };
  });
}

/** The columns an entity cannot do without: people need a last name, institutions a name. */
export function checkRequiredColumns(sheet: string, entity: ImportEntity, mapping: ImportColumn[]) {
  const required = entity === 'person' ? 'lastName' : 'name';
  if (!mapping.some((c) => c.field === required)) {
    const column = entity === 'person' ? 'Nachname' : 'Name';
    throw new DomainError(
      'import.column_missing',
      `In „${sheet}“ fehlt die Spalte „${column}“. Die Datei wurde nicht übernommen.`,
      'invalid',
      { sheet, column },
    );
  }
}

const EMAIL = /^[^\s@()<>,;:"[\]]+@[^\s@()<>,;:"[\]]+\.[^\s@()<>,;:"[\]]{2,}$/;
const SCHOOL_NUMBER = /^\d{6}$/;

const salutations: Record<string, PersonImportRecord['salutation']> = {
  frau: 'Frau',
  fr: 'Frau',
  herr: 'Herr',
  hr: 'Herr',
  divers: 'divers',
};

const institutionTypeWords: Record<string, InstitutionType> = {
  school: 'school',
  schule: 'school',
  kita: 'kita',
  kindertageseinrichtung: 'kita',
  kindertagesstaette: 'kita',
  kindergarten: 'kita',
  youthservices: 'youth_services',
  jugendhilfe: 'youth_services',
  jugendamt: 'youth_services',
  jugendarbeit: 'youth_services',
  jugendeinrichtung: 'youth_services',
  company: 'company',
  unternehmen: 'company',
  betrieb: 'company',
  firma: 'company',
  chamber: 'chamber',
  kammer: 'chamber',
  association: 'association',
  verein: 'association',
  verband: 'association',
  authority: 'authority',
  behoerde: 'authority',
  verwaltung: 'authority',
  highereducation: 'higher_education',
  hochschule: 'higher_education',
  universitaet: 'higher_education',
  other: 'other',
  sonstige: 'other',
  sonstiges: 'other',
};

export type RowOutcome<R> = { ok: true; record: R } | { ok: false; rejected: RejectedRow[] };

const emptyRow = (cells: Array<string | null>) => cells.every((c) => c == null || c === '');

function collect(cells: Array<string | null>, mapping: ImportColumn[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const c of mapping) {
    if (!c.field) continue;
    const value = cells[c.column - 1] ?? null;
    if (value != null && out[c.field] == null) out[c.field] = value;
  }
  return out;
}

function checkEmail(row: number, value: string | null, rejected: RejectedRow[]): string | null {
  const email = stripMailto(value);
  if (email == null) return null;
  if (!EMAIL.test(email)) {
    rejected.push({ row, field: 'email', reason: 'Die E-Mail-Adresse ist ungültig.', value });
  }
  return email;
}

function checkSchoolNumber(row: number, value: string | null, rejected: RejectedRow[]): string | null {
  if (value == null) return null;
  const number = value.replace(/\s/g, '');
  if (!SCHOOL_NUMBER.test(number)) {
    rejected.push({ row, field: 'schoolNumber', reason: 'Die Schulnummer hat in NRW sechs Ziffern.', value });
  }
  return number;
}

export function personRecord(
  row: number,
  cells: Array<string | null>,
  mapping: ImportColumn[],
): RowOutcome<PersonImportRecord> {
  const v = collect(cells, mapping);
  const rejected: RejectedRow[] = [];
  let salutation = v.salutation ?? null;
  if (salutation != null) {
    const known = salutations[headerKey(salutation)];
    if (known) salutation = known;
    else rejected.push({ row, field: 'salutation', reason: 'Unbekannte Anrede.', value: salutation });
  }
  const lastName = v.lastName ?? null;
  if (lastName == null) {
    rejected.push({ row, field: 'lastName', reason: 'Der Nachname fehlt.', value: null });
  }
  const record: PersonImportRecord = {
    salutation,
    title: v.title ?? null,
    firstName: v.firstName ?? null,
    lastName,
    function: v.function ?? null,
    institution: v.institution ?? null,
    schoolNumber: checkSchoolNumber(row, v.schoolNumber ?? null, rejected),
    email: checkEmail(row, v.email ?? null, rejected),
    phone: v.phone ?? null,
    place: v.place ?? null,
  };
  return rejected.length ? { ok: false, rejected } : { ok: true, record };
}

export function institutionRecord(
  row: number,
  cells: Array<string | null>,
  mapping: ImportColumn[],
): RowOutcome<InstitutionImportRecord> {
  const v = collect(cells, mapping);
  const rejected: RejectedRow[] = [];
  const name = v.name ?? null;
  if (name == null) rejected.push({ row, field: 'name', reason: 'Der Name fehlt.', value: null });
  const schoolNumber = checkSchoolNumber(row, v.schoolNumber ?? null, rejected);
  let schoolType = v.schoolType ?? null;
  if (schoolType != null) {
    const known = schoolTypes.find((s) => headerKey(s) === headerKey(schoolType!));
    if (known) schoolType = known;
    else rejected.push({ row, field: 'schoolType', reason: 'Unbekannte Schulform.', value: schoolType });
  }
  let type: string | null = v.type ?? null;
  if (type != null) {
    const known = institutionTypeWords[headerKey(type)];
    if (known) type = known;
    else rejected.push({ row, field: 'type', reason: 'Unbekannte Art der Einrichtung.', value: type });
  } else {
    type = schoolNumber || schoolType ? 'school' : 'other';
  }
  const record: InstitutionImportRecord = {
    name,
    type,
    schoolNumber,
    schoolType,
    operator: v.operator ?? null,
    street: v.street ?? null,
    postalCode: v.postalCode ?? null,
    place: v.place ?? null,
    email: checkEmail(row, v.email ?? null, rejected),
    phone: v.phone ?? null,
  };
  return rejected.length ? { ok: false, rejected } : { ok: true, record };
}

/** The folded name a person is compared by: Müller = Mueller = MÜLLER, spaces and case aside. */
export const personKey = (firstName: string | null, lastName: string | null) =>
  fold(`${firstName ?? ''} ${lastName ?? ''}`)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export const emailKey = (email: string | null) => (email ? email.trim().toLowerCase() : '');

/**
 * Groups of items that share a key (any of their keys): union of overlapping groups, each group in the
 * items' order, groups ordered by their first item. Keys that are '' are ignored.
 */
export function groupByKeys<T>(items: T[], keysOf: (item: T) => string[]): T[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    for (const key of keysOf(item)) {
      if (!key) continue;
      const j = seen.get(key);
      if (j === undefined) seen.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, T[]>();
  items.forEach((item, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), item]);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}

export const institutionKey = (name: string | null) =>
  fold(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export type SheetResult = {
  sheet: string;
  entity: ImportEntity;
  mapping: ImportColumn[];
  rows: Array<{ row: number; record: PersonImportRecord | InstitutionImportRecord }>;
  rejected: RejectedRow[];
  ignored: number[];
  duplicates: number[][];
};

/** A sheet read by the rules: header row, mapping, records, rejected and empty rows, duplicates. */
export function readSheet(raw: RawSheet, own?: ImportMapping[string]): SheetResult {
  const headerIndex = raw.rows.findIndex((r) => !emptyRow(r.cells));
  if (headerIndex < 0) {
    throw new DomainError('import.sheet_empty', `„${raw.name}“ enthält keine Zeilen.`, 'invalid');
  }
  const header = raw.rows[headerIndex]!;
  const entity = own?.entity ?? entityOfSheet(raw.name, header.cells);
  const mapping = mapColumns(entity, header.cells, own);
  checkRequiredColumns(raw.name, entity, mapping);
  const result: SheetResult = {
    sheet: raw.name,
    entity,
    mapping,
    rows: [],
    rejected: [],
    ignored: [],
    duplicates: [],
  };
  for (const r of raw.rows.slice(headerIndex + 1)) {
    if (emptyRow(r.cells)) {
      result.ignored.push(r.row);
      continue;
    }
    const outcome =
      entity === 'person'
        ? personRecord(r.row, r.cells, mapping)
        : institutionRecord(r.row, r.cells, mapping);
    if (outcome.ok) result.rows.push({ row: r.row, record: outcome.record });
    else result.rejected.push(...outcome.rejected);
  }
  result.duplicates = groupByKeys(result.rows, (r) =>
    entity === 'person'
      ? [
          `n:${personKey((r.record as PersonImportRecord).firstName, (r.record as PersonImportRecord).lastName)}`,
          emailKey(r.record.email) ? `e:${emailKey(r.record.email)}` : '',
        ]
      : [
          r.record.schoolNumber ? `s:${r.record.schoolNumber}` : '',
          `n:${institutionKey((r.record as InstitutionImportRecord).name)}`,
        ],
  ).map((g) => g.map((r) => r.row));
  return result;
}

/** A person's display name: title, first and last name. */
export const displayName = (p: {
  title?: string | null;
  firstName?: string | null;
  lastName?: string | null;
}) => [p.title, p.firstName, p.lastName].filter((x) => x && x.trim() !== '').join(' ');
