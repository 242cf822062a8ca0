import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import { readPdf } from '../../../../tests/helpers/pdf.js';
import { workOrderNetwork } from '../../../../tests/helpers/work.js';
import * as t from '../../db/schema.js';
import { runWorkReminders } from './desk.service.js';

// Today on this test's clock: Tuesday, 15 June 2027, noon in Berlin.
let now = new Date('2027-06-15T10:00:00Z');
let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp({}, { now: () => now });
});
afterAll(() => ctx.close());

type Role = keyof TestNetwork['users'];
const call = (
  net: TestNetwork,
  role: Role,
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  payload?: object,
) => ctx.as(net.users[role].cookie, { method, url: `/api/networks/${net.id}${url}`, payload });

/**
 * A network with a joint field of action, a taken work-order decision and, since the orders and tasks
 * parts are built in parallel, orders, a project and tasks written straight into the foundation tables.
 */
async function deskNetwork() {
  const {
    net,
    db,
    fieldId,
    order: insert,
  } = await workOrderNetwork(ctx, {
    as: 'office',
    contract: { landPartyName: 'Land NRW', municipalityPartyName: 'Kreis', signatories: [] },
    effectiveFrom: '2012-01-01',
    fieldName: 'Übergang Schule – Beruf (KAoA)',
    decision: {
      seq: 4,
      title: 'KAoA: Praxisphasen-Portal',
      text: 'Das Bildungsbüro baut ein Portal.',
      decidedOn: '2027-03-12',
    },
  });
  const office = net.users.office.id;
  let seq = 0;
  const order = (title: string, dueOn: string, status: string, assigneeId = office, extra = {}) => {
    seq += 1;
    return insert({ seq, title, dueOn, assigneeId, status: status as 'new', progress: 40, ...extra });
  };
  const overdue = await order('Portal ausschreiben', '2027-06-01', 'in_progress', office, {
    reportDueOn: '2027-09-01',
  });
  const thisMonth = await order('Schulen ansprechen', '2027-06-20', 'accepted');
  const later = await order('Portal starten', '2027-09-30', 'new');
  await order('Schon erledigt', '2027-05-01', 'done');
  const returned = await order('Zurückgegeben', '2027-05-01', 'returned', office, {
    returnReason: 'Keine Mittel im Haushalt',
  });
  await order('Auftrag der Verwaltung', '2027-06-10', 'new', net.users.admin.id);
  const [project] = await db
    .insert(t.project)
    .values({ networkId: net.id, fieldId, title: 'Praxisphasen', leadId: office, reportDueOn: '2027-08-15' })
    .returning();
  const [task] = await db
    .insert(t.projectTask)
    .values({
      networkId: net.id,
      projectId: project!.id,
      title: 'Interne Checkliste Betriebe',
      assigneeId: office,
      dueOn: '2027-06-18',
    })
    .returning();
  await db.insert(t.projectTask).values({
    networkId: net.id,
    projectId: project!.id,
    title: 'Erledigte Aufgabe',
    assigneeId: office,
    dueOn: '2027-06-01',
    status: 'done',
  });
  await db
    .insert(t.projectTask)
    .values({ networkId: net.id, projectId: project!.id, title: 'Ohne Datum', assigneeId: office });
  return { net, fieldId, overdue, thisMonth, later, returned, project: project!, task: task! };
}

