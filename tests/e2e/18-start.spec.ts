import type { Page } from '@playwright/test';
import { expect, type Network, test } from './fixtures';
import { linkIn, mailTo } from './mail';
import { berlinDay, SPECIAL, SPRING } from './meeting-support';
import {
  COMMITTEE,
  heldSpecialMeeting,
  jointField,
  plannedMeeting,
  recordMembers,
  sendInvitations,
  springMeeting,
} from './seed';
import { check, expectNoAxeViolations, signIn, signOut } from './support';

/**
 * Start shows what needs the person now: a committee member answers a written procedure right on the
 * card and finds the replies due and the next meeting with its papers; the office sees the meetings
 * to prepare and follow up, the missing replies and the procedures closing. At 1280 px and on a phone.
 */

const PROCEDURE = 'Teilnahme am Landesprogramm „Bildung digital“';

async function startProcedure(network: Network) {
  await network.admin.api.post(`/networks/${network.id}/procedures`, {
    title: PROCEDURE,
    proposal: 'Der Lenkungskreis stimmt der Teilnahme am Landesprogramm zu.',
    decisionType: 'procedural',
    fieldId: null,
    deadline: `${berlinDay(7)}T12:00`,
  });
}

const card = (page: Page, title: string | RegExp) =>
  page.getByRole('article').filter({ has: page.getByRole('heading', { level: 2, name: title }) });

async function fitsWidth(page: Page, width: number) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

test('Start of a committee member: reply due, the next meeting with papers, a written procedure answered on the card', async ({
  browser,
  network,
}) => {
  const fieldId = await jointField(network.admin.api, network.id);
  await recordMembers(network, COMMITTEE);
  const { meetingId } = await springMeeting(network, fieldId);
  await sendInvitations(network, meetingId);
  await startProcedure(network);
  const member = await network.account('committee');

  const page = await network.open(browser, member, '/start', { viewport: { width: 1280, height: 900 } });
  await check(page, '18-start-mitglied');
  await expect(page.getByText('Bald finden Sie hier')).toHaveCount(0);
  await expect(card(page, 'Rückmeldung erbeten')).toContainText(`Zusagen oder absagen: ${SPRING}`);
  const next = card(page, 'Nächste Sitzung');
  await expect(next).toContainText(SPRING);
  await expect(next).toContainText('4 Tagesordnungspunkte, 2 Unterlagen');
  await expect(next.getByText('Eingeladen', { exact: true })).toBeVisible();

  // The written procedure is answered right here, with the rules of the personal link.
  const vote = card(page, `Umlaufverfahren: ${PROCEDURE}`);
  await expect(vote.getByTestId('current-answer')).toHaveText('Ihre Antwort: keine Antwort');
  await vote.getByLabel('Einwand').check();
  await vote.getByRole('button', { name: 'Antwort absenden' }).click();
  await expect(vote.getByText('Bitte begründen Sie Ihren Einwand.')).toBeVisible();
  await expectNoAxeViolations(page);
  await vote.getByLabel(/Begründung/).fill('Die Finanzierung der Eigenanteile ist ungeklärt.');
  await vote.getByRole('button', { name: 'Antwort absenden' }).click();
  await expect(vote.getByRole('status')).toContainText('Ihre Antwort „Einwand“ ist gespeichert.');
  await expect(vote.getByTestId('current-answer')).toHaveText('Ihre Antwort: Einwand');
  await expectNoAxeViolations(page);
  // The office sees the member's own answer on the procedure.
  const procedures = await network.admin.api.get<
    { title: string; votes: { name: string; stance: string | null; channel: string | null }[] }[]
  >(`/networks/${network.id}/procedures`);
  expect(procedures[0]!.votes.find((v) => v.name === 'Martin Vogel')).toMatchObject({
    stance: 'objection',
    channel: 'link',
  });

  // Each entry links to where it is done.
  await card(page, 'Rückmeldung erbeten')
    .getByRole('link', { name: `Zusagen oder absagen: ${SPRING}` })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: SPRING })).toBeVisible();
  await page.context().close();

  const phone = await network.open(browser, member, '/start', { viewport: { width: 390, height: 844 } });
  await check(phone, '18-start-mitglied-390');
  await expect(card(phone, `Umlaufverfahren: ${PROCEDURE}`).getByTestId('current-answer')).toHaveText(
    'Ihre Antwort: Einwand',
  );
  await fitsWidth(phone, 390);
  await phone.context().close();
});

