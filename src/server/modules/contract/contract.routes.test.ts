import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import { multipart, tinyPdf } from '../../../../tests/helpers/multipart.js';
import * as t from '../../db/schema.js';
import { assertJointField } from './contract.service.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const contractInput = {
  title: 'Kooperationsvertrag Regionales Bildungsnetzwerk',
  landPartyName: 'Land Nordrhein-Westfalen, vertreten durch die Bezirksregierung Arnsberg',
  municipalityPartyName: 'Hochsauerlandkreis als Schulträger',
  signatories: [
    { party: 'land', name: 'Beispiel Regierungspräsidentin', function: 'Regierungspräsidentin' },
    { party: 'municipality', name: 'Beispiel Landrat', function: 'Landrat' },
  ],
};

async function api(
  net: TestNetwork,
  role: keyof TestNetwork['users'],
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) {
  return ctx.as(net.users[role].cookie, { method, url: `/api/networks/${net.id}${url}`, payload });
}

/** A network whose contract has an original version in force since 2012 with KAoA and Inklusion. */
async function networkWithContract() {
  const net = await createNetworkWithMembers(ctx);
  expect((await api(net, 'office', 'PUT', '/contract', contractInput)).statusCode).toBe(200);
  const v1 = await api(net, 'office', 'POST', '/contract/versions', {
    title: 'Kooperationsvertrag',
    effectiveFrom: '2012-01-01',
    sections: [
      { heading: '§ 1 Gegenstand', body: 'Land und Kreis arbeiten in den Handlungsfeldern zusammen.' },
    ],
    addFields: [
      { name: 'Übergang Schule–Beruf (KAoA)', previousOwner: 'land' },
      { name: 'Inklusion', previousOwner: 'land' },
    ],
  });
  expect(v1.statusCode).toBe(201);
  for (const c of [
    { party: 'land', signedBy: 'Regierungspräsidentin', signedOn: '2011-11-20' },
    { party: 'municipality', signedBy: 'Landrat', signedOn: '2011-12-01' },
  ]) {
    expect(
      (await api(net, 'office', 'POST', `/contract/versions/${v1.json().id}/consents`, c)).statusCode,
    ).toBe(200);
  }
  const fields = (await api(net, 'office', 'GET', '/fields')).json();
  return {
    net,
    v1: v1.json(),
    fields: Object.fromEntries(fields.map((f: { name: string; id: string }) => [f.name, f.id])),
  };
}