describe('the desk', () => {
  it('shows the office member their own open orders and tasks, overdue first, by field of action', async () => {
    const d = await deskNetwork();
    const res = await call(d.net, 'office', 'GET', '/work/desk');
    expect(res.statusCode, res.body).toBe(200);
    const desk = res.json();
    expect(desk.today).toBe('2027-06-15');
    expect(desk.items.map((i: { title: string }) => i.title)).toEqual([
      'Portal ausschreiben',
      'Interne Checkliste Betriebe',
      'Schulen ansprechen',
      'Portal starten',
      'Ohne Datum',
    ]);
    expect(desk.items.map((i: { bucket: string }) => i.bucket)).toEqual([
      'overdue',
      'this_month',
      'this_month',
      'later',
      'later',
    ]);
    expect(desk.counts).toEqual({ overdue: 1, thisMonth: 2, later: 2, orders: 3, tasks: 2 });
    expect(desk.items[0]).toMatchObject({
      kind: 'order',
      number: 'AA-2027-01',
      fieldName: 'Übergang Schule – Beruf (KAoA)',
      progress: 40,
    });
    expect(desk.items[1]).toMatchObject({ kind: 'task', projectTitle: 'Praxisphasen', fieldId: d.fieldId });

    // The administrator sees only what is assigned to them.
    const admin = (await call(d.net, 'admin', 'GET', '/work/desk')).json();
    expect(admin.items.map((i: { title: string }) => i.title)).toEqual(['Auftrag der Verwaltung']);
  });

  it('is the office’s: committee, guest and partner get 403, another network’s administrator 404', async () => {
    const d = await deskNetwork();
    const other = await createNetworkWithMembers(ctx);
    for (const role of ['committee', 'guest', 'partner'] as const) {
      expect((await call(d.net, role, 'GET', '/work/desk')).statusCode).toBe(403);
      expect((await call(d.net, role, 'POST', '/work/calendar-link')).statusCode).toBe(403);
    }
    const outsider = await ctx.as(other.users.admin.cookie, {
      method: 'GET',
      url: `/api/networks/${d.net.id}/work/desk`,
    });
    expect(outsider.statusCode).toBe(404);
    expect(
      (await ctx.as(null, { method: 'GET', url: `/api/networks/${d.net.id}/work/desk` })).statusCode,
    ).toBe(401);
  });
});

describe('the calendar feed', () => {
  it('is created, shown once, lists the due dates as all-day events, and answers 410 once replaced or withdrawn', async () => {
    const d = await deskNetwork();
    expect((await call(d.net, 'office', 'GET', '/work/calendar-link')).json()).toEqual({ active: false });
    const first = await call(d.net, 'office', 'POST', '/work/calendar-link');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['cache-control']).toBe('no-store');
    const url = first.json().url as string;
    expect(url).toMatch(/^http:\/\/bildungsnetz\.test\/api\/work-calendar\/[A-Za-z0-9_-]+\.ics$/);
    expect((await call(d.net, 'office', 'GET', '/work/calendar-link')).json()).toEqual({ active: true });
    // Only the hash is kept.
    const token = url.split('/').pop()!.replace('.ics', '');
    const links = await ctx.database.db
      .select()
      .from(t.personalLink)
      .where(
        and(eq(t.personalLink.userId, d.net.users.office.id), eq(t.personalLink.purpose, 'work_calendar')),
      );
    expect(links).toHaveLength(1);
    expect(links[0]!.tokenHash).not.toContain(token);

    const path = new URL(url).pathname;
    const feed = await ctx.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode, feed.body).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const ics = feed.body.replace(/\r\n[ \t]/g, '');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(6); // 3 orders, 1 report of an order, 1 task, 1 project report
    expect(ics).toContain('DTSTART;VALUE=DATE:20270601');
    expect(ics).toContain('SUMMARY:Fällig: AA-2027-01 Portal ausschreiben');
    expect(ics).toContain('SUMMARY:Sachstandsbericht: Projekt Praxisphasen');
    expect(ics).toContain('SUMMARY:Aufgabe fällig: Interne Checkliste Betriebe');
    expect(ics).not.toContain('Zurückgegeben');
    expect(ics).not.toContain('Auftrag der Verwaltung');

    const second = (await call(d.net, 'office', 'POST', '/work/calendar-link')).json().url as string;
    const replaced = await ctx.app.inject({ method: 'GET', url: path });
    expect(replaced.statusCode).toBe(410);
    expect(replaced.json().error.code).toBe('links.revoked');
    expect((await ctx.app.inject({ method: 'GET', url: new URL(second).pathname })).statusCode).toBe(200);

    expect((await call(d.net, 'office', 'DELETE', '/work/calendar-link')).statusCode).toBe(204);
    expect((await ctx.app.inject({ method: 'GET', url: new URL(second).pathname })).statusCode).toBe(410);
    expect((await call(d.net, 'office', 'GET', '/work/calendar-link')).json()).toEqual({ active: false });
    expect(
      (await ctx.app.inject({ method: 'GET', url: `/api/work-calendar/${'x'.repeat(43)}.ics` })).statusCode,
    ).toBe(404);

    const audit = await ctx.database.db
      .select()
      .from(t.auditEvent)
      .where(eq(t.auditEvent.entityType, 'work_calendar'));
    expect(audit.filter((a) => a.networkId === d.net.id).map((a) => a.action)).toEqual([
      'create',
      'update',
      'delete',
    ]);
  });

  it('stops when its owner no longer works in the office', async () => {
    const d = await deskNetwork();
    const url = (await call(d.net, 'office', 'POST', '/work/calendar-link')).json().url as string;
    await ctx.database.db
      .update(t.membership)
      .set({ role: 'committee' })
      .where(and(eq(t.membership.networkId, d.net.id), eq(t.membership.userId, d.net.users.office.id)));
    const res = await ctx.app.inject({ method: 'GET', url: new URL(url).pathname });
    expect(res.statusCode).toBe(410);
    expect(res.json().error.code).toBe('links.term_ended');
  });
});

