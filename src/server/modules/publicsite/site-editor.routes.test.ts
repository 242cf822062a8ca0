import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNetworkWithMembers,
  createTestApp,
  type TestApp,
  type TestNetwork,
} from '../../../../tests/helpers/app.js';
import * as t from '../../db/schema.js';
import { insertDecision } from '../steering/steering.service.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const details = {
  description: 'Land und Kreis arbeiten für gute Bildung im Kreis Soest zusammen.',
  contactEmail: 'bildungsbuero@kreis-soest.example',
  provider: 'Kreis Soest – Regionales Bildungsbüro',
  street: 'Hoher Weg 1-3',
  postalCode: '59494',
  city: 'Soest',
  phone: '02921 / 30-0',
  representative: 'Die Landrätin des Kreises Soest',
  responsible: 'Leitung des Bildungsbüros, Hoher Weg 1-3, 59494 Soest',
  dataProtectionOfficer: 'Datenschutzbeauftragte des Kreises Soest, datenschutz@kreis-soest.example',
};
const team = [
  {
    function: 'Teamleitung',
    name: 'Erika Beispiel',
    phone: '02921 / 30-1234',
    email: 'erika@kreis-soest.example',
  },
];
const bodies = [
  { kind: 'office', name: 'Regionales Bildungsbüro', description: 'Das Büro koordiniert das Netzwerk.' },
];

async function withDecisions(net: TestNetwork) {
  const d = (title: string, decidedOn: string) =>
    insertDecision(ctx.database.db, net.id, {
      itemId: null,
      roundId: null,
      type: 'work_order',
      fieldId: null,
      contractVersionId: null,
      title,
      text: `${title}: das Bildungsbüro setzt es bis Jahresende um.`,
      decidedOn,
    });
  await d('Fachtag Übergang', '2026-03-12');
  await d('Interne Personalfrage', '2026-03-13');
  const rows = await ctx.database.db.select().from(t.decision).where(eq(t.decision.networkId, net.id));
  return Object.fromEntries(rows.map((r) => [r.title, r]));
}

const slugOf = (net: TestNetwork) => `netz-${net.id.slice(0, 8)}`;
const input = (net: TestNetwork, over: Record<string, unknown> = {}) => ({
  published: true,
  slug: slugOf(net),
  ...details,
  team,
  bodies,
  publicDecisionIds: [],
  ...over,
});
const putSite = (net: TestNetwork, cookie: string, payload: Record<string, unknown>) =>
  ctx.as(cookie, { method: 'PUT', url: `/api/networks/${net.id}/public-site`, payload });
const pub = (url: string) => ctx.as(null, { method: 'GET', url: `/api/public/networks${url}` });

