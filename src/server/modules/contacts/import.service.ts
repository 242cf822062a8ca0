import type { InstitutionType, Salutation } from '../../../contracts/contacts.js';
import type {
  DuplicateGroup,
  DuplicatePerson,
  ExistingMatch,
  ImportMapping,
  ImportPreview,
  ImportResult,
  InstitutionImportRecord,
  MergeInput,
  MergeResult,
  PersonImportRecord,
} from '../../../contracts/contacts-import.js';
import type { Db } from '../../db/client.js';
import { DomainError, notFound, staleVersion } from '../../http/errors.js';
import type { Deps, NetworkActor } from '../../lib/context.js';
import { auditActorOf, lastChangedBy, recordAudit } from '../audit/audit.service.js';
import { movePersonLinks } from '../links/links.service.js';
import { authorize } from '../networks/networks.policy.js';
import { movePersonReferences } from '../steering/steering.service.js';
import { municipalitiesOf } from '../structure/structure.service.js';
import type { RecordSource } from './contacts.tables.js';
import * as repo from './import.repository.js';
import {
  displayName,
  emailKey,
  groupByKeys,
  institutionKey,
  personKey,
  readSheet,
  type SheetResult,
} from './import.rules.js';
import { parseSpreadsheet } from './import-parse.js';
import { refreshInstitutionSearch, refreshPersonSearch } from './records.service.js';

/*
 * Import of the office's spreadsheets: the preview reads the file and writes nothing; the import writes
 * the good rows of all sheets in one transaction (institutions first, then people with their functions)
 * and reports the rows it skipped and the likely duplicates; merging folds duplicates into one record.
 */

export type UploadedFile = { name: string; content: Buffer };

type Analysis = {
  preview: ImportPreview;
  sheets: SheetResult[];
};

const nameKeysOf = (p: { firstName: string | null; lastName: string | null; email: string | null }) => {
  const name = personKey(p.firstName, p.lastName);
  return [name ? `n:${name}` : '', emailKey(p.email) ? `e:${emailKey(p.email)}` : ''];
};

/** Reads the file and the network's records: what the import would do, without writing. */
async function analyse(
  db: Db,
  networkId: string,
  file: UploadedFile,
  mapping: ImportMapping | undefined,
): Promise<Analysis> {
  const parsed = await parseSpreadsheet(file.content, file.name);
  const sheets = parsed.sheets.map((s) => readSheet(s, mapping?.[s.name]));
  // Institutions first, so the people's institutions can be found among them.
  sheets.sort((a, b) => (a.entity === b.entity ? 0 : a.entity === 'institution' ? -1 : 1));
  const [people, institutions] = await Promise.all([
    sheets.some((s) => s.entity === 'person') ? repo.activePeople(db, networkId) : [],
    sheets.some((s) => s.entity === 'institution') ? repo.activeInstitutions(db, networkId) : [],
  ]);
  const peopleByKey = new Map<string, (typeof people)[number]>();
  for (const p of people) for (const k of nameKeysOf(p)) if (k && !peopleByKey.has(k)) peopleByKey.set(k, p);
  const instByKey = new Map<string, (typeof institutions)[number]>();
  for (const i of institutions) {
    if (i.schoolNumber) instByKey.set(`s:${i.schoolNumber}`, i);
    const k = institutionKey(i.name);
    if (k && !instByKey.has(`n:${k}`)) instByKey.set(`n:${k}`, i);
  }
  const preview: ImportPreview = {
    fileName: file.name,
    format: parsed.format,
    encoding: parsed.encoding,
    delimiter: parsed.delimiter,
    ignoredSheets: parsed.ignoredSheets,
    sheets: sheets.map((s) => {
      const existing: ExistingMatch[] = [];
      for (const r of s.rows) {
        if (s.entity === 'person') {
          const rec = r.record as PersonImportRecord;
          const match = nameKeysOf(rec)
            .filter(Boolean)
            .map((k) => peopleByKey.get(k))
            .find(Boolean);
          if (match) existing.push({ row: r.row, personId: match.id, name: displayName(match) });
        } else {
          const rec = r.record as InstitutionImportRecord;
          const match =
            (rec.schoolNumber ? instByKey.get(`s:${rec.schoolNumber}`) : undefined) ??
            instByKey.get(`n:${institutionKey(rec.name)}`);
          if (match) existing.push({ row: r.row, institutionId: match.id, name: match.name });
        }
      }
      return {
        sheet: s.sheet,
        entity: s.entity,
        mapping: s.mapping,
        rows: s.rows,
        rejected: s.rejected,
        ignored: s.ignored,
        duplicates: s.duplicates,
        existing,
      };
    }),
  };
  return { preview, sheets };
}