test('Start of the office: meetings to prepare and to follow up, replies missing, procedures closing', async ({
  browser,
  network,
}) => {
  await heldSpecialMeeting(network);
  const autumn = await plannedMeeting(network, 'Herbstsitzung des Lenkungskreises', 30);
  const winter = await plannedMeeting(network, 'Wintersitzung des Lenkungskreises', 60);
  await network.admin.api.post(`/networks/${network.id}/meetings/${winter.id}/items`, {
    title: 'Bericht des Bildungsbüros',
    kind: 'information',
  });
  await sendInvitations(network, winter.id);
  await startProcedure(network);
  const office = await network.account('office');

  for (const width of [1280, 390]) {
    const page = await network.open(browser, office, '/start', { viewport: { width, height: 900 } });
    await check(page, `18-start-buero-${width}`);
    const prepare = card(page, 'Sitzungen vorbereiten');
    await expect(prepare).toContainText('Herbstsitzung des Lenkungskreises');
    await expect(prepare).toContainText('Tagesordnung fehlt · Einladung noch nicht versandt');
    await expect(prepare).not.toContainText('Wintersitzung');
    await expect(card(page, 'Rückmeldungen fehlen')).toContainText(
      /Wintersitzung des Lenkungskreises[\s\S]*haben noch nicht geantwortet/,
    );
    const followUp = card(page, 'Sitzungen nachbereiten');
    await expect(followUp).toContainText(SPECIAL);
    await expect(followUp.getByText('Nachbereitung: Niederschrift offen')).toBeVisible();
    await expect(card(page, 'Umlaufverfahren mit Frist')).toContainText(/0 von \d+ geantwortet/);
    await expect(card(page, 'Postausgang')).toContainText('Keine E-Mail ist fehlgeschlagen.');
    await fitsWidth(page, width);
    if (width === 1280) {
      await prepare.getByRole('link', { name: 'Herbstsitzung des Lenkungskreises' }).click();
      await expect(page).toHaveURL(new RegExp(`/sitzungen/${autumn.id}$`));
      await expect(
        page.getByRole('heading', { level: 1, name: 'Herbstsitzung des Lenkungskreises' }),
      ).toBeVisible();
      // The meeting list groups the same meetings: upcoming, to follow up, done.
      await page.goto(`/n/${network.id}/lenkungskreis/sitzungen`);
      await check(page, '18-sitzungen-gruppen');
      const group = (name: string) => page.getByRole('region', { name }).first();
      await expect(group('Anstehende Sitzungen')).toContainText('Herbstsitzung des Lenkungskreises');
      await expect(group('Anstehende Sitzungen').getByText('Eingeladen', { exact: true })).toBeVisible();
      await expect(group('Nachzubereiten')).toContainText(SPECIAL);
      await expect(group('Nachzubereiten')).toContainText('Nachbereitung: Niederschrift offen');
      await expect(group('Erledigt')).toContainText('Noch keine abgeschlossenen Sitzungen.');
    }
    await page.context().close();
  }
});

test('after signing in, a person lands in the network they used last', async ({
  browser,
  network,
  operator,
}) => {
  // The administrator also works in a second network whose name sorts first.
  const otherName = `Bildungsnetzwerk Olpe ${network.name.split(' ').pop()}`;
  const other = await operator.createNetwork(otherName, '05966');
  const admin = network.admin;
  await operator.api.post(`/networks/${other.id}/invitations`, {
    email: admin.email,
    name: admin.name,
    role: 'office',
  });
  const mail = await mailTo(admin.email, new RegExp(`^Einladung: ${otherName}$`));
  const token = linkIn(mail, /^\/einladung\/[A-Za-z0-9_-]+$/)
    .split('/')
    .pop()!;
  await admin.api.post(`/invitations/${token}/accept`, {});

  const page = await network.open(browser, admin, '/start');
  const opened = (id: string) =>
    page.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().endsWith(`/networks/${id}/last-opened`),
    );
  // Opening a network's page is what counts: first the other one, then this one again.
  let stored = opened(other.id);
  await page.goto(`/n/${other.id}/start`);
  expect((await stored).status()).toBe(204);
  await expect(page.getByTestId('active-network')).toHaveText(otherName);
  stored = opened(network.id);
  await page.getByRole('button', { name: /Bildungsnetzwerk wechseln/ }).click();
  await page.getByRole('menuitem', { name: network.name }).click();
  expect((await stored).status()).toBe(204);

  await signOut(page);
  await signIn(page, admin.email, admin.password);
  await expect(page.getByTestId('active-network')).toHaveText(network.name);
  await expect(page).toHaveURL(new RegExp(`/n/${network.id}/start$`));
  await check(page, '18-zuletzt-genutzt');
  await page.goto('/');
  await expect(page).toHaveURL(new RegExp(`/n/${network.id}/start$`));
  await page.context().close();
});
