import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import { multipart, tinyPdf, tinyPng } from '../../../../tests/helpers/multipart.js';
import { readPdf } from '../../../../tests/helpers/pdf.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const call = (
  net: TestNetwork,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
  role: keyof TestNetwork['users'] = 'office',
) => ctx.as(net.users[role].cookie, { method, url: `/api/networks/${net.id}${url}`, payload });

async function setup() {
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
  const land = (
    await call(net, 'POST', '/committee', {
      name: 'Beispiel Land',
      side: 'land',
      voting: true,
      termFrom: '2020-01-01',
      institution: 'Schulamt für den Hochsauerlandkreis',
      // The signed-in committee user is this member (recognised by the e-mail address).
      email: net.users.committee.email,
    })
  ).json().id;
  const county = (
    await call(net, 'POST', '/committee', {
      name: 'Beispiel Kreis',
      side: 'municipality',
      voting: true,
      termFrom: '2020-01-01',
      email: 'kreis@m.example',
    })
  ).json().id;
  const away = (
    await call(net, 'POST', '/committee', {
      name: 'Beispiel Entschuldigt',
      side: 'other',
      voting: false,
      termFrom: '2020-01-01',
      institution: 'Agentur für Arbeit',
    })
  ).json().id;
  const held = async (title: string, day: string, items: object[]) => {
    const m = (
      await call(net, 'POST', '/meetings', {
        title,
        startsAt: `${day}T14:00`,
        endsAt: `${day}T16:00`,
        location: 'Kreishaus',
      })
    ).json();
    let detail: { items: Array<{ id: string }> } = { items: [] };
    for (const i of items) detail = (await call(net, 'POST', `/meetings/${m.id}/items`, i)).json();
    await call(net, 'POST', `/meetings/${m.id}/hold`);
    await call(net, 'PUT', `/meetings/${m.id}/attendance`, {
      entries: [
        ...[land, county].map((memberId) => ({ memberId, status: 'present', deputyId: null })),
        { memberId: away, status: 'excused', deputyId: null },
      ],
    });
    return { m, items: detail.items };
  };
  const consent = [
    { memberId: land, stance: 'consent' },
    { memberId: county, stance: 'consent' },
  ];
  return { net, v, held, consent, land, county };
}

type Version = { version: number; status: string; body: string; content: Content; approvedBy: string | null };
type Content = {
  items: Array<{ itemId: string; number: number; record: string[]; discussion: string; decisions: string[] }>;
  attendance: Array<{ name: string; status: string; institution: string }>;
  startedAt: string;
  endedAt: string;
};
/** The office's edit: the texts of the structured editor. */
const edit = (c: Content, discussion: string, extra: object = {}) => ({
  chair: 'Landrat Dr. Karl Schneider',
  minuteTaker: 'Petra Kühn',
  startedAt: '14:05',
  endedAt: '16:20',
  opening: 'Der Vorsitzende begrüßt die Mitglieder und stellt die Beschlussfähigkeit fest.',
  items: c.items.map((i) => ({ itemId: i.itemId, discussion })),
  miscellaneous: 'Nächste Sitzung im Herbst.',
  ...extra,
});

async function springWithDecision(s: Awaited<ReturnType<typeof setup>>) {
  const { net, v, held, consent, land } = s;
  const a = await held('Frühjahrssitzung', '2026-03-12', [
    {
      title: 'Ziel Inklusion',
      kind: 'decision',
      decisionType: 'goal',
      fieldId: v.addedFields[0].id,
      proposal: 'Alle Schulen erhalten Beratung zur Inklusion.',
    },
  ]);
  await call(net, 'POST', `/meetings/${a.m.id}/items/${a.items[0]!.id}/rounds`, {
    proposal: 'Alle Schulen erhalten Beratung.',
    positions: [{ memberId: land, stance: 'objection', reason: 'Zu unbestimmt.' }, consent[1]],
    resolution: 'reworked',
  });
  await call(net, 'POST', `/meetings/${a.m.id}/items/${a.items[0]!.id}/rounds`, {
    proposal: 'Alle Schulen erhalten bis 2027 Beratung zur Inklusion.',
    positions: consent,
  });
  return a;
}

