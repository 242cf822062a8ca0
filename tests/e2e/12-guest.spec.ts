import fs from 'node:fs';
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
  await expect(guest.getByRole('heading', { level: 1, name: SPRING })).toBeVisible();
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
  await check(guest, '12-gast-sitzung');

  // His paper downloads.
  const downloadPromise = guest.waitForEvent('download');
  await items
    .first()
    .getByRole('link', { name: /Konzept Praxisphasen KAoA, Fassung 1 herunterladen/ })
    .click();
  const download = await downloadPromise;
  expect(
    fs
      .readFileSync((await download.path())!)
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
  expect(ownPaper).toBeTruthy();

  // The paper of another item, typed in directly: not found.
  expect(otherPaper).toMatch(/\/papers\/[0-9a-f-]+\/versions\/1$/);
  const res = await guest.request.get(otherPaper!);
  expect(res.status()).toBe(404);
  expect((await res.json()).error.message).toContain('nicht gefunden');
  await guest.goto(otherPaper!);
  await expect(guest.locator('body')).toContainText('nicht gefunden');

  // A meeting he is not invited to: not found either.
  await guest.goto(specialUrl);
  await expect(guest.getByRole('main').getByRole('alert')).toContainText('nicht gefunden');
  await check(guest, '12-gast-nicht-gefunden');
  await guest.context().close();
});
