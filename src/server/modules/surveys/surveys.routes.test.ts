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
import { hidePersonalLinks, linkForMail, renderPersonalLinks } from '../links/links.service.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const api = networkCaller(() => ctx, '/surveys');
const answer = (token: string, answers: object, method: 'GET' | 'POST' = 'POST') =>
  ctx.as(null, {
    method,
    url: `/api/survey-answers/${token}`,
    payload: method === 'POST' ? { answers } : undefined,
  });
const tokenOf = (url: string) => url.split('/befragung/')[1]!;

async function eventOf(net: TestNetwork, title = 'Bildungskonferenz 2027', isPublic = true) {
  const [e] = await ctx.database.db
    .insert(t.event)
    .values({
      networkId: net.id,
      type: 'conference',
      title,
      startsAt: new Date('2027-02-25T08:00:00Z'),
      endsAt: new Date('2027-02-25T15:00:00Z'),
      public: isPublic,
    })
    .returning();
  return e!;
}

/** A conference survey from the instrument, opened, with `links` answer links. */
async function openConferenceSurvey(net: TestNetwork, year = 2027, links = 6) {
  const ev = await eventOf(net, `Bildungskonferenz ${year}`);
  const created = await api(net, 'office', 'POST', '', {
    title: `Rückmeldung Bildungskonferenz ${year}`,
    subjectKind: 'event',
    subjectId: ev.id,
    year,
    instrument: 'conference-feedback',
  });
  expect(created.statusCode).toBe(201);
  const s = created.json();
  const opened = await api(net, 'office', 'POST', `/${s.id}/status`, { status: 'open', version: s.version });
  expect(opened.statusCode).toBe(200);
  const minted = await api(net, 'office', 'POST', `/${s.id}/links`, { count: links });
  expect(minted.statusCode).toBe(201);
  const q = Object.fromEntries(s.questionList.map((x: { key: string; id: string }) => [x.key, x.id]));
  return { ev, survey: opened.json(), q, tokens: (minted.json().urls as string[]).map(tokenOf) };
}

const likertAnswers = (q: Record<string, string>, v: number) => ({
  [q.overall!]: v,
  [q.programme!]: v,
  [q.workshops!]: v,
  [q.organisation!]: v,
});

