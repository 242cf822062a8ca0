import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import type { Role } from '../../../contracts/common.js';
import * as t from '../../db/schema.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const put = (net: TestNetwork, role: Role, municipalities: Array<{ regionKey: string; name: string }>) =>
  ctx.as(net.users[role].cookie, {
    method: 'PUT',
    url: `/api/networks/${net.id}/structure/municipalities`,
    payload: { municipalities },
  });

const stored = (net: TestNetwork) =>
  ctx.database.db
    .select({ id: t.municipality.id, regionKey: t.municipality.regionKey, name: t.municipality.name })
    .from(t.municipality)
    .where(eq(t.municipality.networkId, net.id))
    .orderBy(t.municipality.regionKey);

const audits = (net: TestNetwork) =>
  ctx.database.db
    .select()
    .from(t.auditEvent)
    .where(and(eq(t.auditEvent.networkId, net.id), eq(t.auditEvent.entityType, 'municipalities')));

const brilonOlsberg = [
  { regionKey: '05958012', name: 'Brilon' },
  { regionKey: '05958036', name: 'Olsberg' },
];

describe('PUT /structure/municipalities', () => {
  it('lets the administrator set the list (one audit entry); office, committee, guest and partner get 403', async () => {
    const net = await createNetworkWithMembers(ctx);
    for (const role of ['office', 'committee', 'guest', 'partner'] as const) {
      const res = await put(net, role, brilonOlsberg);
      expect(res.statusCode, role).toBe(403);
    }
    expect(await stored(net)).toEqual([]);
    const res = await put(net, 'admin', brilonOlsberg);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().map((m: { name: string }) => m.name)).toEqual(['Brilon', 'Olsberg']);
    expect(res.json()[0].id).toMatch(/^[0-9a-f-]{36}$/);
    const entries = await audits(net);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.summary).toBe('Kommunen geändert (2 neu)');
    // The same list again changes nothing and records nothing.
    const again = await put(net, 'admin', [...brilonOlsberg].reverse());
    expect(again.json()).toEqual(res.json());
    expect(await audits(net)).toHaveLength(1);
    // The structure every member reads shows them.
    const structure = await ctx.as(net.users.guest.cookie, {
      method: 'GET',
      url: `/api/networks/${net.id}/structure`,
    });
    expect(structure.json().municipalities).toEqual(brilonOlsberg);
  });

  it("answers another network's administrator with 404 and writes nothing", async () => {
    const net = await createNetworkWithMembers(ctx);
    const other = await createNetworkWithMembers(ctx);
    const res = await ctx.as(other.users.admin.cookie, {
      method: 'PUT',
      url: `/api/networks/${net.id}/structure/municipalities`,
      payload: { municipalities: brilonOlsberg },
    });
    expect(res.statusCode).toBe(404);
    expect(await stored(net)).toEqual([]);
  });

  it.each([
    ['a key outside the region', [{ regionKey: '05770004', name: 'Minden' }], /beginnen mit 05958/],
    ['a key of 5 digits', [{ regionKey: '05958', name: 'Kreis' }], /8 Ziffern/],
    ['an empty name', [{ regionKey: '05958012', name: '  ' }], /Namen der Kommune/],
    [
      'the same key twice',
      [
        { regionKey: '05958012', name: 'Brilon' },
        { regionKey: '05958012', name: 'Marsberg' },
      ],
      /mehrfach/,
    ],
    [
      'the same name twice',
      [
        { regionKey: '05958012', name: 'Brilon' },
        { regionKey: '05958024', name: 'brilon' },
      ],
      /mehrfach/,
    ],
    [
      'more than 100',
      Array.from({ length: 101 }, (_, i) => ({
        regionKey: `05958${String(i).padStart(3, '0')}`,
        name: `K${i}`,
      })),
      /höchstens 100/,
    ],
  ])('refuses %s with 400 and writes nothing', async (_, list, message) => {
    const net = await createNetworkWithMembers(ctx);
    expect((await put(net, 'admin', brilonOlsberg)).statusCode).toBe(200);
    const before = await stored(net);
    const res = await put(net, 'admin', list);
    expect(res.statusCode, res.body).toBe(400);
    expect(res.body).toMatch(message);
    expect(await stored(net)).toEqual(before);
    expect(await audits(net)).toHaveLength(1);
  });

  it('renames in place (the institution keeps its municipality and is found by the new name), adds and removes', async () => {
    const net = await createNetworkWithMembers(ctx);
    const first = (await put(net, 'admin', brilonOlsberg)).json() as Array<{ id: string; name: string }>;
    const brilon = first.find((m) => m.name === 'Brilon')!.id;
    const created = await ctx.as(net.users.office.cookie, {
      method: 'POST',
      url: `/api/networks/${net.id}/contacts/institutions`,
      payload: { name: 'Beispiel-Kita Sonnenschein', type: 'kita', municipalityId: brilon },
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = await put(net, 'admin', [
      { regionKey: '05958012', name: 'Stadt Brilon' },
      { regionKey: '05958024', name: 'Hallenberg' },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(await stored(net)).toEqual([
      { id: brilon, regionKey: '05958012', name: 'Stadt Brilon' },
      { id: expect.any(String), regionKey: '05958024', name: 'Hallenberg' },
    ]);
    const [kita] = await ctx.database.db
      .select()
      .from(t.institution)
      .where(eq(t.institution.id, created.json().id));
    expect(kita!.municipalityId).toBe(brilon);
    expect(kita!.searchText).toContain('stadt');
    const entries = await audits(net);
    expect(entries.map((e) => e.summary)).toContain('Kommunen geändert (1 neu, 1 umbenannt, 1 entfernt)');
  });

  it('refuses to remove a municipality an institution points at (409 naming it), nothing written', async () => {
    const net = await createNetworkWithMembers(ctx);
    const first = (await put(net, 'admin', brilonOlsberg)).json() as Array<{ id: string; name: string }>;
    const olsberg = first.find((m) => m.name === 'Olsberg')!.id;
    for (const payload of [
      {
        name: 'Beispiel-Gymnasium Olsberg',
        type: 'school',
        schoolNumber: '199998',
        schoolType: 'Gymnasium',
        operatorId: olsberg,
      },
      { name: 'Beispiel-Kita Olsberg', type: 'kita', municipalityId: olsberg },
    ]) {
      const res = await ctx.as(net.users.office.cookie, {
        method: 'POST',
        url: `/api/networks/${net.id}/contacts/institutions`,
        payload,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const before = await stored(net);
    const res = await put(net, 'admin', [
      { regionKey: '05958012', name: 'Stadt Brilon' },
      { regionKey: '05958024', name: 'Hallenberg' },
    ]);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('2 Einrichtungen sind der Kommune „Olsberg“ zugeordnet');
    expect(await stored(net)).toEqual(before);
    expect(await audits(net)).toHaveLength(1);
  });
});
