import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetworkWithMembers, createTestApp, type TestApp } from '../../../../tests/helpers/app.js';
import { startSmtp, type TestSmtp } from '../../../../tests/helpers/smtp.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import * as t from '../../db/schema.js';
import { enqueueMail, MAX_ATTEMPTS } from './mail.service.js';

let ctx: TestApp;
let smtp: TestSmtp;
beforeAll(async () => {
  ctx = await createTestApp();
  smtp = await startSmtp();
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

/** A second app on the same database, this time with SMTP configured (as after a restart). */
async function appWithSmtp() {
  const config = loadConfig({
    ...process.env,
    ...{ BASE_URL: ctx.config.baseUrl, DATA_DIR: ctx.config.dataDir },
    SMTP_URL: smtp.url,
    OUTBOX_INTERVAL_MS: '3600000',
    LOG_LEVEL: 'silent',
    DATABASE_URL: '',
  });
  return buildApp(config, { database: ctx.database, logger: false });
}

describe('outbox without SMTP', () => {
  it('keeps the mail readable in the Postausgang; it goes out once SMTP is configured', async () => {
    const net = await createNetworkWithMembers(ctx);
    expect(ctx.app.mailWorker).toBeNull();
    await ctx.as(net.users.admin.cookie, {
      method: 'POST',
      url: `/api/networks/${net.id}/invitations`,
      payload: { email: 'wartet@test.example', name: 'Wartende Person', role: 'committee' },
    });
    const list = await ctx.as(net.users.office.cookie, {
      method: 'GET',
      url: `/api/networks/${net.id}/outbox`,
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().smtpConfigured).toBe(false);
    expect(list.json().items).toMatchObject([
      { toAddress: 'wartet@test.example', status: 'pending', subject: `Einladung: ${net.name}` },
    ]);

    const withSmtp = await appWithSmtp();
    try {
      await withSmtp.mailWorker!.runOnce();
    } finally {
      await withSmtp.close();
    }
    const arrived = smtp.received.find((m) => m.subject === `Einladung: ${net.name}`);
    expect(arrived).toBeDefined();
    expect(arrived!.text).toContain('Wartende Person');
    expect(arrived!.text).toMatch(/\/einladung\/[A-Za-z0-9_-]{20,}/);
    const after = await ctx.as(net.users.office.cookie, {
      method: 'GET',
      url: `/api/networks/${net.id}/outbox?status=sent`,
    });
    expect(after.json().items).toHaveLength(1);
    expect(after.json().items[0].sentAt).not.toBeNull();
  });
});

describe('delivery', () => {
  it('sends each mail exactly once even when two workers run at the same moment', async () => {
    const net = await createNetworkWithMembers(ctx);
    await ctx.database.db.transaction(async (tx) => {
      for (let i = 0; i < 25; i++) {
        await enqueueMail(tx, {
          networkId: net.id,
          to: `viele-${i}@test.example`,
          subject: `Rundmail ${i}`,
          text: `Nummer ${i}`,
        });
      }
    });
    const a = await appWithSmtp();
    const b = await appWithSmtp();
    try {
      await Promise.all([a.mailWorker!.runOnce(), b.mailWorker!.runOnce()]);
    } finally {
      await a.close();
      await b.close();
    }
    const subjects = smtp.received.map((m) => m.subject).filter((s) => s?.startsWith('Rundmail '));
    expect(subjects).toHaveLength(25);
    expect(new Set(subjects).size).toBe(25);
  });

  it('retries a refused mail later, marks it failed after the last attempt, and lets the office retry it', async () => {
    const net = await createNetworkWithMembers(ctx);
    const id = await enqueueMail(ctx.database.db, {
      networkId: net.id,
      to: 'abgewiesen@test.example',
      subject: 'Abgewiesen',
      text: 'x',
    });
    smtp.refuse(true);
    const app = await appWithSmtp();
    try {
      await app.mailWorker!.runOnce();
      let [row] = await ctx.database.db.select().from(t.outboxMail).where(eq(t.outboxMail.id, id));
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      expect(row!.lastError).toMatch(/Mailbox nicht verfügbar/);
      expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

      // Fast-forward: the remaining attempts are due now.
      for (let i = 1; i < MAX_ATTEMPTS; i++) {
        await ctx.database.db
          .update(t.outboxMail)
          .set({ nextAttemptAt: new Date(0) })
          .where(eq(t.outboxMail.id, id));
        await app.mailWorker!.runOnce();
      }
      [row] = await ctx.database.db.select().from(t.outboxMail).where(eq(t.outboxMail.id, id));
      expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });

      smtp.refuse(false);
      const retry = await ctx.as(net.users.office.cookie, {
        method: 'POST',
        url: `/api/networks/${net.id}/outbox/${id}/retry`,
      });
      expect(retry.statusCode).toBe(200);
      expect(retry.json().status).toBe('pending');
      await app.mailWorker!.runOnce();
      [row] = await ctx.database.db.select().from(t.outboxMail).where(eq(t.outboxMail.id, id));
      expect(row!.status).toBe('sent');
      expect(smtp.received.some((m) => m.subject === 'Abgewiesen')).toBe(true);
    } finally {
      smtp.refuse(false);
      await app.close();
    }
  });
});

describe('mails with secret links', () => {
  it('show their text to the administration, not to the office; installation mails only to operators', async () => {
    const net = await createNetworkWithMembers(ctx);
    await ctx.as(net.users.admin.cookie, {
      method: 'POST',
      url: `/api/networks/${net.id}/invitations`,
      payload: { email: 'link@test.example', name: 'Link Person', role: 'guest' },
    });
    const [mail] = await ctx.database.db
      .select()
      .from(t.outboxMail)
      .where(eq(t.outboxMail.toAddress, 'link@test.example'));
    const url = `/api/networks/${net.id}/outbox/${mail!.id}`;
    // The administration reads the text with the link as a placeholder; the office not even that.
    expect((await ctx.as(net.users.admin.cookie, { method: 'GET', url })).json().textBody).toMatch(
      /persönlichen Link.*\n\[persönlicher Link\]/,
    );
    expect(mail!.textBody).not.toMatch(/\/einladung\//);
    expect((await ctx.as(net.users.office.cookie, { method: 'GET', url })).json().textBody).not.toContain(
      'persönlicher Link]',
    );

    await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      headers: { origin: ctx.config.baseUrl },
      payload: { email: net.users.partner.email, redirectTo: '/passwort-neu' },
    });
    const [reset] = await ctx.database.db
      .select()
      .from(t.outboxMail)
      .where(eq(t.outboxMail.toAddress, net.users.partner.email));
    expect((await ctx.as(net.users.admin.cookie, { method: 'GET', url: '/api/outbox' })).statusCode).toBe(
      403,
    );
    await ctx.database.db.insert(t.platformAdmin).values({ userId: net.users.admin.id });
    const list = await ctx.as(net.users.admin.cookie, { method: 'GET', url: '/api/outbox' });
    expect(list.json().items.map((m: { id: string }) => m.id)).toContain(reset!.id);
    const detail = await ctx.as(net.users.admin.cookie, { method: 'GET', url: `/api/outbox/${reset!.id}` });
    // Without SMTP the reset link went nowhere and was stored nowhere: the operator is told to have a
    // new one requested, and no retry is offered.
    expect(detail.json()).toMatchObject({ status: 'failed', attempts: 0 });
    expect(detail.json().lastError).toMatch(/Neuen Link anfordern/);
    expect(detail.json().textBody).toContain('[persönlicher Link]');
    expect(detail.json().textBody).not.toMatch(/reset-password/);
    // A network's mail is not an installation mail.
    expect(
      (await ctx.as(net.users.admin.cookie, { method: 'GET', url: `/api/outbox/${mail!.id}` })).statusCode,
    ).toBe(404);
  });
});