/** The preview of an import: per sheet the mapping, the rows, the rejected and empty rows, duplicates. */
export async function previewImport(
  deps: Deps,
  actor: NetworkActor,
  file: UploadedFile,
  mapping?: ImportMapping,
): Promise<ImportPreview> {
  authorize(actor.role, 'contacts.manage');
  return (await analyse(deps.db, actor.networkId, file, mapping)).preview;
}

const sourceText = (s: RecordSource): string => {
  switch (s.kind) {
    case 'imported':
      return `Importiert aus ${s.file ?? 'einer Datei'}${s.row ? `, Zeile ${s.row}` : ''}`;
    case 'registration':
      return 'Anmeldung';
    case 'committee':
      return 'Lenkungskreis';
    case 'guest':
      return 'Gast';
    case 'account':
      return 'Zugang';
    default:
      return 'Eingegeben';
  }
};

const duplicatePerson = (p: repo.ActivePerson): DuplicatePerson => ({
  id: p.id,
  name: displayName(p) || p.lastName,
  email: p.email,
  functions: p.functions,
  source: sourceText(p.source),
  version: p.version,
  createdAt: p.createdAt.toISOString(),
});

async function duplicateGroups(db: Db, networkId: string): Promise<DuplicateGroup[]> {
  const people = await repo.activePeople(db, networkId);
  return groupByKeys(people, nameKeysOf).map((g) => ({ people: g.map(duplicatePerson) }));
}

/** Groups of people in the network that are likely one: the same folded name or the same e-mail. */
export async function listDuplicates(deps: Deps, actor: NetworkActor): Promise<DuplicateGroup[]> {
  authorize(actor.role, 'contacts.manage');
  return duplicateGroups(deps.db, actor.networkId);
}

type Municipality = Awaited<ReturnType<typeof municipalitiesOf>>[number];

/** The municipality of the network a place or operator names: "Brilon" finds "Brilon" and "Stadt Brilon". */
function municipalityNamed(list: Municipality[], name: string | null): Municipality | undefined {
  const key = institutionKey(name);
  if (!key) return undefined;
  return (
    list.find((m) => m.regionKey === name?.trim()) ??
    list.find((m) => institutionKey(m.name) === key) ??
    list.find((m) => institutionKey(m.name).endsWith(` ${key}`))
  );
}

const salutationOf = (s: string | null): Salutation =>
  s === 'Frau' || s === 'Herr' || s === 'divers' ? s : 'none';

/**
 * Imports the good rows of the file in one transaction: an import record, institutions (found by school
 * number or folded name, else created), people with their source (file and row) and their function at
 * their institution; one audit entry for the import and one per record created. Rows the preview
 * rejects are skipped and reported; nothing is written when anything fails.
 */