describe('survey builder', () => {
  it('lets the office build from an instrument; the committee reads but cannot build; others are kept out', async () => {
    const net = await createNetworkWithMembers(ctx);
    const other = await createNetworkWithMembers(ctx);
    const ev = await eventOf(net);
    const body = {
      title: 'Rückmeldung',
      subjectKind: 'event',
      subjectId: ev.id,
      year: 2027,
      instrument: 'conference-feedback',
    };
    for (const who of ['committee', 'guest', 'partner'] as const)
      expect((await api(net, who, 'POST', '', body)).statusCode).toBe(403);
    const created = await api(net, 'admin', 'POST', '', body);
    expect(created.statusCode).toBe(201);
    const s = created.json();
    expect(s.subjectLabel).toBe('Bildungskonferenz 2027');
    expect(s.questionList.map((q: { key: string }) => q.key)).toEqual([
      'overall',
      'programme',
      'workshops',
      'organisation',
      'role',
      'next-topics',
    ]);
    expect((await api(net, 'committee', 'GET', `/${s.id}`)).statusCode).toBe(200);
    expect((await api(net, 'committee', 'GET', `/${s.id}/results`)).statusCode).toBe(200);
    expect((await api(net, 'committee', 'GET', '/instruments')).json()).toHaveLength(2);
    for (const who of ['guest', 'partner'] as const) {
      expect((await api(net, who, 'GET', '')).statusCode).toBe(403);
      expect((await api(net, who, 'GET', `/${s.id}/results`)).statusCode).toBe(403);
    }
    expect(
      (
        await ctx.as(other.users.admin.cookie, {
          method: 'GET',
          url: `/api/networks/${net.id}/surveys/${s.id}`,
        })
      ).statusCode,
    ).toBe(404);
    expect((await api(other, 'admin', 'GET', `/${s.id}`)).statusCode).toBe(404);
    // Another network's event is no subject here.
    expect((await api(other, 'office', 'POST', '', body)).statusCode).toBe(404);
  });

  it('adds a conditional question only on an earlier one; bad input writes nothing; a stale save is refused', async () => {
    const net = await createNetworkWithMembers(ctx);
    const ev = await eventOf(net);
    const s = (
      await api(net, 'office', 'POST', '', {
        title: 'Rückmeldung',
        subjectKind: 'event',
        subjectId: ev.id,
        year: 2027,
        instrument: 'conference-feedback',
      })
    ).json();
    const overall = s.questionList[0].id;
    const bad = [
      { kind: 'text', text: 'Warum?', condition: { questionId: overall, values: ['7'] } },
      { kind: 'single', text: 'Nur eine Wahl', options: ['a'] },
      { kind: 'text', text: 'x' },
      {
        kind: 'text',
        text: 'Von später',
        condition: { questionId: '00000000-0000-4000-8000-000000000000', values: ['1'] },
      },
    ];
    for (const b of bad)
      expect((await api(net, 'office', 'POST', `/${s.id}/questions`, b)).statusCode).toBe(400);
    expect((await api(net, 'office', 'GET', `/${s.id}`)).json().questionList).toHaveLength(6);
    const added = await api(net, 'office', 'POST', `/${s.id}/questions`, {
      kind: 'text',
      text: 'Was hat Ihnen gefehlt?',
      condition: { questionId: overall, values: ['1', '2'] },
    });
    expect(added.statusCode).toBe(201);
    const list = added.json().questionList;
    const cond = list.at(-1);
    expect(cond.condition).toEqual({ questionId: overall, values: ['1', '2'] });
    // Moving the question it depends on below it is refused; removing it too.
    const up = await api(net, 'office', 'POST', `/${s.id}/questions/${cond.id}/move`, { direction: 'up' });
    expect(up.statusCode).toBe(200);
    expect((await api(net, 'office', 'DELETE', `/${s.id}/questions/${overall}`)).statusCode).toBe(409);
    // The bank: save and add again.
    const banked = await api(net, 'office', 'POST', `/${s.id}/bank`, {
      questionId: overall,
      topic: 'Konferenz',
    });
    expect(banked.statusCode).toBe(201);
    expect((await api(net, 'committee', 'GET', '/bank')).json()).toHaveLength(1);
    expect(
      (await api(net, 'office', 'POST', `/${s.id}/questions/from-bank`, { bankQuestionId: banked.json().id }))
        .statusCode,
    ).toBe(201);
    // Stale version.
    const edit = await api(net, 'office', 'PATCH', `/${s.id}`, { version: s.version, title: 'Neu' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toMatch(/inzwischen von Test office geändert/);
    const fresh = (await api(net, 'office', 'GET', `/${s.id}`)).json();
    expect(
      (await api(net, 'office', 'PATCH', `/${s.id}`, { version: fresh.version, title: 'Neu' })).json().title,
    ).toBe('Neu');
  });
});

describe('anonymous answers', () => {
  it('takes an answer once (410 the second time) and stores neither token nor time', async () => {
    const net = await createNetworkWithMembers(ctx);
    const { survey, q, tokens } = await openConferenceSurvey(net);
    const form = await answer(tokens[0]!, {}, 'GET');
    expect(form.statusCode).toBe(200);
    expect(form.json().questions).toHaveLength(6);
    expect((await answer(tokens[0]!, { [q.overall!]: 9 })).statusCode).toBe(400);
    expect((await answer(tokens[0]!, { ...likertAnswers(q, 4), [q.role!]: 'Schule' })).statusCode).toBe(200);
    const again = await answer(tokens[0]!, likertAnswers(q, 4));
    expect(again.statusCode).toBe(410);
    expect((await answer(tokens[0]!, {}, 'GET')).statusCode).toBe(410);
    expect((await answer('unbekannter-token-123', {}, 'GET')).statusCode).toBe(404);
    const rows = await ctx.database.db
      .select()
      .from(t.surveyResponse)
      .where(eq(t.surveyResponse.surveyId, survey.id));
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!).sort()).toEqual(['answers', 'id', 'networkId', 'surveyId']);
    expect(JSON.stringify(rows[0])).not.toContain(tokens[0]);
    const used = await ctx.database.db
      .select()
      .from(t.surveyToken)
      .where(eq(t.surveyToken.surveyId, survey.id));
    expect(used.filter((x) => x.used)).toHaveLength(1);
    // With an answer, the questions are fixed; closing still works.
    expect(
      (await api(net, 'office', 'POST', `/${survey.id}/questions`, { kind: 'text', text: 'Noch eine Frage' }))
        .statusCode,
    ).toBe(409);
    const closed = await api(net, 'office', 'POST', `/${survey.id}/status`, {
      status: 'closed',
      version: survey.version,
    });
    expect(closed.statusCode).toBe(200);
    expect((await answer(tokens[1]!, likertAnswers(q, 4))).statusCode).toBe(410);
  });

  it('counts parallel answers with the same link once', async () => {
    const net = await createNetworkWithMembers(ctx);
    const { survey, q, tokens } = await openConferenceSurvey(net);
    const results = await Promise.all(
      Array.from({ length: 8 }, () => answer(tokens[0]!, likertAnswers(q, 3))),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 410, 410, 410, 410, 410, 410, 410]);
    const rows = await ctx.database.db
      .select()
      .from(t.surveyResponse)
      .where(eq(t.surveyResponse.surveyId, survey.id));
    expect(rows).toHaveLength(1);
  });

  it('respects conditions: a hidden question is not stored, a shown required one is asked for', async () => {
    const net = await createNetworkWithMembers(ctx);
    const ev = await eventOf(net);
    let s = (
      await api(net, 'office', 'POST', '', {
        title: 'Kurz',
        subjectKind: 'event',
        subjectId: ev.id,
        year: 2027,
      })
    ).json();
    s = (
      await api(net, 'office', 'POST', `/${s.id}/questions`, {
        kind: 'likert',
        text: 'Wie war es?',
        required: true,
      })
    ).json();
    const first = s.questionList[0].id;
    s = (
      await api(net, 'office', 'POST', `/${s.id}/questions`, {
        kind: 'text',
        text: 'Was fehlte?',
        required: true,
        condition: { questionId: first, values: ['1', '2'] },
      })
    ).json();
    const second = s.questionList[1].id;
    s = (await api(net, 'office', 'POST', `/${s.id}/status`, { status: 'open', version: s.version })).json();
    const [a, b] = (await api(net, 'office', 'POST', `/${s.id}/links`, { count: 2 }))
      .json()
      .urls.map(tokenOf);
    const missing = await answer(a, { [first]: 1 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain('Was fehlte?');
    expect((await answer(a, { [first]: 5, [second]: 'versteckt' })).statusCode).toBe(200);
    expect((await answer(b, { [first]: 2, [second]: 'Pausen' })).statusCode).toBe(200);
    const rows = await ctx.database.db
      .select()
      .from(t.surveyResponse)
      .where(eq(t.surveyResponse.surveyId, s.id));
    expect(rows.map((r) => r.answers).sort((x, y) => Number(x[first]) - Number(y[first]))).toEqual([
      { [first]: 2, [second]: 'Pausen' },
      { [first]: 5 },
    ]);
  });
});

describe('results', () => {
  it('hides everything below five answers, then shows means, groups and last year’s comparison; exports to Excel', async () => {
    const net = await createNetworkWithMembers(ctx);
    const last = await openConferenceSurvey(net, 2026, 6);
    for (const tk of last.tokens) expect((await answer(tk, likertAnswers(last.q, 3))).statusCode).toBe(200);
    const now = await openConferenceSurvey(net, 2027, 7);
    const roles = ['Schule', 'Schule', 'Kita', 'Schule', 'Kita', 'Schule', 'Schule'];
    for (const [i, tk] of now.tokens.slice(0, 4).entries())
      expect(
        (await answer(tk, { ...likertAnswers(now.q, 4 + (i % 2)), [now.q.role!]: roles[i] })).statusCode,
      ).toBe(200);
    let r = (await api(net, 'committee', 'GET', `/${now.survey.id}/results`)).json();
    expect(r).toMatchObject({ n: 4, tooFew: true });
    expect(
      r.questions.every(
        (q: { mean: null; counts: []; tooFew: boolean }) =>
          q.tooFew && q.mean === null && q.counts.length === 0,
      ),
    ).toBe(true);
    const hidden = await ctx.as(net.users.office.cookie, {
      method: 'GET',
      url: `/api/networks/${net.id}/surveys/${now.survey.id}/results.xlsx`,
    });
    const wbHidden = new ExcelJS.Workbook();
    await wbHidden.xlsx.load(hidden.rawPayload as never);
    expect(wbHidden.worksheets.map((w) => w.name)).toEqual(['Ergebnisse']);

    for (const [i, tk] of now.tokens.slice(4).entries())
      expect(
        (
          await answer(tk, {
            ...likertAnswers(now.q, 4 + (i % 2)),
            [now.q.role!]: roles[4 + i],
            [now.q['next-topics']!]: `Thema ${i}`,
          })
        ).statusCode,
      ).toBe(200);
    r = (await api(net, 'committee', 'GET', `/${now.survey.id}/results`)).json();
    expect(r).toMatchObject({ n: 7, tooFew: false, previous: { year: 2026, n: 6 } });
    const overall = r.questions.find((q: { key: string }) => q.key === 'overall');
    expect(overall).toMatchObject({ n: 7, tooFew: false, mean: 4.43, previousMean: 3 });
    expect(overall.counts.map((c: { count: number }) => c.count)).toEqual([0, 0, 0, 4, 3]);
    // Three free texts and a group of two Kita answers stay hidden.
    expect(r.questions.find((q: { key: string }) => q.key === 'next-topics')).toMatchObject({
      n: 3,
      tooFew: true,
      texts: [],
    });
    const kita = (
      await api(net, 'office', 'GET', `/${now.survey.id}/results?group=${now.q.role}:Kita`)
    ).json();
    expect(kita).toMatchObject({ n: 2, tooFew: true });
    const schule = (
      await api(net, 'office', 'GET', `/${now.survey.id}/results?group=${now.q.role}:Schule`)
    ).json();
    expect(schule).toMatchObject({ n: 5, tooFew: false });
    expect((await api(net, 'office', 'GET', `/${now.survey.id}/results?group=quatsch`)).statusCode).toBe(400);

    const file = await ctx.as(net.users.committee.cookie, {
      method: 'GET',
      url: `/api/networks/${net.id}/surveys/${now.survey.id}/results.xlsx`,
    });
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as never);
    const res = wb.getWorksheet('Ergebnisse')!;
    expect(res.getRow(1).getCell(4).value).toBe('Mittelwert 2026');
    expect(res.getRow(2).values).toEqual([
      undefined,
      'Insgesamt war die Bildungskonferenz für meine Arbeit hilfreich.',
      7,
      4.43,
      3,
      expect.stringContaining('5 – trifft voll zu: 3'),
    ]);
    const raw = wb.getWorksheet('Antworten (anonym)')!;
    expect(raw.rowCount).toBe(8);
  });
});

