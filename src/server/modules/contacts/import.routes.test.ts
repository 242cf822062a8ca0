import { randomUUID } from 'node:crypto';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import { multipart, tinyPdf } from '../../../../tests/helpers/multipart.js';
import * as t from '../../db/schema.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

type Role = keyof TestNetwork['users'];

const PEOPLE_CSV =
  'Anrede;Vorname;Nachname;Funktion;Einrichtung;Schulnummer;E-Mail;Ort\n' +
  'Frau;Jana;Müller;Schulleitung;Beispiel-Gymnasium Brilon;170001;jana.mueller@example.org;Brilon\n' +
  ';Jana;Mueller;StuBO;Beispiel-Gymnasium Brilon;170001;;Brilon\n' +
  ';;;;;;;\n' +
  'Herr;Emre;Yılmaz;Schulleitung;Beispiel-Realschule Olsberg;;emre(at)example.org;Olsberg\n' +
  'Herr;Karl;Straße;Geschäftsführung;Beispiel-Kammer;;karl@example.org;Olsberg\n';

function upload(net: TestNetwork, role: Role, path: string, content: Buffer, name: string, mapping?: object) {
  const body = multipart(mapping ? { mapping: JSON.stringify(mapping) } : {}, { name, content });
  return ctx.as(net.users[role].cookie, {
    method: 'POST',
    url: `/api/networks/${net.id}/contacts/${path}`,
    payload: body.payload,
    headers: body.headers,
  });
}

const api = (net: TestNetwork, role: Role, method: 'GET' | 'POST', url: string, payload?: object) =>
  ctx.as(net.users[role].cookie, { method, url: `/api/networks/${net.id}/contacts${url}`, payload });

async function networkWithPlaces() {
  const net = await createNetworkWithMembers(ctx);
  await ctx.database.db.insert(t.municipality).values([
    { networkId: net.id, regionKey: '05958004', name: 'Brilon' },
    { networkId: net.id, regionKey: '05958036', name: 'Olsberg' },
  ]);
  return net;
}

const peopleOf = (networkId: string) =>
  ctx.database.db.select().from(t.person).where(eq(t.person.networkId, networkId));

describe('who may import', () => {
  it('lets admin and office preview, import, list duplicates and merge; others 403; another network 404', async () => {
    const net = await networkWithPlaces();
    const other = await createNetworkWithMembers(ctx);
    const csv = Buffer.from(PEOPLE_CSV);
    for (const role of ['admin', 'office'] as const) {
      expect((await upload(net, role, 'import/preview', csv, 'p.csv')).statusCode).toBe(200);
      expect((await api(net, role, 'GET', '/duplicates')).statusCode).toBe(200);
    }
    for (const role of ['committee', 'guest', 'partner'] as const) {
      expect((await upload(net, role, 'import/preview', csv, 'p.csv')).statusCode).toBe(403);
      expect((await upload(net, role, 'import', csv, 'p.csv')).statusCode).toBe(403);
      expect((await api(net, role, 'GET', '/duplicates')).statusCode).toBe(403);
      const merge = await api(net, role, 'POST', `/people/${randomUUID()}/merge`, {
        otherIds: [randomUUID()],
        version: 1,
      });
      expect(merge.statusCode).toBe(403);
    }
    const foreign = { ...net, users: other.users };
    expect((await upload(foreign, 'admin', 'import/preview', csv, 'p.csv')).statusCode).toBe(404);
    expect((await upload(foreign, 'admin', 'import', csv, 'p.csv')).statusCode).toBe(404);
    expect((await api(foreign, 'admin', 'GET', '/duplicates')).statusCode).toBe(404);
    expect((await peopleOf(net.id)).filter((p) => p.source.kind === 'imported')).toHaveLength(0);
  });
});