export async function runImport(
  deps: Deps,
  actor: NetworkActor,
  file: UploadedFile,
  mapping?: ImportMapping,
): Promise<ImportResult> {
  authorize(actor.role, 'contacts.manage');
  const networkId = actor.networkId;
  const { preview, sheets } = await analyse(deps.db, networkId, file, mapping);
  const rejected = preview.sheets.flatMap((s) => s.rejected.map((r) => ({ ...r, sheet: s.sheet })));
  const ignored = preview.sheets.reduce((n, s) => n + s.ignored.length, 0);
  const audit = auditActorOf(actor);

  const outcome = await deps.db.transaction(async (tx) => {
    const rowsTotal = sheets.reduce((n, s) => n + s.rows.length, 0);
    const imp = await repo.insertImport(tx, {
      networkId,
      fileName: file.name,
      createdBy: actor.userId,
      summary: {
        format: preview.format,
        sheets: preview.sheets.map((s) => ({
          sheet: s.sheet,
          entity: s.entity,
          rows: s.rows.length,
          rejected: s.rejected.length,
          ignored: s.ignored.length,
        })),
        rejected,
      },
    });
    const source = (row: number): RecordSource => ({
      kind: 'imported',
      importId: imp.id,
      file: file.name,
      row,
    });
    const municipalities = await municipalitiesOf(tx, networkId);
    const known = new Map<string, string>();
    for (const i of await repo.activeInstitutions(tx, networkId)) {
      if (i.schoolNumber) known.set(`s:${i.schoolNumber}`, i.id);
      const k = institutionKey(i.name);
      if (k && !known.has(`n:${k}`)) known.set(`n:${k}`, i.id);
    }
    const createdInstitutions: string[] = [];
    let institutionsFound = 0;

    /** Finds an institution by school number or folded name, or creates it; returns its id. */
    const institutionFor = async (
      rec: Omit<InstitutionImportRecord, 'type'> & { type: InstitutionType },
      row: number,
    ): Promise<string> => {
      const byNumber = rec.schoolNumber ? known.get(`s:${rec.schoolNumber}`) : undefined;
      const found = byNumber ?? known.get(`n:${institutionKey(rec.name)}`);
      if (found) {
        institutionsFound++;
        return found;
      }
      const place = municipalityNamed(municipalities, rec.place);
      const operator = rec.operator ? municipalityNamed(municipalities, rec.operator) : undefined;
      const id = await repo.insertInstitutionRow(tx, {
        networkId,
        name: rec.name!,
        type: rec.type,
        schoolNumber: rec.schoolNumber,
        schoolType: rec.schoolType,
        operatorId: operator?.id ?? null,
        street: rec.street ?? '',
        postalCode: rec.postalCode ?? '',
        place: rec.place ?? '',
        municipalityId: place?.id ?? null,
        email: rec.email,
        phone: rec.phone,
        source: source(row),
        createdBy: actor.userId,
      });
      if (rec.schoolNumber) known.set(`s:${rec.schoolNumber}`, id);
      known.set(`n:${institutionKey(rec.name)}`, id);
      createdInstitutions.push(id);
      await recordAudit(tx, audit, {
        action: 'create',
        entityType: 'institution',
        entityId: id,
        summary: `Einrichtung „${rec.name}“ importiert (${file.name}, Zeile ${row})`,
        after: rec,
      });
      return id;
    };

    const createdPeople: string[] = [];
    for (const s of sheets) {
      for (const { row, record } of s.rows) {
        if (s.entity === 'institution') {
          const rec = record as InstitutionImportRecord;
          await institutionFor({ ...rec, type: rec.type as InstitutionType }, row);
          continue;
        }
        const rec = record as PersonImportRecord;
        const personId = await repo.insertPersonRow(tx, {
          networkId,
          salutation: salutationOf(rec.salutation),
          title: rec.title ?? '',
          firstName: rec.firstName ?? '',
          lastName: rec.lastName!,
          email: rec.email,
          phone: rec.phone,
          legalBasis: 'public_task',
          source: source(row),
          createdBy: actor.userId,
        });
        createdPeople.push(personId);
        if (rec.institution || rec.schoolNumber) {
          const institutionId = await institutionFor(
            {
              name: rec.institution ?? `Schule ${rec.schoolNumber}`,
              type: rec.schoolNumber ? 'school' : 'other',
              schoolNumber: rec.schoolNumber,
              schoolType: null,
              operator: null,
              street: null,
              postalCode: null,
              place: rec.place,
              email: null,
              phone: null,
            },
            row,
          );
          await repo.insertAffiliation(tx, {
            networkId,
            personId,
            institutionId,
            function: rec.function ?? '',
          });
        }
        await recordAudit(tx, audit, {
          action: 'create',
          entityType: 'person',
          entityId: personId,
          summary: `Person „${displayName(rec)}“ importiert (${file.name}, Zeile ${row})`,
          after: rec,
        });
      }
    }
    await refreshInstitutionSearch(tx, createdInstitutions);
    await refreshPersonSearch(tx, createdPeople);
    await recordAudit(tx, audit, {
      action: 'create',
      entityType: 'contact_import',
      entityId: imp.id,
      summary: `Import „${file.name}“: ${createdPeople.length} Personen und ${createdInstitutions.length} Einrichtungen angelegt, ${rejected.length} Zeilen abgelehnt`,
      after: { rows: rowsTotal, rejected: rejected.length, ignored },
    });
    return { importId: imp.id, createdPeople, createdInstitutions, institutionsFound };
  });

  const created = new Set(outcome.createdPeople);
  const duplicates = (await duplicateGroups(deps.db, networkId)).filter((g) =>
    g.people.some((p) => created.has(p.id)),
  );
  return {
    importId: outcome.importId,
    fileName: file.name,
    peopleCreated: outcome.createdPeople.length,
    institutionsCreated: outcome.createdInstitutions.length,
    institutionsFound: outcome.institutionsFound,
    rejected,
    ignored,
    duplicates,
  };
}

const mergeable = ['salutation', 'title', 'firstName', 'email', 'phone', 'notes', 'userId'] as const;