describe('sending the link to participants', () => {
  it('queues one mail per participant whose link is minted only at delivery and answers once', async () => {
    const net = await createNetworkWithMembers(ctx);
    const { ev, survey, q } = await openConferenceSurvey(net, 2027, 1);
    const reg = (email: string, status: 'confirmed' | 'waiting' | 'cancelled') => ({
      networkId: net.id,
      eventId: ev.id,
      firstName: 'Erika',
      lastName: email.split('@')[0]!,
      email,
      status,
      source: 'public' as const,
    });
    await ctx.database.db
      .insert(t.registration)
      .values([
        reg('a@schule.example', 'confirmed'),
        reg('b@schule.example', 'confirmed'),
        reg('c@schule.example', 'waiting'),
        reg('A@schule.example', 'confirmed'),
      ]);
    expect((await api(net, 'committee', 'POST', `/${survey.id}/send`)).statusCode).toBe(403);
    const sent = await api(net, 'office', 'POST', `/${survey.id}/send`);
    expect(sent.json()).toEqual({ queued: 2 });
    const mails = await ctx.database.db.select().from(t.outboxMail).where(eq(t.outboxMail.networkId, net.id));
    expect(mails.map((m) => m.toAddress).sort()).toEqual(['a@schule.example', 'b@schule.example']);
    const before = (
      await ctx.database.db.select().from(t.surveyToken).where(eq(t.surveyToken.surveyId, survey.id))
    ).length;
    expect(mails[0]!.textBody).not.toMatch(/befragung\//);
    expect(hidePersonalLinks(mails[0]!.textBody)).toContain('Zur Befragung: [persönlicher Link]');
    // A personal link of another module in the same text still renders as its own.
    const personal = await linkForMail(ctx.database.db, {
      networkId: net.id,
      purpose: 'work_calendar',
      userId: net.users.office.id,
    });
    const delivered = await renderPersonalLinks(
      ctx.database.db,
      'http://bildungsnetz.test',
      `${personal}\n${mails[0]!.textBody}`,
    );
    expect(delivered).toMatch(/^http:\/\/bildungsnetz\.test\/api\/work-calendar\/\S+\.ics$/m);
    const token = tokenOf(delivered.match(/http:\/\/bildungsnetz\.test\/befragung\/\S+/)![0]);
    const after = await ctx.database.db
      .select()
      .from(t.surveyToken)
      .where(eq(t.surveyToken.surveyId, survey.id));
    expect(after).toHaveLength(before + 1);
    expect((await answer(token, likertAnswers(q, 5))).statusCode).toBe(200);
    expect((await answer(token, likertAnswers(q, 5))).statusCode).toBe(410);
  });
});
