import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
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
      email: 'land@m.example',
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
      entries: [land, county].map((memberId) => ({ memberId, status: 'present', deputyId: null })),
    });
    return { m, items: detail.items };
  };
  const consent = [
    { memberId: land, stance: 'consent' },
    { memberId: county, stance: 'consent' },
  ];
  return { net, v, held, consent, land, county };
}

describe('minutes', () => {
  it('are drafted from the meeting, edited, circulated, approved by a procedural decision, then frozen', async () => {
    const { net, v, held, consent, land } = await setup();
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

    const draft = await call(net, 'POST', `/meetings/${a.m.id}/minutes/draft`);
    expect(draft.statusCode).toBe(200);
    const body = draft.json()[0].body as string;
    expect(body).toContain('Beispiel Land: Einwand – Zu unbestimmt.');
    expect(body).toContain('Beschluss LK-2026-01 gefasst');
    expect(body).toMatch(/Beispiel Kreis: anwesend/);

    const edited = await call(net, 'PUT', `/meetings/${a.m.id}/minutes`, {
      body: `${body}\nDie Sitzung endete um 16:05 Uhr.`,
    });
    expect(edited.json().map((x: { version: number }) => x.version)).toEqual([2, 1]);
    const circ = await call(net, 'POST', `/meetings/${a.m.id}/minutes/circulate`);
    expect(circ.json()[0].status).toBe('circulated');
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

    const overwrite = await call(net, 'PUT', `/meetings/${a.m.id}/minutes`, {
      body: 'Ganz anders geschrieben und länger als zwanzig Zeichen.',
    });
    expect(overwrite.statusCode).toBe(409);
    expect(overwrite.json().error.message).toMatch(/festgeschrieben/);
    const corrected = await call(net, 'POST', `/meetings/${a.m.id}/minutes/corrections`, {
      body: `${body}\nBerichtigt: Ende 16:10 Uhr.`,
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

    const pdf = await call(net, 'GET', `/meetings/${a.m.id}/minutes/3/pdf`, undefined, 'committee');
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const read = await readPdf(pdf.rawPayload);
    expect(read.tagged).toBe(true);
    expect(read.language).toBe('de-DE');
    expect(read.text).toContain('Niederschrift: Frühjahrssitzung');
    expect(read.text).toContain('berichtigt: Uhrzeit des Endes berichtigt');
    expect(read.bookmarks).toEqual(expect.arrayContaining(['Anwesenheit', 'TOP 1 Ziel Inklusion']));

    const docx = await call(net, 'GET', `/meetings/${a.m.id}/minutes/2/docx`, undefined, 'committee');
    expect(docx.headers['content-disposition']).toContain('.docx');
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Niederschrift: Frühjahrssitzung');
    expect(xml).toContain('Die Sitzung endete um 16:05 Uhr.');
    expect((await call(net, 'GET', `/meetings/${a.m.id}/minutes/9/pdf`)).statusCode).toBe(404);
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