/**
 * Merges duplicates into one person, in one transaction: the kept record gets the others' functions,
 * fields, consents, list memberships, committee memberships, guest invitations and personal links, and
 * fills its empty fields from theirs; the others stay as emptied rows pointing at it (merged_into).
 */
export async function mergePeople(
  deps: Deps,
  actor: NetworkActor,
  personId: string,
  input: MergeInput,
): Promise<MergeResult> {
  authorize(actor.role, 'contacts.manage');
  const networkId = actor.networkId;
  const otherIds = [...new Set(input.otherIds)].filter((id) => id !== personId);
  if (otherIds.length === 0) {
    throw new DomainError(
      'contacts.merge_nothing',
      'Bitte wählen Sie mindestens eine andere Person zum Zusammenführen.',
      'invalid',
    );
  }
  return deps.db.transaction(async (tx) => {
    const rows = await repo.peopleForUpdate(tx, networkId, [personId, ...otherIds]);
    const kept = rows.find((r) => r.id === personId);
    if (!kept) throw notFound('Die Person');
    const others = otherIds.map((id) => rows.find((r) => r.id === id));
    if (others.some((o) => !o)) throw notFound('Eine der ausgewählten Personen');
    for (const p of [kept, ...others]) {
      if (p!.erasedAt || p!.mergedInto) {
        throw new DomainError(
          'contacts.merge_gone',
          `${displayName(p!) || 'Eine Person'} ist bereits gelöscht oder zusammengeführt.`,
          'conflict',
        );
      }
    }
    if (kept.version !== input.version) {
      throw staleVersion(
        'contacts.person_stale',
        `Der Eintrag von ${displayName(kept)}`,
        await lastChangedBy(tx, networkId, 'person', kept.id),
        '. Bitte laden Sie die Seite neu.',
      );
    }
    const fill: Partial<typeof kept> = {};
    for (const o of others) {
      for (const key of mergeable) {
        const current = fill[key] ?? kept[key];
        const empty = current == null || current === '' || current === 'none';
        const theirs = o![key];
        if (empty && theirs != null && theirs !== '' && theirs !== 'none') {
          (fill as Record<string, unknown>)[key] = theirs;
        }
      }
    }
    const topics = [...new Set([kept, ...others].flatMap((p) => p!.multiplierTopics))];
    const multiplier = [kept, ...others].some((p) => p!.multiplier);
    const lastActivity = [kept, ...others]
      .map((p) => p!.lastActivityAt)
      .filter((d): d is Date => d != null)
      .sort((a, b) => b.getTime() - a.getTime())[0];
    // The account (user_id) moves: the others let go of it first, one person per account.
    for (const o of others) {
      await repo.updatePersonRow(tx, o!.id, {
        mergedInto: kept.id,
        salutation: 'none',
        title: '',
        firstName: '',
        lastName: '',
        email: null,
        phone: null,
        notes: '',
        multiplier: false,
        multiplierTopics: [],
        userId: null,
        searchText: '',
      });
    }
    const moved = await repo.moveContactsData(tx, networkId, otherIds, kept.id);
    const steering = await movePersonReferences(tx, networkId, otherIds, kept.id);
    await movePersonLinks(tx, networkId, otherIds, kept.id);
    const after = await repo.updatePersonRow(tx, kept.id, {
      ...fill,
      multiplier,
      multiplierTopics: topics,
      lastActivityAt: lastActivity ?? null,
    });
    await refreshPersonSearch(tx, [kept.id, ...otherIds]);
    const audit = auditActorOf(actor);
    const names = others.map((o) => displayName(o!) || o!.lastName);
    await recordAudit(tx, audit, {
      action: 'update',
      entityType: 'person',
      entityId: kept.id,
      summary: `Dubletten zusammengeführt: ${names.join(', ')} → ${displayName(after)}`,
      before: { kept: pick(kept), merged: others.map((o) => pick(o!)) },
      after: { ...pick(after), moved: { ...moved, ...steering } },
    });
    for (const o of others) {
      await recordAudit(tx, audit, {
        action: 'update',
        entityType: 'person',
        entityId: o!.id,
        summary: `${displayName(o!) || o!.lastName} mit ${displayName(after)} zusammengeführt`,
        before: pick(o!),
        after: { mergedInto: kept.id },
      });
    }
    return { personId: kept.id, merged: otherIds, version: after.version };
  });
}

const pick = (p: {
  id: string;
  salutation: string;
  title: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
}) => ({
  id: p.id,
  salutation: p.salutation,
  title: p.title,
  firstName: p.firstName,
  lastName: p.lastName,
  email: p.email,
  phone: p.phone,
});
