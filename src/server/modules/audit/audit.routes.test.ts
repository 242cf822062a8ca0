import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkWithMembers, createTestApp, type TestApp } from '../../../../tests/helpers/app.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe('audit log', () => {
  it('records who changed what, before and after, and lets administrators filter it', async () => {
    const net = await createNetworkWithMembers(ctx);
    await ctx.as(net.users.admin.cookie, {
      method: 'PATCH',
      url: `/api/networks/${net.id}`,
      payload: { name: 'Bildungsnetzwerk Umbenannt', requireSecondFactor: false },
    });
    await ctx.as(net.users.admin.cookie, {
      method: 'POST',
      url: `/api/networks/${net.id}/invitations`,
      payload: { email: 'audit@test.example', name: 'Audit Person', role: 'partner' },
    });
    const all = await ctx.as(net.users.admin.cookie, { method: 'GET', url: `/api/networks/${net.id}/audit` });
    expect(all.statusCode).toBe(200);
    const body = all.json();
    expect(body.total).toBe(2);
    expect(body.items[0]).toMatchObject({
      action: 'create',
      entityType: 'invitation',
      actorName: 'Test admin',
    });
    expect(body.items[1]).toMatchObject({
      action: 'update',
      entityType: 'network',
      before: { name: net.name },
      after: { name: 'Bildungsnetzwerk Umbenannt' },
    });
    expect(body.entityTypes).toEqual(['invitation', 'network']);
    expect(body.nextCursor).toBeNull();

    // Keyset paging: the cursor of one page leads to exactly the next entry, then to the end.
    const page = (qs: string) =>
      ctx.as(net.users.admin.cookie, { method: 'GET', url: `/api/networks/${net.id}/audit?${qs}` });
    const first = (await page('pageSize=1')).json();
    expect(first.items.map((i: { seq: number }) => i.seq)).toEqual([body.items[0].seq]);
    expect(first.nextCursor).toBe(body.items[0].seq);
    const second = (await page(`pageSize=1&after=${first.nextCursor}`)).json();
    expect(second.items.map((i: { seq: number }) => i.seq)).toEqual([body.items[1].seq]);
    expect(second.nextCursor).toBeNull();

    const filtered = await ctx.as(net.users.admin.cookie, {
      method: 'GET',
      url: `/api/networks/${net.id}/audit?entityType=network&action=update`,
    });
    expect(filtered.json().items).toHaveLength(1);
    const byPerson = await ctx.as(net.users.admin.cookie, {
      method: 'GET',
      url: `/api/networks/${net.id}/audit?actor=niemand`,
    });
    expect(byPerson.json().total).toBe(0);
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());
    const byDay = await ctx.as(net.users.admin.cookie, {
      method: 'GET',
      url: `/api/networks/${net.id}/audit?from=${today}&to=${today}`,
    });
    expect(byDay.json().total).toBe(2);
    const before = await ctx.as(net.users.admin.cookie, {
      method: 'GET',
      url: `/api/networks/${net.id}/audit?to=2020-01-01`,
    });
    expect(before.json().total).toBe(0);
    const bad = await ctx.as(net.users.admin.cookie, {
      method: 'GET',
      url: `/api/networks/${net.id}/audit?from=gestern`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/JJJJ-MM-TT/);
  });

  it('is shown to administrators only', async () => {
    const net = await createNetworkWithMembers(ctx);
    for (const role of ['office', 'committee', 'guest', 'partner'] as const) {
      const res = await ctx.as(net.users[role].cookie, {
        method: 'GET',
        url: `/api/networks/${net.id}/audit`,
      });
      expect(res.statusCode, role).toBe(403);
    }
  });

  it('never shows one network the entries of another', async () => {
    const a = await createNetworkWithMembers(ctx);
    const b = await createNetworkWithMembers(ctx);
    await ctx.as(b.users.admin.cookie, {
      method: 'PATCH',
      url: `/api/networks/${b.id}`,
      payload: { name: 'Nur B' },
    });
    const res = await ctx.as(a.users.admin.cookie, { method: 'GET', url: `/api/networks/${a.id}/audit` });
    expect(res.json().items.every((i: { summary: string }) => !i.summary.includes('Nur B'))).toBe(true);
    expect(res.json().total).toBe(0);
  });

  it('cannot be edited or deleted, not even by the application', async () => {
    const net = await createNetworkWithMembers(ctx);
    await ctx.as(net.users.admin.cookie, {
      method: 'PATCH',
      url: `/api/networks/${net.id}`,
      payload: { name: 'Geändert' },
    });
    const failure = (p: Promise<unknown>) =>
      p.then(
        () => 'succeeded',
        (err: Error & { cause?: Error }) => String(err.cause?.message ?? err.message),
      );
    expect(await failure(ctx.database.db.execute(sql`UPDATE audit_event SET summary = 'gefälscht'`))).toMatch(
      /append-only/,
    );
    expect(await failure(ctx.database.db.execute(sql`DELETE FROM audit_event`))).toMatch(/append-only/);
    const res = await ctx.as(net.users.admin.cookie, { method: 'GET', url: `/api/networks/${net.id}/audit` });
    expect(res.json().items[0].summary).toBe('Einstellungen des Bildungsnetzwerks geändert');
  });

  it('keeps secrets out of the trail', async () => {
    const net = await createNetworkWithMembers(ctx);
    await ctx.as(net.users.admin.cookie, {
      method: 'POST',
      url: `/api/networks/${net.id}/invitations`,
      payload: { email: 'geheim@test.example', name: 'Geheim', role: 'guest' },
    });
    const rows = await ctx.database.query<{ after: unknown }>(
      'SELECT after FROM audit_event WHERE network_id = $1',
      [net.id],
    );
    expect(JSON.stringify(rows)).not.toMatch(/token/i);
  });
});