describe('preview', () => {
  it('returns per sheet the mapping, rows, rejected and ignored rows, duplicates and existing records, writing nothing', async () => {
    const net = await networkWithPlaces();
    const before = await peopleOf(net.id);
    const res = await upload(net, 'office', 'import/preview', Buffer.from(PEOPLE_CSV), 'personen.csv');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      fileName: 'personen.csv',
      format: 'csv',
      encoding: 'utf-8',
      delimiter: ';',
    });
    const [sheet] = body.sheets;
    expect(sheet.entity).toBe('person');
    expect(sheet.mapping.map((c: { field: string }) => c.field)).toEqual([
      'salutation',
      'firstName',
      'lastName',
      'function',
      'institution',
      'schoolNumber',
      'email',
      'place',
    ]);
    expect(sheet.rows.map((r: { row: number }) => r.row)).toEqual([2, 3, 6]);
    expect(sheet.rows[0].record).toEqual({
      salutation: 'Frau',
      title: null,
      firstName: 'Jana',
      lastName: 'Müller',
      function: 'Schulleitung',
      institution: 'Beispiel-Gymnasium Brilon',
      schoolNumber: '170001',
      email: 'jana.mueller@example.org',
      phone: null,
      place: 'Brilon',
    });
    expect(sheet.rejected).toEqual([
      { row: 5, field: 'email', reason: 'Die E-Mail-Adresse ist ungültig.', value: 'emre(at)example.org' },
    ]);
    expect(sheet.ignored).toEqual([4]);
    expect(sheet.duplicates).toEqual([[2, 3]]);
    expect(sheet.existing).toEqual([]);
    expect(await peopleOf(net.id)).toHaveLength(before.length);
    const imports = await ctx.database.db
      .select({ n: count() })
      .from(t.contactImport)
      .where(eq(t.contactImport.networkId, net.id));
    expect(imports[0]!.n).toBe(0);
  });

  it('takes the client’s own mapping', async () => {
    const net = await networkWithPlaces();
    const csv = Buffer.from('Wer;Kontakt\nMeier;meier@example.org\n');
    const refused = await upload(net, 'office', 'import/preview', csv, 'x.csv');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toBe(
      'In „CSV“ fehlt die Spalte „Nachname“. Die Datei wurde nicht übernommen.',
    );
    const res = await upload(net, 'office', 'import/preview', csv, 'x.csv', {
      CSV: { entity: 'person', columns: ['lastName', 'email'] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().sheets[0].rows[0].record).toMatchObject({
      lastName: 'Meier',
      email: 'meier@example.org',
    });
    const bad = await upload(net, 'office', 'import/preview', csv, 'x.csv', {
      CSV: { columns: ['shoeSize'] },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses a file that is not a spreadsheet (400) and one over 20 MB (413)', async () => {
    const net = await networkWithPlaces();
    const pdf = await upload(net, 'office', 'import/preview', tinyPdf(), 'adressen.pdf');
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().error.message).toBe(
      'Die Datei ist keine Tabelle. Bitte laden Sie eine Excel-Datei (.xlsx) oder eine CSV-Datei hoch.',
    );
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 'a');
    const res = await upload(net, 'office', 'import', big, 'gross.csv');
    expect(res.statusCode).toBe(413);
    expect(await peopleOf(net.id)).toHaveLength(0);
  });
});

