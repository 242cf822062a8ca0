import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  createNetworkWithMembers,
  createTestApp,
  PASSWORD,
  signIn,
  type TestApp,
} from '../../../../tests/helpers/app.js';
import { backupText } from '../../../../tests/helpers/backup.js';
import { startSmtp, type TestSmtp } from '../../../../tests/helpers/smtp.js';
import * as t from '../../db/schema.js';

let ctx: TestApp;
let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
  ctx = await createTestApp({ SMTP_URL: smtp.url, OUTBOX_INTERVAL_MS: '3600000' });
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

/** Delivers the outbox and returns the invitation token of the newest mail that reached `to`. */
async function deliveredToken(to: string): Promise<string> {
  await ctx.app.mailWorker!.runOnce();
  const mail = smtp.received
    .filter(
      (m) => m.text?.includes('/einladung/') && JSON.stringify(m.to).toLowerCase().includes(to.toLowerCase()),
    )
    .at(-1);
  return mail!.text!.match(/\/einladung\/([A-Za-z0-9_-]+)/)![1]!;
}

describe('first-run setup', () => {
  it('creates the administrator and the network once, then refuses', async () => {
    const status = await ctx.as(null, { method: 'GET', url: '/api/setup' });
    expect(status.json()).toEqual({ needed: true });

    const bad = await ctx.as(null, {
      method: 'POST',
      url: '/api/setup',
      payload: {
        admin: { name: 'A', email: 'kein-mail', password: 'kurz' },
        network: { name: 'Netz', regionKey: 'HSK' },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect(bad.json().error.message).toMatch(/Namen mit mindestens 2 Zeichen/);
    expect((await ctx.database.db.select().from(t.user)).length).toBe(0);

    const payload = {
      admin: { name: 'Erste Administration', email: 'Erste@Beispiel.example', password: PASSWORD },
      network: { name: 'Regionales Bildungsnetzwerk Hochsauerlandkreis', regionKey: '05958' },
    };
    // Two browser tabs submitting at once: exactly one installation results.
    const [a, b] = await Promise.all([
      ctx.as(null, { method: 'POST', url: '/api/setup', payload }),
      ctx.as(null, { method: 'POST', url: '/api/setup', payload }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect((await ctx.database.db.select().from(t.network)).length).toBe(1);

    const cookie = await signIn(ctx.app, 'erste@beispiel.example');
    const me = await ctx.as(cookie, { method: 'GET', url: '/api/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().platformAdmin).toBe(true);
    expect(me.json().networks).toMatchObject([
      { name: payload.network.name, regionKey: '05958', role: 'admin' },
    ]);
    expect((await ctx.as(null, { method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: false });
    const structure = await ctx.as(cookie, {
      method: 'GET',
      url: `/api/networks/${me.json().networks[0].id}/structure`,
    });
    expect(structure.json().bodies.map((b: { name: string }) => b.name)).toEqual([
      'Regionales Bildungsbüro',
      'Lenkungskreis',
      'Regionale Bildungskonferenz',
    ]);

    const audit = await ctx.database.db
      .select()
      .from(t.auditEvent)
      .where(eq(t.auditEvent.entityType, 'network'));
    expect(audit[0]?.summary).toContain('angelegt');
  });

  it('closes public sign-up: accounts come from setup and invitations only', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up/email',
      headers: { origin: BASE_URL },
      payload: { name: 'Eindringling', email: 'x@y.example', password: PASSWORD },
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('tenant isolation and roles', () => {
  it('answers 404 for another network, whatever the role', async () => {
    const mine = await createNetworkWithMembers(ctx);
    const theirs = await createNetworkWithMembers(ctx);
    for (const role of ['admin', 'office', 'committee', 'guest', 'partner'] as const) {
      const cookie = mine.users[role].cookie;
      for (const url of [
        `/api/networks/${theirs.id}`,
        `/api/networks/${theirs.id}/members`,
        `/api/networks/${theirs.id}/invitations`,
        `/api/networks/${theirs.id}/audit`,
        `/api/networks/${theirs.id}/outbox`,
        `/api/networks/${theirs.id}/files`,
        `/api/networks/${theirs.id}/structure`,
      ]) {
        const res = await ctx.as(cookie, { method: 'GET', url });
        expect(res.statusCode, `${role} ${url}`).toBe(404);
      }
      const patch = await ctx.as(cookie, {
        method: 'PATCH',
        url: `/api/networks/${theirs.id}`,
        payload: { name: 'Übernommen' },
      });
      expect(patch.statusCode).toBe(404);
    }
    const [n] = await ctx.database.db.select().from(t.network).where(eq(t.network.id, theirs.id));
    expect(n!.name).toBe(theirs.name);
  });

  it('requires a session', async () => {
    const net = await createNetworkWithMembers(ctx);
    expect((await ctx.as(null, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const res = await ctx.as(null, { method: 'GET', url: `/api/networks/${net.id}/members` });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.unauthenticated');
  });

  it('lets only administrators change settings and manage members', async () => {
    const net = await createNetworkWithMembers(ctx);
    const expected = { admin: 200, office: 403, committee: 403, guest: 403, partner: 403 } as const;
    for (const [role, status] of Object.entries(expected)) {
      const res = await ctx.as(net.users[role as keyof typeof expected].cookie, {
        method: 'PATCH',
        url: `/api/networks/${net.id}`,
        payload: { requireSecondFactor: false },
      });
      expect(res.statusCode, role).toBe(status);
    }
    const membersRead = { admin: 200, office: 200, committee: 403, guest: 403, partner: 403 } as const;
    for (const [role, status] of Object.entries(membersRead)) {
      const res = await ctx.as(net.users[role as keyof typeof membersRead].cookie, {
        method: 'GET',
        url: `/api/networks/${net.id}/members`,
      });
      expect(res.statusCode, role).toBe(status);
    }
    const office = await ctx.as(net.users.office.cookie, {
      method: 'PATCH',
      url: `/api/networks/${net.id}/members/${net.users.guest.id}`,
      payload: { role: 'admin' },
    });
    expect(office.statusCode).toBe(403);
    expect(office.json().error.message).toMatch(/Berechtigung/);
  });

  it('sends each role its own permissions for the navigation', async () => {
    const net = await createNetworkWithMembers(ctx);
    const perms = async (role: 'admin' | 'office' | 'committee' | 'guest' | 'partner') =>
      (await ctx.as(net.users[role].cookie, { method: 'GET', url: `/api/networks/${net.id}` })).json()
        .permissions;
    expect(await perms('admin')).toContain('audit.read');
    expect(await perms('office')).toEqual(expect.arrayContaining(['outbox.read', 'files.write']));
    expect(await perms('office')).not.toContain('audit.read');
    expect(await perms('committee')).toEqual([
      'files.read',
      'contract.read',
      'meetings.read',
      'steering.read',
      'work.read',
      'events.read',
      'events.recommend',
      'surveys.read',
    ]);
    expect(await perms('guest')).toEqual(['meetings.read']);
  });

  it('refuses state changes from another origin (CSRF)', async () => {
    const net = await createNetworkWithMembers(ctx);
    const res = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/networks/${net.id}`,
      headers: { cookie: net.users.admin.cookie, origin: 'https://evil.example' },
      payload: { name: 'Gekapert' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_rejected');
    const [n] = await ctx.database.db.select().from(t.network).where(eq(t.network.id, net.id));
    expect(n!.name).toBe(net.name);
  });
});

describe('members', () => {
  it('keeps at least one administrator, also under concurrent demotion', async () => {
    const net = await createNetworkWithMembers(ctx);
    const promote = await ctx.as(net.users.admin.cookie, {
      method: 'PATCH',
      url: `/api/networks/${net.id}/members/${net.users.office.id}`,
      payload: { role: 'admin' },
    });
    expect(promote.statusCode).toBe(200);
    expect(promote.json().role).toBe('admin');
    const second = await signIn(ctx.app, net.users.office.email);
    // Both administrators demote each other at the same moment: one must stay.
    const [a, b] = await Promise.all([
      ctx.as(net.users.admin.cookie, {
        method: 'PATCH',
        url: `/api/networks/${net.id}/members/${net.users.office.id}`,
        payload: { role: 'office' },
      }),
      ctx.as(second, {
        method: 'PATCH',
        url: `/api/networks/${net.id}/members/${net.users.admin.id}`,
        payload: { role: 'office' },
      }),
    ]);
    // The loser is refused either as no longer an administrator (403) or as the last one (409).
    expect([a.statusCode, b.statusCode].filter((s) => s === 200)).toHaveLength(1);
    expect([a.statusCode, b.statusCode].filter((s) => s === 403 || s === 409)).toHaveLength(1);
    const admins = (
      await ctx.database.db.select().from(t.membership).where(eq(t.membership.networkId, net.id))
    ).filter((m) => m.role === 'admin');
    expect(admins).toHaveLength(1);
  });

  it('removes a member, who then no longer finds the network', async () => {
    const net = await createNetworkWithMembers(ctx);
    const del = await ctx.as(net.users.admin.cookie, {
      method: 'DELETE',
      url: `/api/networks/${net.id}/members/${net.users.partner.id}`,
    });
    expect(del.statusCode).toBe(204);
    const res = await ctx.as(net.users.partner.cookie, { method: 'GET', url: `/api/networks/${net.id}` });
    expect(res.statusCode).toBe(404);
    const me = await ctx.as(net.users.partner.cookie, { method: 'GET', url: '/api/me' });
    expect(me.json().networks).toEqual([]);
  });
});

describe('invitations', () => {
  it('invites by mail into the outbox; the invitee creates an account and joins with the role', async () => {
    const net = await createNetworkWithMembers(ctx);
    const invite = await ctx.as(net.users.admin.cookie, {
      method: 'POST',
      url: `/api/networks/${net.id}/invitations`,
      payload: { email: 'Neue.Kollegin@Kreis.example', name: 'Neue Kollegin', role: 'office' },
    });
    expect(invite.statusCode).toBe(201);
    const [mail] = await ctx.database.db
      .select()
      .from(t.outboxMail)
      .where(eq(t.outboxMail.toAddress, 'neue.kollegin@kreis.example'));
    expect(mail?.subject).toBe(`Einladung: ${net.name}`);
    expect(mail?.sensitive).toBe(true);
    const token = await deliveredToken('neue.kollegin@kreis.example');
    expect(smtp.received.at(-1)!.text).toContain(`${BASE_URL}/einladung/${token}`);

    // The Postausgang shows the mail but not its secret link.
    const listed = await ctx.as(net.users.office.cookie, {
      method: 'GET',
      url: `/api/networks/${net.id}/outbox/${mail!.id}`,
    });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().textBody).not.toContain(token);

    const dup = await ctx.as(net.users.admin.cookie, {
      method: 'POST',
      url: `/api/networks/${net.id}/invitations`,
      payload: { email: 'neue.kollegin@kreis.example', name: 'Neue Kollegin', role: 'office' },
    });
    expect(dup.statusCode).toBe(409);

    const preview = await ctx.as(null, { method: 'GET', url: `/api/invitations/${token}` });
    expect(preview.json()).toMatchObject({ networkName: net.name, role: 'office', accountExists: false });

    const missing = await ctx.as(null, {
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: {},
    });
    expect(missing.statusCode).toBe(400);

    const accept = await ctx.as(null, {
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: { name: 'Neue Kollegin', password: PASSWORD },
    });
    expect(accept.statusCode).toBe(200);
    const cookie = await signIn(ctx.app, 'neue.kollegin@kreis.example');
    const me = await ctx.as(cookie, { method: 'GET', url: '/api/me' });
    expect(me.json().networks).toMatchObject([{ id: net.id, role: 'office' }]);

    const again = await ctx.as(null, { method: 'GET', url: `/api/invitations/${token}` });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.code).toBe('invitations.invalid');
  });

  it('asks an existing account to sign in, then adds the network to it', async () => {
    const a = await createNetworkWithMembers(ctx);
    const b = await createNetworkWithMembers(ctx);
    await ctx.as(b.users.admin.cookie, {
      method: 'POST',
      url: `/api/networks/${b.id}/invitations`,
      payload: { email: a.users.committee.email, name: 'Mitglied', role: 'committee' },
    });
    const token = await deliveredToken(a.users.committee.email);
    const anonymous = await ctx.as(null, {
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: {},
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('invitations.sign_in_required');
    const wrongPerson = await ctx.as(a.users.guest.cookie, {
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: {},
    });
    expect(wrongPerson.statusCode).toBe(401);
    const ok = await ctx.as(a.users.committee.cookie, {
      method: 'POST',
      url: `/api/invitations/${token}/accept`,
      payload: {},
    });
    expect(ok.statusCode).toBe(200);
    const me = await ctx.as(a.users.committee.cookie, { method: 'GET', url: '/api/me' });
    expect(
      me
        .json()
        .networks.map((n: { id: string }) => n.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
  });

  it('lets an administrator revoke; the link stops working', async () => {
    const net = await createNetworkWithMembers(ctx);
    const inv = await ctx.as(net.users.admin.cookie, {
      method: 'POST',
      url: `/api/networks/${net.id}/invitations`,
      payload: { email: 'widerruf@test.example', name: 'Widerruf', role: 'guest' },
    });
    const token = await deliveredToken('widerruf@test.example');
    const del = await ctx.as(net.users.admin.cookie, {
      method: 'DELETE',
      url: `/api/networks/${net.id}/invitations/${inv.json().id}`,
    });
    expect(del.statusCode).toBe(204);
    expect((await ctx.as(null, { method: 'GET', url: `/api/invitations/${token}` })).statusCode).toBe(410);
    expect(
      (await ctx.as(null, { method: 'GET', url: `/api/invitations/${'z'.repeat(43)}` })).statusCode,
    ).toBe(404);
  });
});

describe('invitation links as secrets', () => {
  it('keeps the delivered link out of the outbox and the backup; a new delivery retires the link before', async () => {
    const net = await createNetworkWithMembers(ctx);
    await ctx.as(net.users.admin.cookie, {
      method: 'POST',
      url: `/api/networks/${net.id}/invitations`,
      payload: { email: 'geheim@kreis.example', name: 'Geheim', role: 'partner' },
    });
    const first = await deliveredToken('geheim@kreis.example');
    const [mail] = await ctx.database.db
      .select()
      .from(t.outboxMail)
      .where(eq(t.outboxMail.toAddress, 'geheim@kreis.example'));
    expect(mail!.status).toBe('sent');
    expect(mail!.textBody).not.toContain(first);
    const shown = await ctx.as(net.users.admin.cookie, {
      method: 'GET',
      url: `/api/networks/${net.id}/outbox/${mail!.id}`,
    });
    expect(shown.json().textBody).toContain('[persönlicher Link]');
    expect(shown.json().textBody).not.toContain(first);
    expect(await backupText(ctx.app)).not.toContain(first);

    // The office sends the mail again (say, the first went to a full mailbox): a new link, the old one ends.
    await ctx.database.db
      .update(t.outboxMail)
      .set({ status: 'pending', nextAttemptAt: new Date() })
      .where(eq(t.outboxMail.id, mail!.id));
    const second = await deliveredToken('geheim@kreis.example');
    expect(second).not.toBe(first);
    expect((await ctx.as(null, { method: 'GET', url: `/api/invitations/${first}` })).statusCode).toBe(404);
    const ok = await ctx.as(null, {
      method: 'POST',
      url: `/api/invitations/${second}/accept`,
      payload: { name: 'Geheim', password: PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
    expect((await ctx.as(null, { method: 'GET', url: `/api/invitations/${second}` })).statusCode).toBe(410);
  });

  it('shows the administration a fresh link once, retires the earlier ones and audits it without the link', async () => {
    const net = await createNetworkWithMembers(ctx);
    const other = await createNetworkWithMembers(ctx);
    const inv = await ctx.as(net.users.admin.cookie, {
      method: 'POST',
      url: `/api/networks/${net.id}/invitations`,
      payload: { email: 'ohne-smtp@kreis.example', name: 'Ohne Smtp', role: 'committee' },
    });
    const mailed = await deliveredToken('ohne-smtp@kreis.example');
    const url = `/api/networks/${net.id}/invitations/${inv.json().id}/link`;

    for (const role of ['office', 'committee', 'guest', 'partner'] as const) {
      const res = await ctx.as(net.users[role].cookie, { method: 'POST', url });
      expect(res.statusCode, role).toBe(403);
    }
    const foreign = await ctx.as(other.users.admin.cookie, { method: 'POST', url });
    expect(foreign.statusCode).toBe(404);
    const notOurs = await ctx.as(other.users.admin.cookie, {
      method: 'POST',
      url: `/api/networks/${other.id}/invitations/${inv.json().id}/link`,
    });
    expect(notOurs.statusCode).toBe(404);

    const res = await ctx.as(net.users.admin.cookie, { method: 'POST', url });
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const link: string = res.json().url;
    expect(link).toMatch(new RegExp(`^${BASE_URL}/einladung/[A-Za-z0-9_-]{20,}$`));
    const token = link.split('/').pop()!;
    // The link in the mail no longer works.
    const old = await ctx.as(null, { method: 'GET', url: `/api/invitations/${mailed}` });
    expect(old.statusCode).toBe(410);

    // Shown again: the link shown before ends too.
    const again = await ctx.as(net.users.admin.cookie, { method: 'POST', url });
    const newest = again.json().url.split('/').pop();
    expect((await ctx.as(null, { method: 'GET', url: `/api/invitations/${token}` })).statusCode).toBe(410);
    expect((await ctx.as(null, { method: 'GET', url: `/api/invitations/${newest}` })).statusCode).toBe(200);

    const audit = await ctx.database.db.select().from(t.auditEvent).where(eq(t.auditEvent.networkId, net.id));
    const entries = audit.filter((a) =>
      a.summary.startsWith('Einladungslink für ohne-smtp@kreis.example angezeigt'),
    );
    expect(entries).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(JSON.stringify(audit)).not.toContain(newest);
    expect(await backupText(ctx.app)).not.toContain(newest);

    const accepted = await ctx.as(null, {
      method: 'POST',
      url: `/api/invitations/${newest}/accept`,
      payload: { name: 'Ohne Smtp', password: PASSWORD },
    });
    expect(accepted.statusCode).toBe(200);
    const closed = await ctx.as(net.users.admin.cookie, { method: 'POST', url });
    expect(closed.statusCode).toBe(409);
  });
});

describe('platform', () => {
  it('lets only installation operators create networks', async () => {
    const net = await createNetworkWithMembers(ctx);
    const res = await ctx.as(net.users.admin.cookie, {
      method: 'POST',
      url: '/api/networks',
      payload: { name: 'Noch ein Netz', regionKey: '05974' },
    });
    expect(res.statusCode).toBe(403);
    await ctx.database.db.insert(t.platformAdmin).values({ userId: net.users.admin.id });
    const ok = await ctx.as(net.users.admin.cookie, {
      method: 'POST',
      url: '/api/networks',
      payload: { name: 'Regionales Bildungsnetzwerk Kreis Soest', regionKey: '05974' },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ role: 'admin', regionKey: '05974' });
  });
});