describe('reminders', () => {
  const mailsTo = async (email: string) =>
    ctx.database.db.select().from(t.outboxMail).where(eq(t.outboxMail.toAddress, email));

  it('send each person one mail a day listing what is overdue and due within 7 days, never twice, also when runs race', async () => {
    const d = await deskNetwork();
    const quiet = await createNetworkWithMembers(ctx);
    now = new Date('2027-06-15T05:00:00Z');
    const runs = await Promise.all([
      runWorkReminders(ctx.app.deps),
      runWorkReminders(ctx.app.deps),
      runWorkReminders(ctx.app.deps),
    ]);
    expect(runs.reduce((n, r) => n + r.sent, 0)).toBeGreaterThanOrEqual(2);
    const mails = await mailsTo(d.net.users.office.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.subject).toBe('Erinnerung: 1 überfällig, 2 bald fällig');
    expect(mail.textBody).toContain('Überfällig:\n- AA-2027-01 Portal ausschreiben, fällig am 01.06.2027');
    expect(mail.textBody).toContain(
      '- Aufgabe Interne Checkliste Betriebe (Praxisphasen), fällig am 18.06.2027',
    );
    expect(mail.textBody).toContain('- AA-2027-02 Schulen ansprechen, fällig am 20.06.2027');
    expect(mail.textBody).not.toContain('Portal starten');
    expect(mail.textBody).not.toContain('Zurückgegeben');
    expect(mail.textBody).toContain(`/n/${d.net.id}/arbeitsprogramm/schreibtisch`);
    // The admin's own overdue order: a mail of their own. Nothing due: no mail.
    expect(await mailsTo(d.net.users.admin.email)).toHaveLength(1);
    expect(await mailsTo(quiet.users.office.email)).toHaveLength(0);
    expect(await mailsTo(d.net.users.committee.email)).toHaveLength(0);

    // Later the same day: nothing new. The next day: one more.
    now = new Date('2027-06-15T20:00:00Z');
    await runWorkReminders(ctx.app.deps);
    expect(await mailsTo(d.net.users.office.email)).toHaveLength(1);
    now = new Date('2027-06-16T05:00:00Z');
    await runWorkReminders(ctx.app.deps);
    expect(await mailsTo(d.net.users.office.email)).toHaveLength(2);
    const claims = await ctx.database.db
      .select()
      .from(t.workReminder)
      .where(and(eq(t.workReminder.networkId, d.net.id), eq(t.workReminder.userId, d.net.users.office.id)));
    expect(claims.map((c) => [c.day, c.items])).toEqual([
      ['2027-06-15', 3],
      ['2027-06-16', 3],
    ]);
    now = new Date('2027-06-15T10:00:00Z');
  });
});

