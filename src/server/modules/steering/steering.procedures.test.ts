import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import * as t from '../../db/schema.js';
import { renderPersonalLinks } from '../links/links.service.js';
import { runProcedureJobs } from './steering.procedures.js';

// A clock the test moves forward: ten days do not pass in a test run.
let clock = new Date('2026-11-20T09:00:00Z');
let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp({}, { now: () => clock });
});
afterAll(() => ctx.close());

const call = (net: TestNetwork, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  ctx.as(net.users.office.cookie, { method, url: `/api/networks/${net.id}${url}`, payload });

async function setup() {
  clock = new Date('2026-11-20T09:00:00Z');
  const net = await createNetworkWithMembers(ctx);
  await call(net, 'PUT', '/contract', {
    title: 'Kooperationsvertrag',
    landPartyName: 'Land NRW',
    municipalityPartyName: 'Kreis',
    signatories: [],
  });
  const v = (
    await call(net, 'POST', '/contract/versions', {
      title: 'Vertrag',
      effectiveFrom: '2012-01-01',
      addFields: [{ name: 'Inklusion', previousOwner: 'land' }],
    })
  ).json();
  for (const party of ['land', 'municipality'])
    await call(net, 'POST', `/contract/versions/${v.id}/consents`, {
      party,
      signedBy: 'X Y',
      signedOn: '2011-12-01',
    });
  for (const [name, side] of [
    ['Beispiel Land', 'land'],
    ['Beispiel Kreis', 'municipality'],
    ['Beispiel Kammer', 'other'],
  ]) {
    await call(net, 'POST', '/committee', {
      name,
      side,
      voting: true,
      termFrom: '2020-01-01',
      email: `${side}@u.example`,
    });
  }
  await call(net, 'POST', '/committee', {
    name: 'Beispiel Büro',
    side: 'office',
    voting: false,
    termFrom: '2020-01-01',
    email: 'buero@u.example',
  });
  return { net, fieldId: v.addedFields[0].id as string };
}

const mailsTo = async (net: TestNetwork, to: string) =>
  (await ctx.database.db.select().from(t.outboxMail).where(eq(t.outboxMail.networkId, net.id))).filter(
    (m) => m.toAddress === to,
  );
/** The token the member finds in the delivered mail (minted on delivery; the outbox holds none). */
const tokenOf = async (text: string) =>
  (await renderPersonalLinks(ctx.database.db, ctx.config.baseUrl, text)).match(
    /\/umlauf\/([A-Za-z0-9_-]+)/,
  )![1]!;

describe('written procedure (Umlaufverfahren)', () => {
  it('is not taken when one member never answers; everyone is told after the deadline', async () => {
    const { net, fieldId } = await setup();
    const started = await call(net, 'POST', '/procedures', {
      title: 'Eilentscheidung Fachtag Inklusion',
      proposal: 'Das Bildungsbüro richtet im Februar einen Fachtag Inklusion aus.',
      decisionType: 'work_order',
      fieldId,
      deadline: '2026-11-30T12:00',
    });
    expect(started.statusCode).toBe(201);
    expect(
      started
        .json()
        .votes.map((v: { name: string }) => v.name)
        .sort(),
    ).toEqual(['Beispiel Kammer', 'Beispiel Kreis', 'Beispiel Land']);
    expect(await mailsTo(net, 'office@u.example')).toHaveLength(0); // office staff have no vote

    for (const side of ['land', 'municipality']) {
      const [mail] = await mailsTo(net, `${side}@u.example`);
      const token = await tokenOf(mail!.textBody);
      const info = await ctx.as(null, { method: 'GET', url: `/api/procedure-votes/${token}` });
      expect(info.json()).toMatchObject({
        title: 'Eilentscheidung Fachtag Inklusion',
        open: true,
        stance: null,
      });
      const ans = await ctx.as(null, {
        method: 'POST',
        url: `/api/procedure-votes/${token}`,
        payload: { stance: 'consent' },
      });
      expect(ans.json().stance).toBe('consent');
    }
    const objectionWithoutReason = await ctx.as(null, {
      method: 'POST',
      url: `/api/procedure-votes/${await tokenOf((await mailsTo(net, 'other@u.example'))[0]!.textBody)}`,
      payload: { stance: 'objection' },
    });
    expect(objectionWithoutReason.statusCode).toBe(400);

    // Two days before the deadline the silent member is reminded, once.
    clock = new Date('2026-11-28T13:00:00Z');
    await runProcedureJobs(ctx.app.deps);
    await runProcedureJobs(ctx.app.deps);
    const reminders = (await mailsTo(net, 'other@u.example')).filter((m) =>
      m.subject.startsWith('Erinnerung'),
    );
    expect(reminders).toHaveLength(1);
    expect(
      (await mailsTo(net, 'land@u.example')).filter((m) => m.subject.startsWith('Erinnerung')),
    ).toHaveLength(0);

    clock = new Date('2026-11-30T11:01:00Z'); // 12:01 in Berlin: past the deadline
    const late = await ctx.as(null, {
      method: 'POST',
      url: `/api/procedure-votes/${await tokenOf((await mailsTo(net, 'other@u.example'))[0]!.textBody)}`,
      payload: { stance: 'consent' },
    });
    expect(late.statusCode).toBe(410);
    expect(late.json().error.message).toMatch(/Frist dieses Umlaufverfahrens ist abgelaufen/);
    expect(await runProcedureJobs(ctx.app.deps)).toMatchObject({ closed: 1 });
    const closed = (await call(net, 'GET', `/procedures/${started.json().id}`)).json();
    expect(closed).toMatchObject({ status: 'not_taken', decisionNumber: null });
    expect(closed.outcomeMessage).toMatch(/Schweigen gilt nicht als Zustimmung/);
    for (const side of ['land', 'municipality', 'other']) {
      const result = (await mailsTo(net, `${side}@u.example`)).find((m) => m.subject.startsWith('Ergebnis'));
      expect(result?.textBody).toContain('Keine Antwort (gilt nicht als Zustimmung): Beispiel Kammer.');
    }
    expect((await call(net, 'GET', '/decisions')).json().items).toHaveLength(0);
  });

  it('is taken when everyone consents or stands aside, and gets a number in the register', async () => {
    const { net, fieldId } = await setup();
    const started = (
      await call(net, 'POST', '/procedures', {
        title: 'Zustimmung Fachtag',
        proposal: 'Der Fachtag findet statt.',
        decisionType: 'work_order',
        fieldId,
        deadline: '2026-11-25T12:00',
      })
    ).json();
    for (const [side, stance] of [
      ['land', 'consent'],
      ['municipality', 'consent'],
      ['other', 'stand_aside'],
    ]) {
      await ctx.as(null, {
        method: 'POST',
        url: `/api/procedure-votes/${await tokenOf((await mailsTo(net, `${side}@u.example`))[0]!.textBody)}`,
        payload: { stance },
      });
    }
    clock = new Date('2026-11-26T08:00:00Z');
    await runProcedureJobs(ctx.app.deps);
    const done = (await call(net, 'GET', `/procedures/${started.id}`)).json();
    expect(done).toMatchObject({ status: 'taken', decisionNumber: 'LK-2026-01' });
    // The trace's first step: the written procedure took the decision.
    const links = await ctx.database.db.select().from(t.traceLink).where(eq(t.traceLink.fromId, started.id));
    expect(links.map((l) => [l.fromKind, l.relation, l.toKind])).toEqual([
      ['procedure', 'decided', 'decision'],
    ]);
    expect((await call(net, 'GET', '/decisions')).json().items).toMatchObject([
      { number: 'LK-2026-01', title: 'Zustimmung Fachtag', meetingId: null },
    ]);
  });

  it('refuses a deadline in the past; only the office starts one, guests do not see them', async () => {
    const { net, fieldId } = await setup();
    const past = await call(net, 'POST', '/procedures', {
      title: 'Zu spät',
      proposal: 'x y z',
      decisionType: 'work_order',
      fieldId,
      deadline: '2026-11-19T12:00',
    });
    expect(past.statusCode).toBe(400);
    expect(
      await ctx.database.db.select().from(t.writtenProcedure).where(eq(t.writtenProcedure.networkId, net.id)),
    ).toHaveLength(0);
    const guestView = await ctx.as(net.users.guest.cookie, {
      method: 'GET',
      url: `/api/networks/${net.id}/procedures`,
    });
    // The committee's records are not a guest's: refused at the route, the same for every guest.
    expect(guestView.statusCode).toBe(403);
    const committee = await ctx.as(net.users.committee.cookie, {
      method: 'POST',
      url: `/api/networks/${net.id}/procedures`,
      payload: {
        title: 'Nicht erlaubt',
        proposal: 'x y z',
        decisionType: 'procedural',
        deadline: '2026-12-01T12:00',
      },
    });
    expect(committee.statusCode).toBe(403);
  });
});
