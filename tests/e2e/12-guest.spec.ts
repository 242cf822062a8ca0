import type { Page } from '@playwright/test';
import { escapeRegExp, expect, test } from './fixtures';
import { linkIn, mailTo } from './mail';
import { openMeeting, openMeetings, SPECIAL, SPRING } from './meeting-support';
import { jointField, plannedMeeting, springMeeting } from './seed';
import { check, nav, newPage, ready } from './support';

test('guest: the advisory guest sees only his item and its papers; another item’s paper is not found', async ({
  browser,
  network,
}) => {
  const GUEST = {
    name: 'Frank Lorenz',
    email: network.email('frank.lorenz'),
    password: 'Agentur-Meschede-7',
  };
  // What journey 10 leaves: the spring meeting with papers for TOP 2 and TOP 3, the guest of the
  // employment agency invited to TOP 3 by address (no account yet), and a special meeting.
  const fieldId = await jointField(network.admin.api, network.id);
  const spring = await springMeeting(network, fieldId);
  await network.admin.api.post(`/networks/${network.id}/meetings/${spring.meetingId}/guests`, {
    name: GUEST.name,
    email: GUEST.email,
    topic: 'Agentur für Arbeit Meschede-Soest, Berufsberatung',
    itemId: spring.itemId('Arbeitsauftrag KAoA'),
  });
  await plannedMeeting(network, SPECIAL, -1);

  // The administrator gives the guest of TOP 3 an account with the role "Gast (beratend)".
  const admin = await network.open(browser, network.admin);
  await nav(admin).getByRole('link', { name: 'Benutzer & Rollen' }).click();
  const form = admin.getByRole('region', { name: 'Person einladen' });
  await form.getByLabel('Name').fill(GUEST.name);
  await form.getByLabel('E-Mail-Adresse').fill(GUEST.email);
  await form.getByLabel('Rolle').selectOption({ label: 'Gast (beratend)' });
  await form.getByRole('button', { name: 'Einladung senden' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'im Postausgang' })).toContainText(GUEST.email);
  const mail = await mailTo(GUEST.email, new RegExp(`^Einladung: ${escapeRegExp(network.name)}$`));
  const link = linkIn(mail, /^\/einladung\/[A-Za-z0-9_-]+$/);

  const guest = await newPage(browser);
  await guest.goto(link);
  await expect(guest.getByRole('heading', { level: 1, name: 'Einladung' })).toBeVisible();
  await guest.getByLabel('Passwort', { exact: true }).fill(GUEST.password);
  await guest.getByLabel('Passwort wiederholen').fill(GUEST.password);
  await guest.getByRole('button', { name: 'Konto anlegen und Einladung annehmen' }).click();
  await expect(guest).toHaveURL(/\/n\/[0-9a-f-]+\/start$/);
  await ready(guest);

  // The server links a guest invitation to an account only if the account exists when the guest is
  // invited (reported): the office invites him to TOP 3 once more, now that his account exists.
  await openMeeting(admin, SPRING);
  const guests = admin.getByRole('region', { name: 'Gäste (beratend)' });
  await guests.getByLabel('Name').fill(GUEST.name);
  await guests.getByLabel('E-Mail-Adresse').fill(GUEST.email);
  await guests.getByLabel('Thema oder Institution').fill('Agentur für Arbeit Meschede-Soest, Berufsberatung');
  await guests.getByLabel('Eingeladen zu').selectOption({ label: 'TOP 3: Arbeitsauftrag KAoA' });
  await guests.getByRole('button', { name: 'Gast einladen' }).click();
  await expect(
    admin.getByRole('status').filter({ hasText: 'ist als Gast (beratend) eingeladen' }),
  ).toBeVisible();
  const otherPaper = await admin
    .getByRole('article', { name: 'TOP 2: Bericht des Bildungsbüros' })
    .getByRole('link', { name: /Sachstandsbericht des Bildungsbüros, Fassung 1 herunterladen/ })
    .getAttribute('href');
  const ownPaper = await admin
    .getByRole('article', { name: 'TOP 3: Arbeitsauftrag KAoA' })
    .getByRole('link', { name: /Konzept Praxisphasen KAoA, Fassung 1 herunterladen/ })
    .getAttribute('href');
  await openMeeting(admin, SPECIAL);
  const specialUrl = new URL(admin.url()).pathname;
  await admin.context().close();

  // Journey 8: the guest finds only the meeting he is invited to.
  await expect(nav(guest).getByRole('link', { name: 'Beschlüsse' })).toHaveCount(0);
  await openMeetings(guest);
  await expect(guest.getByRole('main').getByRole('link', { name: SPRING })).toBeVisible();
  await expect(guest.getByRole('main').getByRole('link', { name: SPECIAL })).toHaveCount(0);
  await expect(guest.getByRole('region', { name: 'Sitzung planen' })).toHaveCount(0);
  await check(guest, '12-gast-sitzungen');

  await guest.getByRole('main').getByRole('link', { name: SPRING }).click();
  await expect(guest.getByRole('heading', { level: 1, name: `Ihre Sitzung: ${SPRING}` })).toBeVisible();
  await expect(
    guest.getByRole('status').filter({ hasText: 'Sie sind als Gast (beratend) zu TOP 3 eingeladen.' }),
  ).toBeVisible();
  const items = guest.getByRole('article');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toHaveAccessibleName('TOP 3: Arbeitsauftrag KAoA');
  await expect(items.first()).toContainText('Das Regionale Bildungsbüro erhält den Arbeitsauftrag');
  for (const hidden of ['Anwesenheit', 'Niederschrift', 'Gäste (beratend)', 'Einladungen'])
    await expect(guest.getByRole('region', { name: hidden, exact: true })).toHaveCount(0);
  await expect(guest.getByRole('button', { name: 'Tagesordnungspunkt hinzufügen' })).toHaveCount(0);
  await expect(guest.getByRole('button', { name: 'Sitzung eröffnen' })).toHaveCount(0);
  await fitsTheWidth(guest);
  await check(guest, '12-gast-sitzung');

  // His paper opens in the browser.
  const own = await items
    .first()
    .getByRole('link', { name: /Konzept Praxisphasen KAoA lesen \(PDF\)/ })
    .getAttribute('href');
  const ownRes = await guest.request.get(own!);
  expect(ownRes.status()).toBe(200);
  expect(ownRes.headers()['content-disposition']).toMatch(/^inline;/);
  expect((await ownRes.body()).subarray(0, 5).toString()).toBe('%PDF-');
  expect(ownPaper).toBeTruthy();

  // The paper of another item, typed in directly: the app's own "nicht gefunden" page, never JSON.
  expect(otherPaper).toMatch(/\/papers\/[0-9a-f-]+\/versions\/1$/);
  const res = await guest.request.get(otherPaper!);
  expect(res.status()).toBe(404);
  expect((await res.json()).error.message).toContain('nicht gefunden');
  const visit = await guest.goto(otherPaper!);
  expect(visit!.status()).toBe(404);
  await expect(guest.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' })).toBeVisible();
  await check(guest, '12-gast-vorlage-nicht-gefunden');
  // The same paper through his own meeting page's address: not found either.
  const viaPage = otherPaper!.replace(/\/items\/[0-9a-f-]+\/papers\//, '/preparation/papers/');
  expect((await guest.request.get(viaPage)).status()).toBe(404);

  // A meeting he is not invited to, and the committee's register: the app's own pages.
  await guest.goto(specialUrl);
  await expect(guest.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' })).toBeVisible();
  await expect(guest.getByRole('main')).not.toContainText('{');
  await check(guest, '12-gast-nicht-gefunden');
  await guest.goto(`/n/${network.id}/lenkungskreis/beschluesse`);
  await expect(guest.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' })).toBeVisible();
  await check(guest, '12-gast-beschluesse-nicht-gefunden');
  await guest.context().close();

  // Journey 8 from the mail: the invitation's personal link opens his item, and he subscribes to his
  // meetings in his calendar.
  await network.admin.api.post(`/networks/${network.id}/meetings/${spring.meetingId}/invitations`);
  const invitation = await mailTo(GUEST.email, new RegExp(`^Einladung: ${escapeRegExp(SPRING)}`));
  const phone = await newPage(browser, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await phone.goto(linkIn(invitation, /^\/antwort\/[A-Za-z0-9_-]+$/));
  await expect(phone.getByRole('heading', { level: 1, name: `Ihre Sitzung: ${SPRING}` })).toBeVisible();
  await expect(phone.getByRole('article')).toHaveCount(1);
  await expect(phone.getByRole('article').first()).toHaveAccessibleName('TOP 3: Arbeitsauftrag KAoA');
  await expect(phone.getByRole('radio', { name: 'Meine Stellvertretung nimmt teil' })).toHaveCount(0);
  await phone.getByRole('button', { name: 'Kalenderabo einrichten' }).click();
  const address = phone.getByLabel('Abo-Adresse zum Kopieren');
  await expect(address).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/);
  const feed = await phone.request.get(new URL(await address.inputValue()).pathname);
  expect(feed.status()).toBe(200);
  const ics = await feed.text();
  expect(ics).toContain(`SUMMARY:${SPRING}`);
  expect(ics).not.toContain(`SUMMARY:${SPECIAL}`);
  await fitsTheWidth(phone);
  await check(phone, '12-gast-link-kalenderabo');
  await phone.context().close();
});

/** The page never scrolls sideways. */
async function fitsTheWidth(page: Page) {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [
    document.scrollingElement!.scrollWidth,
    window.innerWidth,
  ]);
  expect(scrollWidth, `page ${page.url()} is wider than the viewport`).toBeLessThanOrEqual(innerWidth);
}
