import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkWithMembers, createTestApp, type TestApp } from '../../../../tests/helpers/app.js';
import * as t from '../../db/schema.js';
import { seedDemo } from '../../demo/seed.js';

let ctx: TestApp;
let hskId: string;
beforeAll(async () => {
  ctx = await createTestApp();
  hskId = (await seedDemo(ctx.database.db)).networkId;
});
afterAll(() => ctx.close());

describe('public network page', () => {
  it('shows structure, joint fields in force today and the team with phone numbers, without sign-in', async () => {
    const res = await ctx.as(null, { method: 'GET', url: '/api/public/networks/hochsauerlandkreis' });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.name).toBe('Regionales Bildungsnetzwerk Hochsauerlandkreis');
    expect(page.bodies.map((b: { name: string }) => b.name)).toEqual([
      'Regionales Bildungsbüro',
      'Lenkungskreis',
      'Regionale Bildungskonferenz',
    ]);
    const fields = page.fields.map((f: { name: string }) => f.name);
    expect(fields).toHaveLength(7);
    expect(fields).toContain('MINT / zdi');
    expect(fields).not.toContain('Gewalt- und Krisenprävention');
    expect(page.team[0]).toMatchObject({
      function: 'Bildungsbüro HSK – Teamleitung',
      phone: '02931 / 94-4126',
    });
    expect(page.municipalities).toHaveLength(12);
    expect(
      (await ctx.as(null, { method: 'GET', url: '/api/public/networks/gibt-es-nicht' })).statusCode,
    ).toBe(404);
  });

  it('offers imprint, privacy and accessibility statement with sensible defaults the office can replace', async () => {
    const statement = (
      await ctx.as(null, {
        method: 'GET',
        url: '/api/public/networks/hochsauerlandkreis/pages/accessibility',
      })
    ).json();
    expect(statement.title).toBe('Erklärung zur Barrierefreiheit');
    expect(statement.body).toMatch(/BITV NRW/);
    expect(statement.body).toMatch(/Ombudsstelle/);
    const office = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: ctx.config.baseUrl },
      payload: { email: 'buero@demo.bildungsnetz.example', password: 'Demo-Passwort-2026' },
    });
    const cookie = office.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const put = await ctx.as(cookie, {
      method: 'PUT',
      url: `/api/networks/${hskId}/public-pages/imprint`,
      payload: { body: 'Hochsauerlandkreis, Steinstraße 27, 59872 Meschede. Vertreten durch den Landrat.' },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().isDefault).toBe(false);
    const imprint = (
      await ctx.as(null, { method: 'GET', url: '/api/public/networks/hochsauerlandkreis/pages/imprint' })
    ).json();
    expect(imprint.body).toContain('Steinstraße 27');
    const tooShort = await ctx.as(cookie, {
      method: 'PUT',
      url: `/api/networks/${hskId}/public-pages/privacy`,
      payload: { body: 'kurz' },
    });
    expect(tooShort.statusCode).toBe(400);
  });

  it('passes feedback to the office outbox; a robot filling the hidden field sends nothing', async () => {
    const before = (
      await ctx.database.db.select().from(t.outboxMail).where(eq(t.outboxMail.networkId, hskId))
    ).length;
    const ok = await ctx.as(null, {
      method: 'POST',
      url: '/api/public/networks/hochsauerlandkreis/feedback',
      payload: {
        name: 'Besucherin',
        email: 'besucherin@example.org',
        message: 'Die Tabelle der Kommunen ist mit dem Screenreader schwer zu lesen.',
        page: '/netzwerk/hochsauerlandkreis/barrierefreiheit',
      },
    });
    expect(ok.statusCode).toBe(202);
    const robot = await ctx.as(null, {
      method: 'POST',
      url: '/api/public/networks/hochsauerlandkreis/feedback',
      payload: { message: 'Billige Uhren kaufen hier', website: 'http://spam.example' },
    });
    expect(robot.statusCode).toBe(202);
    const mails = await ctx.database.db.select().from(t.outboxMail).where(eq(t.outboxMail.networkId, hskId));
    expect(mails.length).toBe(before + 1);
    const mail = mails.find((m) => m.subject.includes('Rückmeldung'))!;
    expect(mail.toAddress).toBe('bildungsbuero@demo.bildungsnetz.example');
    expect(mail.subject).toContain('Barrierefreiheit');
    expect(mail.textBody).toContain('Screenreader');
    const bad = await ctx.as(null, {
      method: 'POST',
      url: '/api/public/networks/hochsauerlandkreis/feedback',
      payload: { message: 'zu kurz' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/mindestens 10 Zeichen/);
  });
});

describe('editing the public page', () => {
  it('is for the office and administrators; others are refused, other networks not found', async () => {
    const net = await createNetworkWithMembers(ctx);
    const expected = { admin: 200, office: 200, committee: 403, guest: 403, partner: 403 } as const;
    for (const [role, status] of Object.entries(expected)) {
      const cookie = net.users[role as keyof typeof expected].cookie;
      const team = await ctx.as(cookie, {
        method: 'PUT',
        url: `/api/networks/${net.id}/structure/team`,
        payload: [{ function: 'Teamleitung', name: 'Beispiel Person', phone: '02931 / 94-0000', email: '' }],
      });
      expect(team.statusCode, role).toBe(status);
    }
    const cross = await ctx.as(net.users.admin.cookie, {
      method: 'PUT',
      url: `/api/networks/${hskId}/structure/team`,
      payload: [],
    });
    expect(cross.statusCode).toBe(404);
  });

  it('gives each network a public address from its name and refuses a taken one', async () => {
    const net = await createNetworkWithMembers(ctx);
    const profile = await ctx.as(net.users.office.cookie, {
      method: 'PUT',
      url: `/api/networks/${net.id}/public-profile`,
      payload: { slug: 'Kreis-Soest', contactEmail: 'bildung@kreis-soest.example' },
    });
    expect(profile.json()).toEqual({ slug: 'kreis-soest', contactEmail: 'bildung@kreis-soest.example' });
    const taken = await ctx.as(net.users.office.cookie, {
      method: 'PUT',
      url: `/api/networks/${net.id}/public-profile`,
      payload: { slug: 'hochsauerlandkreis', contactEmail: '' },
    });
    expect(taken.statusCode).toBe(409);
    const invalid = await ctx.as(net.users.office.cookie, {
      method: 'PUT',
      url: `/api/networks/${net.id}/public-profile`,
      payload: { slug: 'Kreis Soest!', contactEmail: '' },
    });
    expect(invalid.statusCode).toBe(400);
    // The address is reserved, but a new network stays private until the office publishes it.
    expect((await ctx.as(null, { method: 'GET', url: '/api/public/networks/kreis-soest' })).statusCode).toBe(
      404,
    );
  });
});
