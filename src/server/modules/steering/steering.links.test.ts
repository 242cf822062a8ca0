import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  createNetworkWithMembers,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import { createTestDatabase } from '../../../../tests/helpers/database.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import * as t from '../../db/schema.js';
import { hashToken } from '../../lib/tokens.js';
import { renderPersonalLinks } from '../links/links.service.js';

// Every request of this file is logged at info into `log`; the last test reads it for tokens.
let log = '';
let clock = new Date('2026-11-20T09:00:00Z');
let ctx: TestApp;
let dataDir: string;
const tokens: string[] = [];

beforeAll(async () => {
  const database = await createTestDatabase();
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bn-test-'));
  const config = loadConfig({ BASE_URL, DATA_DIR: dataDir, LOG_LEVEL: 'info', SIGNIN_RATE_LIMIT: '1000' });
  const logStream = new Writable({
    write(chunk, _enc, done) {
      log += chunk.toString();
      done();
    },
  });
  const app = await buildApp(config, { database, now: () => clock, logStream });
  ctx = {
    app,
    database,
    config,
    as: (cookie: string | null, opts: InjectOptions) =>
      app.inject({
        ...opts,
        headers: { origin: BASE_URL, ...(cookie ? { cookie } : {}), ...(opts.headers ?? {}) },
      }),
    close: async () => {
      await app.close();
      await database.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
});
afterAll(() => ctx.close());

const db = () => ctx.database.db;
const call = (net: TestNetwork, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  ctx.as(net.users.office.cookie, { method, url: `/api/networks/${net.id}${url}`, payload });

const mailsTo = async (net: TestNetwork, to: string) =>
  (await db().select().from(t.outboxMail).where(eq(t.outboxMail.networkId, net.id))).filter(
    (m) => m.toAddress === to,
  );

/** Delivers a mail's text as the member receives it, and returns the token of the given path. */
async function linkIn(text: string, prefix: string) {
  const delivered = await renderPersonalLinks(db(), BASE_URL, text);
  const token = delivered.match(new RegExp(`${prefix}([A-Za-z0-9_-]{20,})`))?.[1];
  expect(token, delivered).toBeTruthy();
  tokens.push(token!);
  return token!;
}

/** No column of any table holds the token in any form a person could use. */
async function expectNowhereInDatabase(token: string) {
  const tables = (await ctx.database.db.execute(
    sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  )) as unknown as { rows?: { table_name: string }[] } | { table_name: string }[];
  const names = (Array.isArray(tables) ? tables : (tables.rows ?? [])).map((r) => r.table_name);
  expect(names).toContain('personal_link');
  for (const name of names) {
    const res = (await ctx.database.db.execute(
      sql`SELECT count(*)::int AS n FROM ${sql.identifier(name)} x WHERE x::text LIKE ${`%${token}%`}`,
    )) as unknown as { rows?: { n: number }[] } | { n: number }[];
    const [row] = Array.isArray(res) ? res : (res.rows ?? []);
    expect(row!.n, `token found in table ${name}`).toBe(0);
  }
}

async function committee(net: TestNetwork) {
  const ids: Record<string, string> = {};
  for (const [name, side, email] of [
    ['Beispiel Land', 'land', 'land@u.example'],
    ['Beispiel Kreis', 'municipality', 'kreis@u.example'],
    ['Beispiel Kammer', 'other', net.users.committee.email],
  ] as const) {
    const r = await call(net, 'POST', '/committee', {
      name,
      side,
      voting: true,
      termFrom: '2020-01-01',
      email,
    });
    expect(r.statusCode).toBe(201);
    ids[side] = r.json().id;
  }
  return ids;
}

async function procedure(net: TestNetwork) {
  const r = await call(net, 'POST', '/procedures', {
    title: 'Geschäftsordnung ändern',
    proposal: 'Die Sitzungen beginnen künftig um 15 Uhr.',
    decisionType: 'procedural',
    deadline: '2026-11-30T12:00',
  });
  expect(r.statusCode).toBe(201);
  return r.json().id as string;
}

describe('vote links of a written procedure', () => {
  it('are stored only as hashes, hidden from the Postausgang, and act for the member only', async () => {
    clock = new Date('2026-11-20T09:00:00Z');
    const net = await createNetworkWithMembers(ctx);
    const ids = await committee(net);
    const procId = await procedure(net);

    const [mail] = await mailsTo(net, 'land@u.example');
    expect(mail!.sensitive).toBe(true);
    expect(mail!.textBody).not.toMatch(/\/umlauf\//);
    const token = await linkIn(mail!.textBody, '/umlauf/');
    await expectNowhereInDatabase(token);
    const links = await db().select().from(t.personalLink).where(eq(t.personalLink.networkId, net.id));
    expect(links.map((l) => l.tokenHash)).toContain(hashToken(token));

    // The office sees that the mail exists, not its text; the administration sees the text without link.
    for (const role of ['office', 'admin'] as const) {
      const list = await ctx.as(net.users[role].cookie, {
        method: 'GET',
        url: `/api/networks/${net.id}/outbox`,
      });
      expect(list.body).not.toContain(token);
      expect(list.body).not.toContain('/umlauf/');
      const detail = await ctx.as(net.users[role].cookie, {
        method: 'GET',
        url: `/api/networks/${net.id}/outbox/${mail!.id}`,
      });
      expect(detail.statusCode).toBe(200);
      expect(detail.body).not.toContain(token);
      expect(detail.body).not.toContain('/umlauf/');
      expect(detail.json().textBody).toMatch(
        role === 'office' ? /persönlichen Link .* nicht angezeigt/ : /\[persönlicher Link\]/,
      );
    }

    const voted = await ctx.as(null, {
      method: 'POST',
      url: `/api/procedure-votes/${token}`,
      payload: { stance: 'consent' },
    });
    expect(voted.statusCode).toBe(200);

    // The Kreis answers by phone; the office enters it under its own name.
    const recorded = await call(net, 'PUT', `/procedures/${procId}/votes/${ids.municipality}`, {
      stance: 'consent',
      channel: 'phone',
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const kreis = recorded.json().votes.find((v: { name: string }) => v.name === 'Beispiel Kreis');
    expect(kreis).toMatchObject({ stance: 'consent', channel: 'phone', recordedBy: 'Test office' });
    expect(recorded.json().votes.find((v: { name: string }) => v.name === 'Beispiel Land')).toMatchObject({
      channel: 'link',
      recordedBy: null,
    });
    const audit = await db()
      .select()
      .from(t.auditEvent)
      .where(and(eq(t.auditEvent.networkId, net.id), eq(t.auditEvent.entityType, 'procedure_vote')));
    expect(audit.map((a) => a.summary)).toContain(
      'Antwort von Beispiel Kreis im Umlaufverfahren „Geschäftsordnung ändern“ telefonisch erhalten, erfasst durch Test office',
    );

    // What the member said through the link, the office cannot overwrite.
    const overwrite = await call(net, 'PUT', `/procedures/${procId}/votes/${ids.land}`, {
      stance: 'objection',
      reason: 'Am Telefon anders gehört',
      channel: 'paper',
    });
    expect(overwrite.statusCode).toBe(409);
    expect(overwrite.json().error.code).toBe('steering.vote_given_by_link');

    // Bad input, other roles, other networks.
    expect(
      (
        await call(net, 'PUT', `/procedures/${procId}/votes/${ids.other}`, {
          stance: 'consent',
          channel: 'fax',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await ctx.as(net.users.committee.cookie, {
          method: 'PUT',
          url: `/api/networks/${net.id}/procedures/${procId}/votes/${ids.other}`,
          payload: { stance: 'consent', channel: 'paper' },
        })
      ).statusCode,
    ).toBe(403);
    const other = await createNetworkWithMembers(ctx);
    expect(
      (
        await ctx.as(other.users.office.cookie, {
          method: 'PUT',
          url: `/api/networks/${net.id}/procedures/${procId}/votes/${ids.other}`,
          payload: { stance: 'consent', channel: 'paper' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await ctx.as(other.users.office.cookie, {
          method: 'PUT',
          url: `/api/networks/${other.id}/procedures/${procId}/votes/${ids.other}`,
          payload: { stance: 'consent', channel: 'paper' },
        })
      ).statusCode,
    ).toBe(404);
    const kammer = await db().select().from(t.procedureVote).where(eq(t.procedureVote.memberId, ids.other!));
    expect(kammer[0]!.stance).toBeNull();

    // The paper vote counts: with the Kammer standing aside on paper, the procedure is taken.
    await call(net, 'PUT', `/procedures/${procId}/votes/${ids.other}`, {
      stance: 'stand_aside',
      channel: 'paper',
    });
    clock = new Date('2026-11-30T11:01:00Z');
    const { runProcedureJobs } = await import('./steering.procedures.js');
    await runProcedureJobs(ctx.app.deps);
    const done = (await call(net, 'GET', `/procedures/${procId}`)).json();
    expect(done).toMatchObject({ status: 'taken' });
    expect(done.decisionNumber).toMatch(/^LK-2026-/);
  });

  it('answer 410 with a German message after the deadline or the end of the term, and write nothing', async () => {
    clock = new Date('2026-11-20T09:00:00Z');
    const net = await createNetworkWithMembers(ctx);
    const ids = await committee(net);
    await procedure(net);
    const landToken = await linkIn((await mailsTo(net, 'land@u.example'))[0]!.textBody, '/umlauf/');
    const kreisToken = await linkIn((await mailsTo(net, 'kreis@u.example'))[0]!.textBody, '/umlauf/');

    // The Kreis member's term ends; their link ends with it.
    const ended = await call(net, 'PUT', `/committee/${ids.municipality}`, {
      name: 'Beispiel Kreis',
      side: 'municipality',
      voting: true,
      termFrom: '2020-01-01',
      termTo: '2026-11-19',
      email: 'kreis@u.example',
    });
    expect(ended.statusCode, ended.body).toBe(200);
    const afterTerm = await ctx.as(null, {
      method: 'POST',
      url: `/api/procedure-votes/${kreisToken}`,
      payload: { stance: 'consent' },
    });
    expect(afterTerm.statusCode).toBe(410);
    expect(afterTerm.json().error).toMatchObject({ code: 'links.term_ended' });
    expect(afterTerm.json().error.message).toMatch(/Amtszeit .* beendet/);

    clock = new Date('2026-11-30T11:01:00Z');
    for (const method of ['GET', 'POST'] as const) {
      const late = await ctx.as(null, {
        method,
        url: `/api/procedure-votes/${landToken}`,
        ...(method === 'POST' ? { payload: { stance: 'consent' } } : {}),
      });
      expect(late.statusCode).toBe(410);
      expect(late.json().error).toMatchObject({ code: 'links.procedure_closed' });
      expect(late.json().error.message).toMatch(/Frist .* abgelaufen/);
      expect(late.json().error.requestId).toBeTruthy();
    }
    const votes = await db().select().from(t.procedureVote).where(eq(t.procedureVote.networkId, net.id));
    expect(votes.every((v) => v.stance === null && v.channel === null)).toBe(true);
  });
});

describe('reply links of a meeting invitation', () => {
  it('work until the meeting is over; the office enters a reply received by phone', async () => {
    clock = new Date('2026-11-20T09:00:00Z');
    const net = await createNetworkWithMembers(ctx);
    await committee(net);
    const mtg = (
      await call(net, 'POST', '/meetings', {
        title: 'Wintersitzung',
        startsAt: '2026-12-10T14:00',
        endsAt: '2026-12-10T16:00',
        location: 'Kreishaus',
      })
    ).json();
    await call(net, 'POST', `/meetings/${mtg.id}/items`, { title: 'Bericht', kind: 'information' });
    expect((await call(net, 'POST', `/meetings/${mtg.id}/invitations`)).statusCode).toBe(200);
    const [mail] = await mailsTo(net, 'land@u.example');
    expect(mail!.sensitive).toBe(true);
    const delivered = await renderPersonalLinks(db(), BASE_URL, mail!.textBody);
    const token = delivered.match(/\/antwort\/([A-Za-z0-9_-]{20,})/)![1]!;
    const feed = delivered.match(/\/api\/calendar\/([A-Za-z0-9_-]{20,})\.ics/)![1]!;
    tokens.push(token, feed);
    await expectNowhereInDatabase(token);
    await expectNowhereInDatabase(feed);

    const replied = await ctx.as(null, {
      method: 'POST',
      url: `/api/meeting-replies/${token}`,
      payload: { reply: 'attending' },
    });
    expect(replied.statusCode).toBe(200);

    const recipients = (await call(net, 'GET', `/meetings/${mtg.id}/recipients`)).json();
    const kreis = recipients.find((r: { name: string }) => r.name === 'Beispiel Kreis');
    const byPhone = await call(net, 'PUT', `/meetings/${mtg.id}/recipients/${kreis.id}/reply`, {
      reply: 'excused',
      channel: 'phone',
    });
    expect(byPhone.statusCode, byPhone.body).toBe(204);
    const after = (await call(net, 'GET', `/meetings/${mtg.id}/recipients`)).json();
    expect(after.find((r: { name: string }) => r.name === 'Beispiel Kreis')).toMatchObject({
      reply: 'excused',
      replyChannel: 'phone',
    });
    expect(after.find((r: { name: string }) => r.name === 'Beispiel Land')).toMatchObject({
      reply: 'attending',
      replyChannel: 'link',
    });
    expect(
      (
        await ctx.as(net.users.committee.cookie, {
          method: 'PUT',
          url: `/api/networks/${net.id}/meetings/${mtg.id}/recipients/${kreis.id}/reply`,
          payload: { reply: 'attending', channel: 'phone' },
        })
      ).statusCode,
    ).toBe(403);
    const other = await createNetworkWithMembers(ctx);
    for (const n of [net.id, other.id]) {
      const foreign = await ctx.as(other.users.office.cookie, {
        method: 'PUT',
        url: `/api/networks/${n}/meetings/${mtg.id}/recipients/${kreis.id}/reply`,
        payload: { reply: 'attending', channel: 'phone' },
      });
      expect(foreign.statusCode).toBe(404);
    }

    clock = new Date('2026-12-10T15:30:00Z'); // 16:30 in Berlin: the meeting is over
    const late = await ctx.as(null, {
      method: 'POST',
      url: `/api/meeting-replies/${token}`,
      payload: { reply: 'excused' },
    });
    expect(late.statusCode).toBe(410);
    expect(late.json().error.message).toMatch(/Sitzung ist vorbei/);
    const [land] = await db()
      .select()
      .from(t.meetingRecipient)
      .where(and(eq(t.meetingRecipient.meetingId, mtg.id), eq(t.meetingRecipient.name, 'Beispiel Land')));
    expect(land!.reply).toBe('attending');
  });
});

describe('calendar subscription link', () => {
  it('is replaced by its owner, the old link stops at once, and it ends with the term', async () => {
    clock = new Date('2026-11-20T09:00:00Z');
    const net = await createNetworkWithMembers(ctx);
    const ids = await committee(net);
    const me = net.users.committee.cookie; // the Kammer member has this account's address
    const url = `/api/networks/${net.id}/my-calendar-link`;
    expect((await ctx.as(me, { method: 'GET', url })).json()).toEqual({
      memberName: 'Beispiel Kammer',
      active: false,
    });
    const first = await ctx.as(me, { method: 'POST', url });
    expect(first.statusCode).toBe(201);
    const firstToken = first.json().url.match(/\/api\/calendar\/([A-Za-z0-9_-]+)\.ics$/)[1];
    tokens.push(firstToken);
    expect((await ctx.as(null, { method: 'GET', url: `/api/calendar/${firstToken}.ics` })).statusCode).toBe(
      200,
    );
    expect((await ctx.as(me, { method: 'GET', url })).json().active).toBe(true);

    const second = await ctx.as(me, { method: 'POST', url });
    const secondToken = second.json().url.match(/\/api\/calendar\/([A-Za-z0-9_-]+)\.ics$/)[1];
    tokens.push(secondToken);
    const old = await ctx.as(null, { method: 'GET', url: `/api/calendar/${firstToken}.ics` });
    expect(old.statusCode).toBe(410);
    expect(old.json().error).toMatchObject({ code: 'links.replaced' });
    expect((await ctx.as(null, { method: 'GET', url: `/api/calendar/${secondToken}.ics` })).statusCode).toBe(
      200,
    );
    await expectNowhereInDatabase(secondToken);
    const audit = await db().select().from(t.auditEvent).where(eq(t.auditEvent.networkId, net.id));
    expect(audit.some((a) => a.summary.includes('Kalender-Abo-Link von Beispiel Kammer neu erzeugt'))).toBe(
      true,
    );

    // Only committee members have one; another network's member gets 404.
    expect((await ctx.as(net.users.office.cookie, { method: 'GET', url })).json()).toEqual({
      memberName: null,
      active: false,
    });
    expect((await ctx.as(net.users.office.cookie, { method: 'POST', url })).statusCode).toBe(404);
    const other = await createNetworkWithMembers(ctx);
    expect((await ctx.as(other.users.committee.cookie, { method: 'POST', url })).statusCode).toBe(404);
    expect((await ctx.as(null, { method: 'POST', url })).statusCode).toBe(401);

    await call(net, 'PUT', `/committee/${ids.other}`, {
      name: 'Beispiel Kammer',
      side: 'other',
      voting: true,
      termFrom: '2020-01-01',
      termTo: '2026-11-19',
      email: net.users.committee.email,
    });
    const afterTerm = await ctx.as(null, { method: 'GET', url: `/api/calendar/${secondToken}.ics` });
    expect(afterTerm.statusCode).toBe(410);
    expect(afterTerm.json().error.message).toMatch(/Amtszeit/);
  });
});

describe('the request log', () => {
  it('holds none of the tokens used above, nor a session cookie', async () => {
    expect(tokens.length).toBeGreaterThan(5);
    expect(log).toContain('/api/procedure-votes/[redacted]');
    expect(log).toContain('/api/calendar/[redacted]');
    for (const token of tokens) expect(log).not.toContain(token);
    expect(log).not.toMatch(/bn\.session_token=/);
  });
});