describe('exports', () => {
  async function withProgramme() {
    const d = await deskNetwork();
    const db = ctx.database.db;
    const [decision] = await db.select().from(t.decision).where(eq(t.decision.networkId, d.net.id));
    await db.insert(t.goal).values({
      networkId: d.net.id,
      fieldId: d.fieldId,
      decisionId: decision!.id,
      statement: 'Jede Schule bietet Praxisphasen an',
      target: '90 % der Schulen',
      horizonYear: 2028,
      owner: 'Bildungsbüro',
      reviewOn: '2027-11-30',
    });
    const [plan] = await db
      .insert(t.workPlan)
      .values({ networkId: d.net.id, fieldId: d.fieldId, year: 2027, title: 'Arbeitsplanung KAoA 2027' })
      .returning();
    const [version] = await db
      .insert(t.workPlanVersion)
      .values({
        networkId: d.net.id,
        planId: plan!.id,
        version: 1,
        status: 'agreed',
        entries: [
          {
            kind: 'product',
            title: 'Handreichung Praxisphasen',
            description: 'für Lehrkräfte',
            goalId: null,
            projectId: null,
            dueOn: '2027-10-01',
          },
        ],
      })
      .returning();
    await db.update(t.workPlan).set({ agreedVersionId: version!.id }).where(eq(t.workPlan.id, plan!.id));
    return d;
  }

  it('give the committee the year as Excel, read back with its sheets and real dates', async () => {
    const d = await withProgramme();
    const res = await call(d.net, 'committee', 'GET', '/work/export.xlsx?year=2027');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('Arbeitsprogramm-2027.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const orders = wb.getWorksheet('Arbeitsaufträge')!;
    expect(orders.getRow(1).getCell(1).value).toBe('Nummer');
    const rows = orders.getSheetValues().slice(2) as unknown[][];
    expect(rows.map((r) => r[1])).toEqual([
      'AA-2027-01',
      'AA-2027-02',
      'AA-2027-03',
      'AA-2027-04',
      'AA-2027-05',
      'AA-2027-06',
    ]);
    const first = orders.getRow(2);
    expect(first.getCell(4).value).toBe('in Arbeit');
    expect(first.getCell(5).value).toBe(40);
    expect(first.getCell(6).value).toEqual(new Date('2027-06-01T00:00:00Z'));
    expect(first.getCell(7).value).toBe('ja');
    expect(orders.getRow(6).getCell(9).value).toBe('Zurückgegeben: Keine Mittel im Haushalt');
    expect(wb.getWorksheet('Ziele')!.getRow(2).getCell(2).value).toBe('Jede Schule bietet Praxisphasen an');
    expect(wb.getWorksheet('Arbeitsplanung')!.getRow(2).getCell(5).value).toBe('Handreichung Praxisphasen');
    const all = JSON.stringify(wb.worksheets.map((w) => w.getSheetValues()));
    expect(all).not.toContain('Interne Checkliste');
  });

  it('give a tagged PDF "Arbeitsprogramm 2027" and "Stand der Arbeitsaufträge", without task internals', async () => {
    const d = await withProgramme();
    const res = await call(d.net, 'committee', 'GET', '/work/export.pdf?year=2027');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = await readPdf(res.rawPayload);
    expect(pdf.tagged).toBe(true);
    expect(pdf.language).toBe('de-DE');
    expect(pdf.title).toBe('Arbeitsprogramm 2027');
    expect(pdf.bookmarks).toEqual(
      expect.arrayContaining([
        'Arbeitsprogramm 2027',
        'Handlungsfeld Übergang Schule – Beruf (KAoA)',
        'Stand der Arbeitsaufträge',
      ]),
    );
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toContain('Jede Schule bietet Praxisphasen an');
    expect(text).toContain('Handreichung Praxisphasen');
    expect(text).toContain('AA-2027-01 Portal ausschreiben');
    expect(text).toContain('in Arbeit, 40 %, fällig am 01.06.2027 (überfällig)');
    expect(text).not.toContain('Interne Checkliste');

    const orders = await call(d.net, 'office', 'GET', '/work/export.pdf?year=2027&kind=orders');
    expect(orders.statusCode).toBe(200);
    const o = await readPdf(orders.rawPayload);
    expect(o.title).toBe('Stand der Arbeitsaufträge 2027');
    expect(o.text).not.toContain('Jede Schule bietet');
  });

  it('are refused to guests and partners, hidden from other networks, and need a sensible year', async () => {
    const d = await deskNetwork();
    const other = await createNetworkWithMembers(ctx);
    for (const role of ['guest', 'partner'] as const) {
      expect((await call(d.net, role, 'GET', '/work/export.xlsx?year=2027')).statusCode).toBe(403);
      expect((await call(d.net, role, 'GET', '/work/export.pdf?year=2027')).statusCode).toBe(403);
    }
    const outsider = await ctx.as(other.users.admin.cookie, {
      method: 'GET',
      url: `/api/networks/${d.net.id}/work/export.pdf?year=2027`,
    });
    expect(outsider.statusCode).toBe(404);
    const bad = await call(d.net, 'admin', 'GET', '/work/export.pdf?year=zwanzig');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('Jahr');
    // Another network's orders never show up in this one's export.
    const mine = await call(other, 'admin', 'GET', '/work/export.pdf?year=2027&kind=orders');
    expect((await readPdf(mine.rawPayload)).text).toContain('keine Arbeitsaufträge');
  });
});
