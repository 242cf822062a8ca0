import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  networkCaller,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import * as t from '../../db/schema.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const call = networkCaller(() => ctx, '/contacts');

/** A network with two municipalities, a field of action, a school in Brilon and a Kita in Olsberg. */
async function contactsNetwork() {
  const net = await createNetworkWithMembers(ctx);
  const [brilon, olsberg] = await ctx.database.db
    .insert(t.municipality)
    .values([
      { networkId: net.id, regionKey: '05958012', name: 'Brilon' },
      { networkId: net.id, regionKey: '05958036', name: 'Olsberg' },
    ])
    .returning();
  await ctx.as(net.users.office.cookie, {
    method: 'PUT',
    url: `/api/networks/${net.id}/contract`,
    payload: {
      title: 'Kooperationsvertrag',
      landPartyName: 'Land',
      municipalityPartyName: 'Kreis',
      signatories: [],
    },
  });
  const v = await ctx.as(net.users.office.cookie, {
    method: 'POST',
    url: `/api/networks/${net.id}/contract/versions`,
    payload: {
      title: 'Kooperationsvertrag',
      effectiveFrom: '2020-01-01',
      addFields: [{ name: 'Übergang Schule – Beruf (KAoA)', previousOwner: 'land' }],
    },
  });
  const fieldId = v.json().addedFields[0].id as string;
  const school = await call(net, 'office', 'POST', '/institutions', {
    name: 'Beispiel-Gymnasium Brilon',
    type: 'school',
    schoolNumber: '199999',
    schoolType: 'Gymnasium',
    operatorId: brilon!.id,
    street: 'Schulstraße 1',
    postalCode: '59929',
    place: 'Brilon',
  });
  expect(school.statusCode, school.body).toBe(201);
  const kita = await call(net, 'office', 'POST', '/institutions', {
    name: 'Beispiel-Kita Sonnenschein',
    type: 'kita',
    place: 'olsberg',
  });
  expect(kita.statusCode, kita.body).toBe(201);
  return {
    net,
    fieldId,
    brilon: brilon!.id,
    olsberg: olsberg!.id,
    school: school.json().id as string,
    kita: kita.json().id as string,
  };
}