describe('Postausgang access', () => {
  it('is open to administrators and the office, closed to other roles and other networks', async () => {
    const net = await createNetworkWithMembers(ctx);
    const other = await createNetworkWithMembers(ctx);
    const id = await enqueueMail(ctx.database.db, {
      networkId: net.id,
      to: 'x@test.example',
      subject: 'Intern',
      text: 'Inhalt',
    });
    const expected = { admin: 200, office: 200, committee: 403, guest: 403, partner: 403 } as const;
    for (const [role, status] of Object.entries(expected)) {
      const cookie = net.users[role as keyof typeof expected].cookie;
      expect(
        (await ctx.as(cookie, { method: 'GET', url: `/api/networks/${net.id}/outbox` })).statusCode,
        role,
      ).toBe(status);
      expect(
        (await ctx.as(cookie, { method: 'GET', url: `/api/networks/${net.id}/outbox/${id}` })).statusCode,
        role,
      ).toBe(status);
    }
    // The mail of one network is not found through another network the person administers.
    const cross = await ctx.as(other.users.admin.cookie, {
      method: 'GET',
      url: `/api/networks/${other.id}/outbox/${id}`,
    });
    expect(cross.statusCode).toBe(404);
    const retry = await ctx.as(other.users.admin.cookie, {
      method: 'POST',
      url: `/api/networks/${other.id}/outbox/${id}/retry`,
    });
    expect(retry.statusCode).toBe(404);
  });
});