describe('publishing the public site', () => {
  it('keeps a new network, its imprint and its decisions away from the public until the office publishes', async () => {
    const net = await createNetworkWithMembers(ctx);
    const decisions = await withDecisions(net);
    const office = net.users.office.cookie;

    const draft = await putSite(net, office, input(net, { published: false }));
    expect(draft.statusCode).toBe(200);
    expect(draft.json().published).toBe(false);
    expect((await pub(`/${slugOf(net)}`)).statusCode).toBe(404);
    expect((await pub(`/${slugOf(net)}/pages/imprint`)).statusCode).toBe(404);
    expect((await pub(`/${net.id}`)).statusCode).toBe(404);
    expect((await pub('')).json().map((n: { name: string }) => n.name)).not.toContain(net.name);

    const fachtag = decisions['Fachtag Übergang']!;
    const published = await putSite(net, office, input(net, { publicDecisionIds: [fachtag.id] }));
    expect(published.statusCode).toBe(200);
    expect(published.json().decisions.find((d: { id: string }) => d.id === fachtag.id).public).toBe(true);

    const page = await pub(`/${slugOf(net)}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('public, max-age=60');
    const n = page.json();
    expect(n.description).toBe(details.description);
    expect(n.contact).toEqual({
      provider: details.provider,
      street: details.street,
      postalCode: '59494',
      city: 'Soest',
      phone: details.phone,
    });
    expect(n.contactEmail).toBe(details.contactEmail);
    expect(n.team).toEqual([team[0]]);
    // Only the decision the office marked, with number, date and text.
    expect(n.decisions).toEqual([
      {
        number: fachtag.number,
        decidedOn: '2026-03-12',
        title: 'Fachtag Übergang',
        text: 'Fachtag Übergang: das Bildungsbüro setzt es bis Jahresende um.',
      },
    ]);

    const list = (await pub('')).json();
    expect(list.find((x: { name: string }) => x.name === net.name)).toMatchObject({
      slug: slugOf(net),
      regionKey: '05958',
      city: 'Soest',
      description: details.description,
    });

    const imprint = (await pub(`/${slugOf(net)}/pages/imprint`)).json();
    expect(imprint.legal).toMatchObject({
      provider: details.provider,
      street: details.street,
      postalCode: '59494',
      city: 'Soest',
      representative: details.representative,
      responsible: details.responsible,
      email: details.contactEmail,
    });
    // The default text says nothing the office still has to do.
    expect(imprint.body).not.toMatch(/ergänzt|Bildungsbüro unter/);
    const privacy = (await pub(`/${slugOf(net)}/pages/privacy`)).json();
    expect(privacy.legal.dataProtectionOfficer).toBe(details.dataProtectionOfficer);
    expect(privacy.body).not.toMatch(/ergänzt das Bildungsbüro/);

    // Taking the decision off again and withdrawing the site: both audited, the public gets 404.
    const withdrawn = await putSite(net, office, input(net, { published: false }));
    expect(withdrawn.json().decisions.every((d: { public: boolean }) => !d.public)).toBe(true);
    expect((await pub(`/${slugOf(net)}`)).statusCode).toBe(404);
    const audit = await ctx.database.db
      .select({ summary: t.auditEvent.summary })
      .from(t.auditEvent)
      .where(eq(t.auditEvent.networkId, net.id));
    const summaries = audit.map((a) => a.summary);
    expect(summaries).toContain('Öffentliche Seite veröffentlicht');
    expect(summaries).toContain('Öffentliche Seite zurückgezogen');
    expect(summaries).toContain(`Beschluss ${fachtag.number} auf der öffentlichen Seite veröffentlicht`);
    expect(summaries).toContain(`Beschluss ${fachtag.number} von der öffentlichen Seite genommen`);
    expect(summaries).toContain('Team des Bildungsbüros geändert');
  });

  it('is for the office and administrators; members, guests and partners are refused', async () => {
    const net = await createNetworkWithMembers(ctx);
    const expected = { admin: 200, office: 200, committee: 403, guest: 403, partner: 403 } as const;
    for (const [role, status] of Object.entries(expected)) {
      const cookie = net.users[role as keyof typeof expected].cookie;
      const get = await ctx.as(cookie, { method: 'GET', url: `/api/networks/${net.id}/public-site` });
      expect(get.statusCode, role).toBe(status);
      const put = await putSite(net, cookie, input(net, { published: false }));
      expect(put.statusCode, role).toBe(status);
    }
    expect(
      (await ctx.as(null, { method: 'GET', url: `/api/networks/${net.id}/public-site` })).statusCode,
    ).toBe(401);
  });

  it("answers 404 for another network's site and refuses another network's decision", async () => {
    const mine = await createNetworkWithMembers(ctx);
    const other = await createNetworkWithMembers(ctx);
    const theirs = await withDecisions(other);
    const cross = await putSite(other, mine.users.office.cookie, input(other, { published: false }));
    expect(cross.statusCode).toBe(404);
    expect(
      (
        await ctx.as(mine.users.office.cookie, {
          method: 'GET',
          url: `/api/networks/${other.id}/public-site`,
        })
      ).statusCode,
    ).toBe(404);
    const foreign = await putSite(
      mine,
      mine.users.office.cookie,
      input(mine, { publicDecisionIds: [theirs['Fachtag Übergang']!.id] }),
    );
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.code).toBe('publicsite.unknown_decision');
    const marked = await ctx.database.db
      .select()
      .from(t.publicDecision)
      .where(and(eq(t.publicDecision.networkId, mine.id)));
    expect(marked).toHaveLength(0);
    expect((await pub(`/${slugOf(mine)}`)).statusCode).toBe(404);
  });

  it('refuses bad input with a German message and writes nothing', async () => {
    const net = await createNetworkWithMembers(ctx);
    const office = net.users.office.cookie;
    const badPostcode = await putSite(net, office, input(net, { postalCode: '5949' }));
    expect(badPostcode.statusCode).toBe(400);
    expect(badPostcode.json().error.message).toMatch(/Postleitzahl hat fünf Ziffern/);
    const badSlug = await putSite(net, office, input(net, { slug: 'Kreis Soest!' }));
    expect(badSlug.statusCode).toBe(400);
    const notUuid = await putSite(net, office, input(net, { publicDecisionIds: ['abc'] }));
    expect(notUuid.statusCode).toBe(400);
    // Publishing without the imprint's mandatory details is refused and names what is missing.
    const incomplete = await putSite(net, office, input(net, { provider: '', responsible: '' }));
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().error.code).toBe('publicsite.details_missing');
    expect(incomplete.json().error.message).toMatch(/Anbieter, Verantwortlich nach § 18 Abs\. 2 MStV/);
    const [n] = await ctx.database.db.select().from(t.network).where(eq(t.network.id, net.id));
    expect(n!.slug).toBeNull();
    const site = await ctx.database.db.select().from(t.publicSite).where(eq(t.publicSite.networkId, net.id));
    expect(site).toHaveLength(0);
    const teamRows = await ctx.database.db
      .select()
      .from(t.teamContact)
      .where(eq(t.teamContact.networkId, net.id));
    expect(teamRows).toHaveLength(0);
  });
});