describe('contract versions', () => {
  it('takes effect only with both consents; an amendment adds a field from its effective day', async () => {
    const { net, fields } = await networkWithContract();
    const draft = await api(net, 'office', 'POST', '/contract/versions', {
      title: '1. Änderungsvereinbarung: Ganztag',
      effectiveFrom: '2026-08-01',
      addFields: [
        { name: 'Ganztag', description: 'Rechtsanspruch ab 2026/27', previousOwner: 'school_operator' },
      ],
    });
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({
      number: 2,
      kind: 'amendment',
      status: 'draft',
      addedFields: [{ name: 'Ganztag' }],
    });
    const ganztag = draft.json().addedFields[0].id;

    // Drafted, not in force: the scope guard still says "not joint".
    let scope = await api(net, 'committee', 'GET', `/scope?fieldId=${ganztag}&on=2026-09-01`);
    expect(scope.json()).toMatchObject({
      joint: false,
      owner: {
        kind: 'school_operator',
        label: 'Schulträger',
        stays: 'in der Zuständigkeit des Schulträgers',
      },
      message: expect.stringContaining(
        'kein gemeinsames Handlungsfeld und bleibt in der Zuständigkeit des Schulträgers.',
      ),
    });

    const land = await api(net, 'office', 'POST', `/contract/versions/${draft.json().id}/consents`, {
      party: 'land',
      signedBy: 'Schulaufsicht, Bezirksregierung Arnsberg',
      signedOn: '2026-06-10',
    });
    expect(land.json().status).toBe('draft');
    const twice = await api(net, 'office', 'POST', `/contract/versions/${draft.json().id}/consents`, {
      party: 'land',
      signedBy: 'Jemand anderes',
      signedOn: '2026-06-11',
    });
    expect(twice.statusCode).toBe(409);
    const county = await api(net, 'office', 'POST', `/contract/versions/${draft.json().id}/consents`, {
      party: 'municipality',
      signedBy: 'Landrat',
      signedOn: '2026-06-12',
    });
    expect(county.json().status).toBe('in_force');

    scope = await api(net, 'committee', 'GET', `/scope?fieldId=${ganztag}&on=2026-08-01`);
    expect(scope.json()).toMatchObject({ joint: true, version: { number: 2 } });
    expect(scope.json().message).toMatch(/^Gemeinsam/);
    scope = await api(net, 'committee', 'GET', `/scope?fieldId=${ganztag}&on=2026-07-31`);
    expect(scope.json()).toMatchObject({ joint: false, owner: { label: 'Schulträger' } });
    expect(scope.json().message).toContain('31.07.2026');
    scope = await api(net, 'committee', 'GET', `/scope?fieldId=${fields.Inklusion}&on=2024-03-01`);
    expect(scope.json()).toMatchObject({ joint: true, version: { number: 1 } });

    // In force means frozen.
    const late = await api(net, 'office', 'POST', `/contract/versions/${draft.json().id}/withdraw`);
    expect(late.statusCode).toBe(409);

    const history = (await api(net, 'committee', 'GET', '/contract/history')).json();
    expect(history.map((h: { kind: string }) => h.kind)).toEqual(
      expect.arrayContaining(['drafted', 'consent', 'in_force', 'field_added']),
    );
    expect(history.find((h: { text: string }) => h.text.includes('Ganztag')).day).toBe('2026-08-01');
  });

  it('ends a field with an amendment; the field stays joint for past dates', async () => {
    const { net, fields } = await networkWithContract();
    const end = await api(net, 'office', 'POST', '/contract/versions', {
      title: '2. Änderung: Inklusion endet',
      effectiveFrom: '2025-01-01',
      endFieldIds: [fields.Inklusion],
    });
    expect(end.statusCode).toBe(201);
    for (const party of ['land', 'municipality']) {
      await api(net, 'office', 'POST', `/contract/versions/${end.json().id}/consents`, {
        party,
        signedBy: 'X Y',
        signedOn: '2024-12-01',
      });
    }
    const today = (await api(net, 'partner', 'GET', '/fields')).statusCode;
    expect(today).toBe(403);
    const list = (await api(net, 'committee', 'GET', '/fields')).json();
    expect(list.find((f: { name: string }) => f.name === 'Inklusion')).toMatchObject({
      joint: false,
      endedBy: { number: 2 },
    });
    const past = (await api(net, 'committee', 'GET', '/fields?on=2024-03-01')).json();
    expect(past.find((f: { name: string }) => f.name === 'Inklusion').joint).toBe(true);
  });

  it('refuses bad input with clear German messages and writes nothing', async () => {
    const { net, fields } = await networkWithContract();
    const count = async () =>
      (await ctx.database.db.select().from(t.contractVersion).where(eq(t.contractVersion.networkId, net.id)))
        .length;
    const before = await count();

    const overlap = await api(net, 'office', 'POST', '/contract/versions', {
      title: 'Zu früh',
      effectiveFrom: '2011-06-01',
      addFields: [{ name: 'Digitale Bildung', previousOwner: 'school_operator' }],
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error.message).toMatch(
      /überschneidet sich mit Fassung 1 \(wirksam ab 01\.01\.2012\)/,
    );

    const sameDay = await api(net, 'office', 'POST', '/contract/versions', {
      title: 'Gleicher Tag',
      effectiveFrom: '2012-01-01',
      endFieldIds: [fields.Inklusion],
    });
    expect(sameDay.statusCode).toBe(409);

    const badParty = await api(
      net,
      'office',
      'POST',
      `/contract/versions/${(await api(net, 'office', 'GET', '/contract')).json().versions[0].id}/consents`,
      {
        party: 'bund',
        signedBy: 'Jemand',
        signedOn: '2020-01-01',
      },
    );
    expect(badParty.statusCode).toBe(400);
    expect(badParty.json().error.message).toMatch(/nur die Vertragsparteien/);

    const dupName = await api(net, 'office', 'POST', '/contract/versions', {
      title: 'Doppelt',
      effectiveFrom: '2030-01-01',
      addFields: [{ name: 'inklusion', previousOwner: 'land' }],
    });
    expect(dupName.statusCode).toBe(409);

    const empty = await api(net, 'office', 'POST', '/contract/versions', {
      title: 'Leer',
      effectiveFrom: '2030-01-01',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('contract.amendment_empty');

    // A field proposed by a draft cannot be ended before it began.
    const draft = await api(net, 'office', 'POST', '/contract/versions', {
      title: 'Entwurf MINT',
      effectiveFrom: '2030-01-01',
      addFields: [{ name: 'MINT / zdi', previousOwner: 'other', previousOwnerName: 'zdi-Zentrum' }],
    });
    const mint = draft.json().addedFields[0].id;
    const endEarly = await api(net, 'office', 'POST', '/contract/versions', {
      title: 'MINT beenden',
      effectiveFrom: '2031-01-01',
      endFieldIds: [mint],
    });
    expect(endEarly.statusCode).toBe(422);
    expect(endEarly.json().error.code).toBe('contract.field_end_before_start');

    const other = await api(net, 'office', 'POST', '/contract/versions', {
      title: 'Ohne Stelle',
      effectiveFrom: '2032-01-01',
      addFields: [{ name: 'Demokratiebildung', previousOwner: 'other' }],
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.message).toMatch(/Stelle/);

    expect(await count()).toBe(before + 1); // only the valid MINT draft
  });

  it('attaches the signed PDF to a version; a withdrawn draft never takes effect', async () => {
    const { net } = await networkWithContract();
    const draft = await api(net, 'office', 'POST', '/contract/versions', {
      title: 'Entwurf Digitalisierung',
      effectiveFrom: '2027-01-01',
      addFields: [{ name: 'Digitale Bildung', previousOwner: 'school_operator' }],
    });
    const body = multipart(
      { label: 'Unterzeichnete Änderungsvereinbarung' },
      { name: 'Änderung-2027.pdf', content: tinyPdf() },
    );
    const att = await ctx.as(net.users.office.cookie, {
      method: 'POST',
      url: `/api/networks/${net.id}/contract/versions/${draft.json().id}/attachments`,
      payload: body.payload,
      headers: body.headers,
    });
    expect(att.statusCode).toBe(201);
    expect(att.json().attachments).toMatchObject([
      {
        label: 'Unterzeichnete Änderungsvereinbarung',
        name: 'Änderung-2027.pdf',
        mimeType: 'application/pdf',
      },
    ]);
    const file = await ctx.as(net.users.committee.cookie, {
      method: 'GET',
      url: `/api/networks/${net.id}/files/${att.json().attachments[0].fileId}/content`,
    });
    expect(file.statusCode).toBe(200);

    const w = await api(net, 'office', 'POST', `/contract/versions/${draft.json().id}/withdraw`);
    expect(w.json().status).toBe('withdrawn');
    const consent = await api(net, 'office', 'POST', `/contract/versions/${draft.json().id}/consents`, {
      party: 'land',
      signedBy: 'X Y',
      signedOn: '2026-01-01',
    });
    expect(consent.statusCode).toBe(409);
    const fields = (await api(net, 'office', 'GET', '/fields')).json();
    expect(fields.map((f: { name: string }) => f.name)).not.toContain('Digitale Bildung');
  });
});

describe('roles and tenancy', () => {
  it('lets the office edit, committee members read, partners and guests nothing; other networks see 404', async () => {
    const { net, v1 } = await networkWithContract();
    const other = await createNetworkWithMembers(ctx);
    const read = { admin: 200, office: 200, committee: 200, guest: 403, partner: 403 } as const;
    for (const [role, status] of Object.entries(read)) {
      const r = role as keyof typeof read;
      expect((await api(net, r, 'GET', '/contract')).statusCode, role).toBe(status);
      expect((await api(net, r, 'GET', `/contract/versions/${v1.id}`)).statusCode, role).toBe(status);
      expect((await api(net, r, 'GET', '/responsibilities')).statusCode, role).toBe(status);
      const write = await api(net, r, 'POST', '/responsibilities', {
        matter: `Neu ${role}`,
        category: 'other',
        owner: 'municipality',
      });
      expect(write.statusCode, role).toBe(role === 'admin' || role === 'office' ? 201 : 403);
    }
    for (const url of [
      '/contract',
      `/contract/versions/${v1.id}`,
      '/fields',
      '/responsibilities',
      '/contract/history',
    ]) {
      const res = await ctx.as(other.users.admin.cookie, {
        method: 'GET',
        url: `/api/networks/${net.id}${url}`,
      });
      expect(res.statusCode, url).toBe(404);
    }
    // Another network's version id through one's own network is not found either.
    const cross = await ctx.as(other.users.admin.cookie, {
      method: 'GET',
      url: `/api/networks/${other.id}/contract/versions/${v1.id}`,
    });
    expect(cross.statusCode).toBe(404);
  });
});

describe('responsibility catalogue and the guard for other modules', () => {
  it('is seeded for NRW, editable, and answers for matters', async () => {
    const { net, fields } = await networkWithContract();
    const list = (await api(net, 'committee', 'GET', '/responsibilities')).json();
    expect(list.find((r: { matter: string }) => r.matter.startsWith('Schülerbeförderung'))).toMatchObject({
      owner: 'school_operator',
    });
    const lehrplan = list.find((r: { matter: string }) => r.matter.startsWith('Unterricht'));
    const answer = (
      await api(net, 'committee', 'GET', `/scope?matterId=${lehrplan.id}&on=2026-01-01`)
    ).json();
    expect(answer).toMatchObject({
      joint: false,
      owner: { kind: 'land', label: 'Land NRW (Schulaufsicht)' },
    });

    const linked = await api(net, 'office', 'POST', '/responsibilities', {
      matter: 'Berufsorientierung an Schulen',
      category: 'inner_school',
      owner: 'land',
      fieldId: fields['Übergang Schule–Beruf (KAoA)'],
    });
    expect(linked.statusCode).toBe(201);
    const joint = (
      await api(net, 'office', 'GET', `/scope?matterId=${linked.json().id}&on=2020-05-05`)
    ).json();
    expect(joint.joint).toBe(true);
    const noSubject = await api(net, 'office', 'GET', '/scope');
    expect(noSubject.statusCode).toBe(400);

    const dup = await api(net, 'office', 'POST', '/responsibilities', {
      matter: 'schülerbeförderung',
      category: 'outer_school',
      owner: 'land',
    });
    expect(dup.statusCode).toBe(409);
    const del = await api(net, 'office', 'DELETE', `/responsibilities/${linked.json().id}`);
    expect(del.statusCode).toBe(204);
  });

  it('refuses decisions outside joint fields, naming the owner', async () => {
    const { net, fields } = await networkWithContract();
    await expect(assertJointField(ctx.database.db, net.id, fields.Inklusion, '2011-12-31')).rejects.toThrow(
      /bleibt in der Zuständigkeit des Landes NRW \(Schulaufsicht\)/,
    );
    await expect(
      assertJointField(ctx.database.db, net.id, fields.Inklusion, '2012-01-02'),
    ).resolves.toMatchObject({ joint: true });
  });

  it('records every change in the audit log', async () => {
    const { net } = await networkWithContract();
    const audit = (await api(net, 'admin', 'GET', '/audit?pageSize=100')).json();
    const types = new Set(audit.items.map((i: { entityType: string }) => i.entityType));
    expect([...types]).toEqual(expect.arrayContaining(['contract', 'contract_version', 'contract_consent']));
    expect(audit.items.some((i: { summary: string }) => /in Kraft/.test(i.summary))).toBe(true);
  });
});