async function workbookFile() {
  const wb = new ExcelJS.Workbook();
  const inst = wb.addWorksheet('Einrichtungen');
  inst.addRow(['Name', 'Art', 'Schulnummer', 'Schulform', 'Träger', 'Straße', 'PLZ', 'Ort']);
  inst.addRow([
    'Beispiel-Gymnasium Brilon',
    'Schule',
    170001,
    'Gymnasium',
    'Brilon',
    'Schulstraße 1',
    '59929',
    'Brilon',
  ]);
  inst.addRow(['Beispiel-Kita Olsberg', 'Kita', null, null, null, null, null, 'Olsberg']);
  const ppl = wb.addWorksheet('Personen');
  ppl.addRow(['Anrede', 'Vorname', 'Nachname', 'Funktion', 'Einrichtung', 'Schulnummer', 'E-Mail']);
  ppl.addRow(['Frau', 'Jana', 'Müller', 'Schulleitung', null, 170001, 'jana@example.org']);
  ppl.addRow([null, 'Jana', 'MÜLLER', 'StuBO', 'Beispiel-Gymnasium Brilon', null, null]);
  ppl.addRow(['Herr', 'Ben', 'Kita-Leiter', 'Leitung', 'Beispiel-Kita Olsberg', null, 'ben(at)example.org']);
  ppl.addRow(['Frau', 'Ida', 'Neu', 'Fachberatung', 'Beispiel-Jugendamt', null, 'ida@example.org']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('import', () => {
  it('writes institutions, people with their source and functions, audit entries, and reports duplicates', async () => {
    const net = await networkWithPlaces();
    const res = await upload(net, 'office', 'import', await workbookFile(), 'adressen.xlsx');
    expect(res.statusCode).toBe(201);
    const result = res.json();
    expect(result).toMatchObject({
      fileName: 'adressen.xlsx',
      peopleCreated: 3,
      institutionsCreated: 3,
      institutionsFound: 2,
      rejected: [
        {
          sheet: 'Personen',
          row: 4,
          field: 'email',
          reason: 'Die E-Mail-Adresse ist ungültig.',
          value: 'ben(at)example.org',
        },
      ],
    });
    const db = ctx.database.db;
    const insts = await db.select().from(t.institution).where(eq(t.institution.networkId, net.id));
    const gym = insts.find((i) => i.schoolNumber === '170001')!;
    const [brilon] = await db
      .select()
      .from(t.municipality)
      .where(and(eq(t.municipality.networkId, net.id), eq(t.municipality.name, 'Brilon')));
    expect(gym).toMatchObject({
      name: 'Beispiel-Gymnasium Brilon',
      type: 'school',
      schoolType: 'Gymnasium',
      operatorId: brilon!.id,
      municipalityId: brilon!.id,
      street: 'Schulstraße 1',
      source: { kind: 'imported', importId: result.importId, file: 'adressen.xlsx', row: 2 },
    });
    expect(gym.searchText).toContain('brilon');
    expect(insts.map((i) => i.name).sort()).toEqual([
      'Beispiel-Gymnasium Brilon',
      'Beispiel-Jugendamt',
      'Beispiel-Kita Olsberg',
    ]);
    const people = (await peopleOf(net.id)).filter((p) => p.source.kind === 'imported');
    expect(people.map((p) => [p.lastName, p.source.row]).sort()).toEqual([
      ['MÜLLER', 3],
      ['Müller', 2],
      ['Neu', 5],
    ]);
    const jana = people.find((p) => p.lastName === 'Müller')!;
    expect(jana).toMatchObject({ salutation: 'Frau', firstName: 'Jana', email: 'jana@example.org' });
    expect(jana.searchText).toContain('mueller');
    expect(jana.searchText).toContain('schulleitung');
    const affs = await db
      .select()
      .from(t.affiliation)
      .where(
        inArray(
          t.affiliation.personId,
          people.map((p) => p.id),
        ),
      );
    expect(
      affs
        .filter((a) => a.institutionId === gym.id)
        .map((a) => a.function)
        .sort(),
    ).toEqual(['Schulleitung', 'StuBO']);
    // The duplicates after the import, with the people's ids to merge them.
    expect(result.duplicates).toHaveLength(1);
    expect(result.duplicates[0].people.map((p: { id: string }) => p.id).sort()).toEqual(
      people
        .filter((p) => p.lastName !== 'Neu')
        .map((p) => p.id)
        .sort(),
    );
    const audit = await db.select().from(t.auditEvent).where(eq(t.auditEvent.networkId, net.id));
    expect(audit.filter((a) => a.entityType === 'contact_import')).toHaveLength(1);
    expect(audit.filter((a) => a.entityType === 'person' && a.action === 'create')).toHaveLength(3);
    expect(audit.filter((a) => a.entityType === 'institution' && a.action === 'create')).toHaveLength(3);
    // A second import finds the institutions and reports the people as existing.
    const again = await upload(net, 'office', 'import/preview', await workbookFile(), 'adressen.xlsx');
    const personen = again.json().sheets.find((s: { sheet: string }) => s.sheet === 'Personen');
    expect(personen.existing.map((e: { row: number }) => e.row)).toEqual([2, 3, 5]);
    const einrichtungen = again.json().sheets.find((s: { sheet: string }) => s.sheet === 'Einrichtungen');
    expect(einrichtungen.existing.map((e: { institutionId: string }) => e.institutionId)).toContain(gym.id);
    expect(einrichtungen.rows[0]).toEqual({
      row: 2,
      record: {
        name: 'Beispiel-Gymnasium Brilon',
        type: 'school',
        schoolNumber: '170001',
        schoolType: 'Gymnasium',
        operator: 'Brilon',
        street: 'Schulstraße 1',
        postalCode: '59929',
        place: 'Brilon',
        email: null,
        phone: null,
      },
    });
  });

  it('is all or nothing: a failure in the middle writes nothing', async () => {
    const net = await networkWithPlaces();
    const db = ctx.database.db;
    await db.execute(sql`
      CREATE OR REPLACE FUNCTION test_refuse_person() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.last_name = 'Straße' THEN RAISE EXCEPTION 'test: refused'; END IF;
        RETURN NEW;
      END $$`);
    await db.execute(sql`
      CREATE TRIGGER test_refuse_person BEFORE INSERT ON person
      FOR EACH ROW EXECUTE FUNCTION test_refuse_person()`);
    try {
      const res = await upload(net, 'office', 'import', Buffer.from(PEOPLE_CSV), 'personen.csv');
      expect(res.statusCode).toBe(500);
    } finally {
      await db.execute(sql`DROP TRIGGER test_refuse_person ON person`);
    }
    expect(await peopleOf(net.id)).toHaveLength(0);
    expect(await db.select().from(t.institution).where(eq(t.institution.networkId, net.id))).toHaveLength(0);
    expect(await db.select().from(t.contactImport).where(eq(t.contactImport.networkId, net.id))).toHaveLength(
      0,
    );
    const audit = await db.select().from(t.auditEvent).where(eq(t.auditEvent.networkId, net.id));
    expect(audit).toHaveLength(0);
  });
});

describe('duplicates and merging', () => {
  it('moves functions, consents, list memberships, committee, guest and link references to the kept record', async () => {
    const net = await networkWithPlaces();
    const db = ctx.database.db;
    const imported = await upload(net, 'office', 'import', Buffer.from(PEOPLE_CSV), 'personen.csv');
    expect(imported.statusCode).toBe(201);
    const groups = (await api(net, 'office', 'GET', '/duplicates')).json();
    expect(groups).toHaveLength(1);
    const [keep, merge] = groups[0].people as Array<{ id: string; name: string; version: number }>;
    expect([keep!.name, merge!.name]).toEqual(['Jana Müller', 'Jana Mueller']);

    const [list] = await db
      .insert(t.distributionList)
      .values({ networkId: net.id, name: 'Schulleitungen', kind: 'static' })
      .returning();
    await db.insert(t.distributionListMember).values({ listId: list!.id, personId: merge!.id });
    const [given] = await db
      .insert(t.consent)
      .values({
        networkId: net.id,
        personId: merge!.id,
        purpose: 'mailing',
        givenAt: new Date('2026-01-05T10:00:00Z'),
        givenVia: 'form',
        textVersion: 'Verteiler 2026-01',
      })
      .returning();
    await db
      .update(t.person)
      .set({ phone: '02961 1234', multiplier: true, multiplierTopics: ['KAoA'] })
      .where(eq(t.person.id, merge!.id));
    const [member] = await db
      .insert(t.committeeMember)
      .values({
        networkId: net.id,
        name: 'Jana Mueller',
        side: 'municipality',
        voting: true,
        termFrom: '2026-01-01',
        personId: merge!.id,
      })
      .returning();
    const [meeting] = await db
      .insert(t.meeting)
      .values({
        networkId: net.id,
        title: 'Sitzung',
        startsAt: new Date('2026-03-01T09:00:00Z'),
        endsAt: new Date('2026-03-01T11:00:00Z'),
        icalUid: `${randomUUID()}@test`,
      })
      .returning();
    const [guest] = await db
      .insert(t.guest)
      .values({ networkId: net.id, meetingId: meeting!.id, name: 'Jana Mueller', personId: merge!.id })
      .returning();
    const [link] = await db
      .insert(t.personalLink)
      .values({
        networkId: net.id,
        purpose: 'consent_withdrawal',
        personId: merge!.id,
        expiresAt: new Date('2027-01-01T00:00:00Z'),
      })
      .returning();

    const stale = await api(net, 'office', 'POST', `/people/${keep!.id}/merge`, {
      otherIds: [merge!.id],
      version: keep!.version + 5,
    });
    expect(stale.statusCode).toBe(409);
    const res = await api(net, 'office', 'POST', `/people/${keep!.id}/merge`, {
      otherIds: [merge!.id],
      version: keep!.version,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ personId: keep!.id, merged: [merge!.id], version: keep!.version + 1 });

    const [kept] = await db.select().from(t.person).where(eq(t.person.id, keep!.id));
    expect(kept).toMatchObject({
      lastName: 'Müller',
      email: 'jana.mueller@example.org',
      phone: '02961 1234',
      multiplier: true,
      multiplierTopics: ['KAoA'],
    });
    const [gone] = await db.select().from(t.person).where(eq(t.person.id, merge!.id));
    expect(gone).toMatchObject({
      mergedInto: keep!.id,
      lastName: '',
      firstName: '',
      phone: null,
      searchText: '',
    });
    const affs = await db.select().from(t.affiliation).where(eq(t.affiliation.personId, keep!.id));
    expect(affs.map((a) => a.function).sort()).toEqual(['Schulleitung', 'StuBO']);
    expect(await db.select().from(t.affiliation).where(eq(t.affiliation.personId, merge!.id))).toHaveLength(
      0,
    );
    const [c] = await db.select().from(t.consent).where(eq(t.consent.id, given!.id));
    expect(c!.personId).toBe(keep!.id);
    const members = await db
      .select()
      .from(t.distributionListMember)
      .where(eq(t.distributionListMember.listId, list!.id));
    expect(members.map((m) => m.personId)).toEqual([keep!.id]);
    const [m] = await db.select().from(t.committeeMember).where(eq(t.committeeMember.id, member!.id));
    expect(m!.personId).toBe(keep!.id);
    const [g] = await db.select().from(t.guest).where(eq(t.guest.id, guest!.id));
    expect(g!.personId).toBe(keep!.id);
    const [l] = await db.select().from(t.personalLink).where(eq(t.personalLink.id, link!.id));
    expect(l!.personId).toBe(keep!.id);
    expect(kept!.searchText).toContain('stubo');

    const after = (await api(net, 'office', 'GET', '/duplicates')).json();
    expect(after).toEqual([]);
    const again = await api(net, 'office', 'POST', `/people/${keep!.id}/merge`, {
      otherIds: [merge!.id],
      version: kept!.version,
    });
    expect(again.statusCode).toBe(409);
    const audit = await db
      .select()
      .from(t.auditEvent)
      .where(and(eq(t.auditEvent.networkId, net.id), eq(t.auditEvent.action, 'update')));
    expect(audit.map((a) => a.summary)).toEqual(
      expect.arrayContaining([
        'Dubletten zusammengeführt: Jana Mueller → Jana Müller',
        'Jana Mueller mit Jana Müller zusammengeführt',
      ]),
    );
  });

  it('refuses to merge a person with itself only, and people of another network', async () => {
    const net = await networkWithPlaces();
    const other = await networkWithPlaces();
    await upload(other, 'office', 'import', Buffer.from(PEOPLE_CSV), 'personen.csv');
    await upload(net, 'office', 'import', Buffer.from(PEOPLE_CSV), 'personen.csv');
    const [mine] = await peopleOf(net.id);
    const [theirs] = await peopleOf(other.id);
    const self = await api(net, 'office', 'POST', `/people/${mine!.id}/merge`, {
      otherIds: [mine!.id],
      version: mine!.version,
    });
    expect(self.statusCode).toBe(400);
    const foreign = await api(net, 'office', 'POST', `/people/${mine!.id}/merge`, {
      otherIds: [theirs!.id],
      version: mine!.version,
    });
    expect(foreign.statusCode).toBe(404);
    const [still] = await db().select().from(t.person).where(eq(t.person.id, theirs!.id));
    expect(still!.mergedInto).toBeNull();
  });
});

const db = () => ctx.database.db;