describe('minutes', () => {
  it('are drafted per item, edited, circulated, approved by a procedural decision, then frozen', async () => {
    const s = await setup();
    const { net, held, consent } = s;
    const a = await springWithDecision(s);

    const draft = await call(net, 'POST', `/meetings/${a.m.id}/minutes/draft`);
    expect(draft.statusCode).toBe(200);
    const first = draft.json()[0] as Version;
    // What the meeting recorded, per item, read-only: positions summary, outcome, decision number.
    expect(first.content.items[0]).toMatchObject({
      number: 1,
      decisions: ['LK-2026-01'],
      discussion: '',
    });
    expect(first.content.items[0]!.record).toEqual(
      expect.arrayContaining([
        'Positionen: Zustimmung: Beispiel Kreis · Einwand: Beispiel Land – Zu unbestimmt.',
        'Ergebnis: Beschluss LK-2026-01 gefasst.',
      ]),
    );
    expect(first.content).toMatchObject({ startedAt: '14:00', endedAt: '16:00' });
    expect(first.body).toContain(
      'Entschuldigt\n- Beispiel Entschuldigt (weitere Bildungsakteure, Agentur für Arbeit), beratend',
    );

    // The recorded parts cannot be rewritten: only the texts come from the edit.
    const edited = await call(
      net,
      'PUT',
      `/meetings/${a.m.id}/minutes`,
      edit(first.content, 'Die Mitglieder beraten den Vorschlag ausführlich.'),
    );
    expect(edited.statusCode).toBe(200);
    const list = edited.json() as Version[];
    expect(list.map((x) => x.version)).toEqual([2, 1]);
    expect(list[0]!.content.items[0]).toMatchObject({
      discussion: 'Die Mitglieder beraten den Vorschlag ausführlich.',
      record: first.content.items[0]!.record,
    });
    expect(list[1]!.content.items[0]!.discussion).toBe('');

    const circ = await call(net, 'POST', `/meetings/${a.m.id}/minutes/circulate`);
    expect(circ.json()[0].status).toBe('circulated');
    const twice = await call(net, 'POST', `/meetings/${a.m.id}/minutes/circulate`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('steering.minutes_already_circulated');
    const mails = (
      await ctx.as(net.users.office.cookie, { method: 'GET', url: `/api/networks/${net.id}/outbox` })
    ).json().items;
    expect(
      mails.filter((m: { subject: string }) => m.subject === 'Entwurf der Niederschrift: Frühjahrssitzung'),
    ).toHaveLength(2);

    // Approval at the next meeting: a procedural decision on an item naming the earlier minutes.
    const b = await held('Herbstsitzung', '2026-10-08', [
      {
        title: 'Genehmigung der Niederschrift der Frühjahrssitzung',
        kind: 'decision',
        decisionType: 'procedural',
        proposal: 'Die Niederschrift wird genehmigt.',
        approvesMinutesOf: a.m.id,
      },
    ]);
    const approve = await call(net, 'POST', `/meetings/${b.m.id}/items/${b.items[0]!.id}/rounds`, {
      proposal: 'Die Niederschrift wird genehmigt.',
      positions: consent,
    });
    expect(approve.json().decisionNumber).toBe('LK-2026-02');
    const after = (await call(net, 'GET', `/meetings/${a.m.id}/minutes`, undefined, 'committee')).json();
    expect(after[0]).toMatchObject({ version: 2, status: 'approved', approvedBy: 'LK-2026-02' });
    expect((await call(net, 'GET', `/meetings/${a.m.id}`)).json().status).toBe('minutes_approved');

    const overwrite = await call(net, 'PUT', `/meetings/${a.m.id}/minutes`, edit(first.content, 'anders'));
    expect(overwrite.statusCode).toBe(409);
    expect(overwrite.json().error.message).toMatch(/festgeschrieben/);
    const corrected = await call(net, 'POST', `/meetings/${a.m.id}/minutes/corrections`, {
      ...edit(first.content, 'Die Mitglieder beraten den Vorschlag ausführlich.', { endedAt: '16:30' }),
      reason: 'Uhrzeit des Endes berichtigt',
    });
    expect(
      corrected
        .json()
        .map((x: { version: number; status: string; reason: string | null }) => [
          x.version,
          x.status,
          x.reason,
        ]),
    ).toEqual([
      [3, 'approved', 'Uhrzeit des Endes berichtigt'],
      [2, 'approved', null],
      [1, 'draft', null],
    ]);

    // The document as the county's archive receives it.
    const pdf = await call(net, 'GET', `/meetings/${a.m.id}/minutes/2/pdf`, undefined, 'committee');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const read = await readPdf(pdf.rawPayload);
    expect(read.tagged).toBe(true);
    expect(read.language).toBe('de-DE');
    expect(read.text).toContain(net.name);
    expect(read.text).toContain('Niederschrift: Frühjahrssitzung');
    expect(read.text).toContain('Datum: 12.03.2026');
    expect(read.text).toContain('Zeit: von 14:05 bis 16:20 Uhr');
    expect(read.text).toContain('Sitzungsleitung: Landrat Dr. Karl Schneider');
    expect(read.text).toContain('Protokollführung: Petra Kühn');
    expect(read.text).toContain('Beispiel Land (Land, Schulamt für den Hochsauerlandkreis)');
    expect(read.text).toMatch(
      /Entschuldigt\s+• Beispiel Entschuldigt \(weitere Bildungsakteure, Agentur für Arbeit\)/,
    );
    expect(read.text).toContain('Ergebnis: Beschluss LK-2026-01 gefasst.');
    expect(read.text).toContain('Genehmigt durch Beschluss: LK-2026-02');
    expect(read.text).toMatch(
      /Ort, Datum\s+Landrat Dr. Karl Schneider \(Sitzungsleitung\)\s+Petra Kühn \(Protokollführung\)/,
    );
    expect(read.text).toContain(`Seite 1 von ${read.pages}`);
    expect(read.text).toContain(`Seite ${read.pages} von ${read.pages}`);
    expect(read.bookmarks).toEqual(expect.arrayContaining(['Anwesenheit', 'TOP 1 Ziel Inklusion']));
    const correctedPdf = await readPdf(
      (await call(net, 'GET', `/meetings/${a.m.id}/minutes/3/pdf`, undefined, 'committee')).rawPayload,
    );
    expect(correctedPdf.text).toContain('berichtigt: Uhrzeit des Endes berichtigt');
    expect(correctedPdf.text).toContain('Zeit: von 14:05 bis 16:30 Uhr');
    expect(correctedPdf.text).toContain('Genehmigt durch Beschluss: LK-2026-02');

    const docx = await call(net, 'GET', `/meetings/${a.m.id}/minutes/2/docx`, undefined, 'committee');
    expect(docx.headers['content-disposition']).toContain('.docx');
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Niederschrift: Frühjahrssitzung');
    expect(xml).toContain('Die Mitglieder beraten den Vorschlag ausführlich.');
    expect(xml).toContain('von 14:05 bis 16:20 Uhr');
    expect(xml).toContain('12.03.2026');
    expect(xml).toContain('Beispiel Entschuldigt (weitere Bildungsakteure, Agentur für Arbeit)');
    expect(xml).toContain('LK-2026-02');
    const header = await zip.file(/word\/header\d*\.xml/)[0]!.async('string');
    expect(header).toContain(net.name);
    const footer = await zip.file(/word\/footer\d*\.xml/)[0]!.async('string');
    expect(footer).toContain('Seite ');
    expect(footer).toMatch(/NUMPAGES/);
    expect((await call(net, 'GET', `/meetings/${a.m.id}/minutes/9/pdf`)).statusCode).toBe(404);
  });

  it('approve only the circulated version: an edit after circulation needs a new circulation', async () => {
    const s = await setup();
    const { net, held, consent } = s;
    const a = await springWithDecision(s);
    const first = (await call(net, 'POST', `/meetings/${a.m.id}/minutes/draft`)).json()[0] as Version;
    const b = await held('Herbstsitzung', '2026-10-08', [
      {
        title: 'Genehmigung der Niederschrift',
        kind: 'decision',
        decisionType: 'procedural',
        proposal: 'Die Niederschrift wird genehmigt.',
        approvesMinutesOf: a.m.id,
      },
    ]);
    const approve = () =>
      call(net, 'POST', `/meetings/${b.m.id}/items/${b.items[0]!.id}/rounds`, {
        proposal: 'Die Niederschrift wird genehmigt.',
        positions: consent,
      });
    // Never circulated: refused, and the round is not recorded either.
    const early = await approve();
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('steering.minutes_not_circulated');
    expect(early.json().error.message).toContain('Geben Sie Fassung 1 in Umlauf');
    await call(net, 'POST', `/meetings/${a.m.id}/minutes/circulate`);
    await call(net, 'PUT', `/meetings/${a.m.id}/minutes`, edit(first.content, 'Nachgetragen.'));
    const stale = await approve();
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(
      /^„Frühjahrssitzung“: Fassung 2 wurde nach dem Umlauf von Fassung 1 geändert/,
    );
    const register = (await call(net, 'GET', '/decisions')).json();
    expect(JSON.stringify(register)).not.toContain('Genehmigung der Niederschrift');
    await call(net, 'POST', `/meetings/${a.m.id}/minutes/circulate`);
    expect((await approve()).statusCode).toBe(201);
    const versions = (await call(net, 'GET', `/meetings/${a.m.id}/minutes`)).json() as Version[];
    expect(versions.map((x) => [x.version, x.status])).toEqual([
      [2, 'approved'],
      [1, 'circulated'],
    ]);
  });

  it('take correction requests from members while they circulate; the office decides with a note', async () => {
    const s = await setup();
    const { net } = s;
    const a = await springWithDecision(s);
    const first = (await call(net, 'POST', `/meetings/${a.m.id}/minutes/draft`)).json()[0] as Version;
    const url = `/meetings/${a.m.id}/minutes/requests`;
    const ask = {
      text: 'Bitte den Einwand von Frau Land vollständig wiedergeben.',
      itemId: first.content.items[0]!.itemId,
    };

    // Not before circulation.
    const early = await call(net, 'POST', url, ask, 'committee');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe(
      'Korrekturwünsche sind möglich, sobald die Niederschrift in Umlauf gegeben ist.',
    );
    await call(net, 'POST', `/meetings/${a.m.id}/minutes/circulate`);

    // Bad input writes nothing.
    const short = await call(net, 'POST', url, { text: 'x' }, 'committee');
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toContain('Korrekturwunsch: bitte mindestens 5 Zeichen.');
    const otherItem = await call(
      net,
      'POST',
      url,
      { ...ask, itemId: '00000000-0000-4000-8000-000000000001' },
      'committee',
    );
    expect(otherItem.statusCode).toBe(400);
    expect((await call(net, 'GET', url)).json()).toEqual([]);

    // Roles: guests are refused; the office is not a committee member here; another network sees nothing.
    expect((await call(net, 'POST', url, ask, 'guest')).statusCode).toBe(403);
    expect((await call(net, 'GET', url, undefined, 'guest')).statusCode).toBe(403);
    const officeAsks = await call(net, 'POST', url, ask, 'office');
    expect(officeAsks.statusCode).toBe(403);
    expect(officeAsks.json().error.code).toBe('steering.not_committee_member');
    const other = await createNetworkWithMembers(ctx);
    const foreign = await ctx.as(other.users.office.cookie, {
      method: 'GET',
      url: `/api/networks/${other.id}${url}`,
    });
    expect(foreign.statusCode).toBe(404);
    const foreignAsk = await ctx.as(other.users.committee.cookie, {
      method: 'POST',
      url: `/api/networks/${net.id}${url}`,
      payload: ask,
    });
    expect(foreignAsk.statusCode).toBe(404);

    const asked = await call(net, 'POST', url, ask, 'committee');
    expect(asked.statusCode).toBe(200);
    expect(asked.json()[0]).toMatchObject({
      version: 1,
      memberName: 'Beispiel Land',
      itemLabel: 'TOP 1 Ziel Inklusion',
      status: 'open',
    });
    const [req] = (await call(net, 'GET', url)).json();
    expect(req.text).toBe(ask.text);
    expect((await call(net, 'GET', url, undefined, 'partner')).statusCode).toBe(403);

    // Deciding is the office's.
    const decideUrl = `${url}/${req.id}`;
    const decision = { status: 'accepted', note: 'In Fassung 2 übernommen.' };
    expect((await call(net, 'PUT', decideUrl, decision, 'committee')).statusCode).toBe(403);
    const noNote = await call(net, 'PUT', decideUrl, { status: 'accepted', note: '' });
    expect(noNote.statusCode).toBe(400);
    expect((await call(net, 'GET', url)).json()[0].status).toBe('open');
    const foreignDecide = await ctx.as(other.users.office.cookie, {
      method: 'PUT',
      url: `/api/networks/${net.id}${decideUrl}`,
      payload: decision,
    });
    expect(foreignDecide.statusCode).toBe(404);
    const decided = await call(net, 'PUT', decideUrl, decision);
    expect(decided.json()[0]).toMatchObject({ status: 'accepted', note: 'In Fassung 2 übernommen.' });
    expect((await call(net, 'PUT', decideUrl, decision)).statusCode).toBe(409);
    // The member sees her own request with the office's note.
    expect((await call(net, 'GET', url, undefined, 'committee')).json()[0]).toMatchObject({
      status: 'accepted',
      note: 'In Fassung 2 übernommen.',
    });
    const audit = (await call(net, 'GET', '/audit', undefined, 'admin')).json();
    expect(JSON.stringify(audit)).toContain(
      'Korrekturwunsch zur Niederschrift „Frühjahrssitzung“ übernommen',
    );
  });

  it('carry the logo from the settings on the letterhead, PDF and Word', async () => {
    const s = await setup();
    const { net } = s;
    const upload = async (n: TestNetwork, name: string, content: Buffer) => {
      const body = multipart({ visibility: 'members' }, { name, content });
      return (
        await ctx.as(n.users.office.cookie, {
          method: 'POST',
          url: `/api/networks/${n.id}/files`,
          payload: body.payload,
          headers: body.headers,
        })
      ).json().id as string;
    };
    const settings = (payload: object, role: keyof TestNetwork['users'] = 'admin') =>
      ctx.as(net.users[role].cookie, { method: 'PATCH', url: `/api/networks/${net.id}`, payload });
    const logo = await upload(net, 'logo.png', tinyPng);
    const paper = await upload(net, 'vorlage.pdf', tinyPdf());
    const other = await createNetworkWithMembers(ctx);
    const foreign = await upload(other, 'fremd.png', tinyPng);

    expect((await settings({ logoFileId: logo }, 'office')).statusCode).toBe(403);
    for (const id of [paper, foreign]) {
      const refused = await settings({ logoFileId: id });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.message).toBe(
        'Als Logo eignet sich eine PNG- oder JPEG-Datei aus den Dokumenten dieses Bildungsnetzwerks.',
      );
    }
    expect((await call(net, 'GET', '')).json().logoFileId).toBeNull();
    const set = await settings({ logoFileId: logo });
    expect(set.statusCode).toBe(200);
    expect(set.json().logoFileId).toBe(logo);

    const a = await springWithDecision(s);
    await call(net, 'POST', `/meetings/${a.m.id}/minutes/draft`);
    const pdf = (await call(net, 'GET', `/meetings/${a.m.id}/minutes/1/pdf`)).rawPayload;
    expect(pdf.toString('latin1')).toMatch(/\/Subtype \/Image/);
    expect((await readPdf(pdf)).text).toContain(net.name);
    const zip = await JSZip.loadAsync(
      (await call(net, 'GET', `/meetings/${a.m.id}/minutes/1/docx`)).rawPayload,
    );
    expect(Object.keys(zip.files).some((f) => /^word\/media\/.+\.png$/.test(f))).toBe(true);
    // Without a logo, the letterhead is the name alone.
    await settings({ logoFileId: null });
    const plain = (await call(net, 'GET', `/meetings/${a.m.id}/minutes/1/pdf`)).rawPayload;
    expect(plain.toString('latin1')).not.toMatch(/\/Subtype \/Image/);
  });

  it('refuse an edit naming an item of another meeting, and write nothing', async () => {
    const s = await setup();
    const a = await springWithDecision(s);
    const first = (await call(s.net, 'POST', `/meetings/${a.m.id}/minutes/draft`)).json()[0] as Version;
    const bad = await call(s.net, 'PUT', `/meetings/${a.m.id}/minutes`, {
      ...edit(first.content, 'x'),
      items: [{ itemId: '00000000-0000-4000-8000-000000000001', discussion: 'x' }],
    });
    expect(bad.statusCode).toBe(400);
    const badTime = await call(s.net, 'PUT', `/meetings/${a.m.id}/minutes`, {
      ...edit(first.content, 'x'),
      startedAt: '2 PM',
    });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json().error.message).toContain('Beginn: bitte als Uhrzeit wie 14:05 angeben.');
    expect((await call(s.net, 'GET', `/meetings/${a.m.id}/minutes`)).json()).toHaveLength(1);
  });

  it('are not written before the meeting and never shown to guests', async () => {
    const { net } = await setup();
    const m = (
      await call(net, 'POST', '/meetings', {
        title: 'Künftig',
        startsAt: '2030-01-10T10:00',
        endsAt: '2030-01-10T12:00',
      })
    ).json();
    const early = await call(net, 'POST', `/meetings/${m.id}/minutes/draft`);
    expect(early.statusCode).toBe(409);
    await call(net, 'POST', `/meetings/${m.id}/guests`, {
      name: 'Gast',
      email: net.users.guest.email,
      topic: 'x',
    });
    expect((await call(net, 'GET', `/meetings/${m.id}/minutes`, undefined, 'guest')).statusCode).toBe(403);
  });
});