async function jana(net: TestNetwork, extra: object = {}) {
  const res = await call(net, 'office', 'POST', '/people', {
    salutation: 'Frau',
    title: 'Dr.',
    firstName: 'Jana',
    lastName: 'Müller-Beispiel',
    email: 'Jana.Mueller@Beispiel.example',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('people and institutions: who may do what', () => {
  it('admin and office read and write; committee, guest and partner get 403; another network 404', async () => {
    const { net, school } = await contactsNetwork();
    const p = await jana(net);
    for (const role of ['admin', 'office'] as const) {
      expect((await call(net, role, 'GET', '/people')).statusCode).toBe(200);
      expect((await call(net, role, 'GET', `/people/${p.id}`)).statusCode).toBe(200);
      expect((await call(net, role, 'GET', '/institutions')).statusCode).toBe(200);
      expect((await call(net, role, 'GET', '/search?q=mue')).statusCode).toBe(200);
    }
    expect((await call(net, 'admin', 'POST', '/people', { lastName: 'Admin-Beispiel' })).statusCode).toBe(
      201,
    );
    for (const role of ['committee', 'guest', 'partner'] as const) {
      expect((await call(net, role, 'GET', '/people')).statusCode).toBe(403);
      expect((await call(net, role, 'GET', `/people/${p.id}`)).statusCode).toBe(403);
      expect((await call(net, role, 'GET', `/institutions/${school}`)).statusCode).toBe(403);
      expect((await call(net, role, 'GET', '/search?q=mue')).statusCode).toBe(403);
      expect((await call(net, role, 'POST', '/people', { lastName: 'X' })).statusCode).toBe(403);
      expect((await call(net, role, 'GET', '/people/export.csv')).statusCode).toBe(403);
    }
    const other = await createNetworkWithMembers(ctx);
    const foreign = (url: string, method: 'GET' | 'PUT' = 'GET', payload?: object) =>
      ctx.as(other.users.admin.cookie, { method, url: `/api/networks/${net.id}/contacts${url}`, payload });
    expect((await foreign('/people')).statusCode).toBe(404);
    expect((await foreign(`/people/${p.id}`)).statusCode).toBe(404);
    // Their own network does not show our person either.
    const own = await ctx.as(other.users.admin.cookie, {
      method: 'GET',
      url: `/api/networks/${other.id}/contacts/people/${p.id}`,
    });
    expect(own.statusCode).toBe(404);
    const search = await ctx.as(other.users.admin.cookie, {
      method: 'GET',
      url: `/api/networks/${other.id}/contacts/search?q=mueller`,
    });
    expect(search.json()).toEqual({ people: [], institutions: [] });
  });
});

describe('people', () => {
  it('creates, edits with version (409 when stale), adds and removes a function, audits', async () => {
    const { net, school, kita, fieldId } = await contactsNetwork();
    const p = await jana(net, {
      fieldIds: [fieldId],
      multiplier: true,
      multiplierTopics: ['Übergang Schule–Beruf'],
    });
    expect(p).toMatchObject({
      name: 'Dr. Jana Müller-Beispiel',
      email: 'jana.mueller@beispiel.example',
      source: { kind: 'entered' },
      legalBasis: 'public_task',
      fields: [{ id: fieldId, name: 'Übergang Schule – Beruf (KAoA)' }],
      consent: 'none',
      version: 1,
    });
    const withFn = await call(net, 'office', 'POST', `/people/${p.id}/affiliations`, {
      institutionId: school,
      function: 'Schulleitung',
    });
    expect(withFn.statusCode, withFn.body).toBe(201);
    expect(withFn.json().affiliations).toMatchObject([
      {
        institutionId: school,
        institutionName: 'Beispiel-Gymnasium Brilon',
        function: 'Schulleitung',
        place: 'Brilon',
      },
    ]);
    const version = withFn.json().version;
    expect(version).toBe(2);
    const edit = { lastName: 'Müller-Beispiel', firstName: 'Jana', phone: '02961 1234', version };
    const saved = await call(net, 'office', 'PUT', `/people/${p.id}`, edit);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ phone: '02961 1234', version: 3, fields: [] });
    const stale = await call(net, 'admin', 'PUT', `/people/${p.id}`, { ...edit, phone: '0' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/wurde inzwischen von Test office geändert/);

    const bad = await call(net, 'office', 'POST', '/people', { firstName: 'Ohne', email: 'a(at)b.de' });
    expect(bad.statusCode).toBe(400);
    const unknownField = await call(net, 'office', 'POST', '/people', {
      lastName: 'X',
      fieldIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknownField.statusCode).toBe(400);

    const kitaFn = await call(net, 'office', 'POST', `/people/${p.id}/affiliations`, {
      institutionId: kita,
      function: 'Leitung',
    });
    const affiliationId = kitaFn.json().affiliations[1].id;
    const removed = await call(net, 'office', 'DELETE', `/people/${p.id}/affiliations/${affiliationId}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().affiliations).toHaveLength(1);

    const audit = await ctx.database.db.select().from(t.auditEvent).where(eq(t.auditEvent.networkId, net.id));
    const summaries = audit.map((a) => a.summary);
    expect(summaries).toContain('Person Dr. Jana Müller-Beispiel angelegt');
    expect(summaries).toContain('Dr. Jana Müller-Beispiel: Schulleitung bei „Beispiel-Gymnasium Brilon“');
    expect(summaries).toContain('Person Jana Müller-Beispiel geändert');
  });

  it('finds people and institutions as one types: umlauts, ß, case, function, place, field', async () => {
    const { net, school, fieldId, brilon } = await contactsNetwork();
    const p = await jana(net, { fieldIds: [fieldId] });
    await call(net, 'office', 'POST', `/people/${p.id}/affiliations`, {
      institutionId: school,
      function: 'StuBO',
    });
    await call(net, 'office', 'POST', '/people', { firstName: 'Ole', lastName: 'Straße-Beispiel' });
    const names = async (q: string) =>
      (await call(net, 'office', 'GET', `/search?q=${encodeURIComponent(q)}`))
        .json()
        .people.map((x: { name: string }) => x.name);
    for (const q of ['mueller', 'MÜL', 'müll', 'Muel', 'jana mue', 'stubo', 'brilon', 'kaoa', 'übergang'])
      expect(await names(q), q).toEqual(['Dr. Jana Müller-Beispiel']);
    expect(await names('strasse')).toEqual(['Ole Straße-Beispiel']);
    expect(await names('STRASSE-beispiel')).toEqual(['Ole Straße-Beispiel']);
    expect(await names('xyz')).toEqual([]);
    const insts = (await call(net, 'office', 'GET', '/search?q=gymn bril')).json().institutions;
    expect(insts).toEqual([{ id: school, name: 'Beispiel-Gymnasium Brilon', detail: 'Gymnasium, Brilon' }]);

    // The list takes the same q and filters.
    const list = async (qs: string) =>
      (await call(net, 'office', 'GET', `/people?${qs}`)).json().map((x: { name: string }) => x.name);
    expect(await list('q=m%C3%BCll')).toEqual(['Dr. Jana Müller-Beispiel']);
    expect(await list('institutionType=school')).toEqual(['Dr. Jana Müller-Beispiel']);
    expect(await list('institutionType=kita')).toEqual([]);
    expect(await list(`municipalityId=${brilon}`)).toEqual(['Dr. Jana Müller-Beispiel']);
    expect(await list('function=stubo')).toEqual(['Dr. Jana Müller-Beispiel']);
    expect(await list(`fieldId=${fieldId}`)).toEqual(['Dr. Jana Müller-Beispiel']);
    expect(await list('multiplier=true')).toEqual([]);
    expect(await list('')).toEqual(['Dr. Jana Müller-Beispiel', 'Ole Straße-Beispiel']);

    // Erased and merged people are never found.
    await ctx.database.db.update(t.person).set({ erasedAt: new Date() }).where(eq(t.person.id, p.id));
    expect(await names('mueller')).toEqual([]);
    expect(await list('')).toEqual(['Ole Straße-Beispiel']);
  });

  it('exports the filtered list to Excel and to CSV with BOM and semicolons', async () => {
    const { net, school } = await contactsNetwork();
    const p = await jana(net);
    await call(net, 'office', 'POST', `/people/${p.id}/affiliations`, {
      institutionId: school,
      function: 'Schulleitung',
    });
    await call(net, 'office', 'POST', '/people', { lastName: 'Anders', firstName: 'Eva' });
    const csv = await call(net, 'office', 'GET', '/people/export.csv?q=mueller');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('Personen.csv');
    expect(csv.body).toBe(
      '\uFEFFName;Funktionen;Ort;E-Mail;Telefon;Multiplikator/in;Einwilligung Verteiler\r\n' +
        'Dr. Jana Müller-Beispiel;Schulleitung, Beispiel-Gymnasium Brilon;Brilon;jana.mueller@beispiel.example;;nein;keine\r\n',
    );
    const xlsx = await call(net, 'office', 'GET', '/people/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const ws = wb.getWorksheet('Personen')!;
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(2).getCell(1).value).toBe('Eva Anders');

    const inst = await call(net, 'office', 'GET', '/institutions/export.csv?type=school');
    expect(inst.body.split('\r\n')[1]).toBe(
      'Beispiel-Gymnasium Brilon;Schule;199999;Gymnasium;Brilon;Schulstraße 1;59929;Brilon;Brilon;;;1',
    );
    const instX = await call(net, 'office', 'GET', '/institutions/export.xlsx');
    expect(instX.statusCode).toBe(200);
  });
});

describe('institutions', () => {
  it('checks schools, finds the municipality by place, keeps school numbers unique, archives when people point at it', async () => {
    const { net, school, kita, brilon, olsberg } = await contactsNetwork();
    const s = (await call(net, 'office', 'GET', `/institutions/${school}`)).json();
    expect(s).toMatchObject({
      type: 'school',
      schoolNumber: '199999',
      operatorId: brilon,
      operatorName: 'Brilon',
      municipalityId: brilon,
      municipalityName: 'Brilon',
      archived: false,
      version: 1,
    });
    expect((await call(net, 'office', 'GET', `/institutions/${kita}`)).json().municipalityId).toBe(olsberg);

    const cases: Array<[object, number, RegExp]> = [
      [{ name: 'Schule X', type: 'school', schoolType: 'Realschule' }, 400, /Schulnummer/],
      [
        { name: 'Schule X', type: 'school', schoolNumber: '12345', schoolType: 'Realschule' },
        400,
        /sechs Ziffern/,
      ],
      [
        { name: 'Schule X', type: 'school', schoolNumber: '199999', schoolType: 'Realschule' },
        409,
        /Beispiel-Gymnasium Brilon/,
      ],
      [{ name: 'Firma', type: 'company', schoolType: 'Gymnasium' }, 400, /nur bei Schulen/],
      [
        { name: 'Schule X', type: 'school', schoolNumber: '123456', schoolType: 'Hochschule' },
        400,
        /Schulform/,
      ],
      [
        {
          name: 'Schule X',
          type: 'school',
          schoolNumber: '123456',
          schoolType: 'Realschule',
          operatorId: '00000000-0000-4000-8000-000000000000',
        },
        400,
        /Schulträger/,
      ],
      [{ name: 'Firma', type: 'company', postalCode: '1234' }, 400, /Postleitzahl/],
    ];
    for (const [body, status, message] of cases) {
      const res = await call(net, 'office', 'POST', '/institutions', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().error.message).toMatch(message);
    }

    const renamed = await call(net, 'office', 'PUT', `/institutions/${school}`, {
      ...s,
      name: 'Beispiel-Gymnasium Petrinum Brilon',
      version: 1,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().version).toBe(2);
    const stale = await call(net, 'office', 'PUT', `/institutions/${school}`, { ...s, version: 1 });
    expect(stale.statusCode).toBe(409);

    // Filters.
    const names = async (qs: string) =>
      (await call(net, 'office', 'GET', `/institutions?${qs}`)).json().map((i: { name: string }) => i.name);
    expect(await names('type=kita')).toEqual(['Beispiel-Kita Sonnenschein']);
    expect(await names('schoolType=Gymnasium')).toEqual(['Beispiel-Gymnasium Petrinum Brilon']);
    expect(await names(`municipalityId=${olsberg}`)).toEqual(['Beispiel-Kita Sonnenschein']);
    expect(await names('q=petri')).toEqual(['Beispiel-Gymnasium Petrinum Brilon']);

    // A person works at the school: it is archived, not deleted; the Kita nobody worked at is deleted.
    const p = await jana(net);
    await call(net, 'office', 'POST', `/people/${p.id}/affiliations`, {
      institutionId: school,
      function: 'Schulleitung',
    });
    expect((await call(net, 'office', 'GET', `/search?q=petrinum`)).json().people).toHaveLength(1);
    expect((await call(net, 'office', 'DELETE', `/institutions/${school}`)).json()).toEqual({
      archived: true,
    });
    expect((await call(net, 'office', 'DELETE', `/institutions/${kita}`)).json()).toEqual({
      archived: false,
    });
    expect((await call(net, 'office', 'GET', `/institutions/${kita}`)).statusCode).toBe(404);
    expect(await names('')).toEqual([]);
    expect(await names('archived=true')).toEqual(['Beispiel-Gymnasium Petrinum Brilon']);
    const person = (await call(net, 'office', 'GET', `/people/${p.id}`)).json();
    expect(person.affiliations[0].institutionArchived).toBe(true);
    const again = await call(net, 'office', 'POST', `/people/${p.id}/affiliations`, {
      institutionId: school,
      function: 'StuBO',
    });
    expect(again.statusCode).toBe(409);
    // Its school number is free again for a new record.
    const reuse = await call(net, 'office', 'POST', '/institutions', {
      name: 'Beispiel-Gymnasium Brilon (neu)',
      type: 'school',
      schoolNumber: '199999',
      schoolType: 'Gymnasium',
    });
    expect(reuse.statusCode).toBe(201);
  });
});

describe('committee members and guests are people', () => {
  it('links a new member to the person with that e-mail, else creates one; the person page shows it', async () => {
    const { net } = await contactsNetwork();
    const p = await jana(net);
    const member = await ctx.as(net.users.office.cookie, {
      method: 'POST',
      url: `/api/networks/${net.id}/committee`,
      payload: {
        name: 'Dr. Jana Müller-Beispiel',
        email: 'JANA.MUELLER@beispiel.example',
        side: 'land',
        voting: true,
        termFrom: '2024-01-01',
        function: 'Schulaufsicht',
        institution: 'Schulamt',
      },
    });
    expect(member.statusCode, member.body).toBe(201);
    expect(member.json().personId).toBe(p.id);
    const page = (await call(net, 'office', 'GET', `/people/${p.id}`)).json();
    expect(page.committee).toEqual([
      {
        memberId: member.json().id,
        side: 'land',
        function: 'Schulaufsicht',
        termFrom: '2024-01-01',
        termTo: null,
        active: true,
      },
    ]);
    const newcomer = await ctx.as(net.users.office.cookie, {
      method: 'POST',
      url: `/api/networks/${net.id}/committee`,
      payload: {
        name: 'Prof. Ole Neu',
        email: '',
        side: 'other',
        voting: true,
        termFrom: '2024-01-01',
        function: 'IHK',
        institution: 'IHK',
      },
    });
    const person = (await call(net, 'office', 'GET', `/people/${newcomer.json().personId}`)).json();
    expect(person).toMatchObject({
      title: 'Prof.',
      firstName: 'Ole',
      lastName: 'Neu',
      source: { kind: 'committee' },
    });

    // A guest invited to a meeting becomes (or is) a person too.
    const meeting = await ctx.as(net.users.office.cookie, {
      method: 'POST',
      url: `/api/networks/${net.id}/meetings`,
      payload: { title: 'Lenkungskreis', startsAt: '2027-03-12T14:00', endsAt: '2027-03-12T16:00' },
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const guest = await ctx.as(net.users.office.cookie, {
      method: 'POST',
      url: `/api/networks/${net.id}/meetings/${meeting.json().id}/guests`,
      payload: { name: 'Jana Müller-Beispiel', email: 'jana.mueller@beispiel.example', topic: 'KAoA' },
    });
    expect(guest.statusCode, guest.body).toBeLessThan(300);
    const withGuest = (await call(net, 'office', 'GET', `/people/${p.id}`)).json();
    expect(withGuest.guestInvitations).toMatchObject([{ meetingTitle: 'Lenkungskreis', topic: 'KAoA' }]);
    await ctx.as(net.users.office.cookie, {
      method: 'POST',
      url: `/api/networks/${net.id}/meetings/${meeting.json().id}/guests`,
      payload: { name: 'Gustav Gast', email: 'gast@beispiel.example', topic: '' },
    });
    const guests = (await call(net, 'office', 'GET', '/people?q=gustav')).json();
    expect(guests).toHaveLength(1);
    expect((await call(net, 'office', 'GET', `/people/${guests[0].id}`)).json().source).toEqual({
      kind: 'guest',
    });
  });
});
