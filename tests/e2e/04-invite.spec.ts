import { escapeRegExp, expect, test } from './fixtures';
import { linkIn, mailTo } from './mail';
import { check, expectNoAxeViolations, nav, newPage, ready, shot, signOut } from './support';

test('invite: the administrator invites the office, the mail is in the outbox, the office accepts', async ({
  browser,
  network,
}) => {
  const OFFICE = {
    name: 'Petra Schulte',
    email: network.email('petra.schulte'),
    password: 'Buero-Meschede-1',
  };
  const page = await network.open(browser, network.admin);
  await nav(page).getByRole('link', { name: 'Benutzer & Rollen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Benutzer & Rollen' })).toBeVisible();
  await check(page, '04-benutzer');

  const form = page.getByRole('region', { name: 'Person einladen' });
  await form.getByLabel('Name').fill(OFFICE.name);
  await form.getByLabel('E-Mail-Adresse').fill(OFFICE.email);
  await form.getByLabel('Rolle').selectOption({ label: 'Bildungsbüro' });
  await form.getByRole('button', { name: 'Einladung senden' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'im Postausgang' })).toContainText(OFFICE.email);
  const invitations = page.getByRole('region', { name: 'Einladungen' });
  await expect(invitations.getByRole('row', { name: new RegExp(OFFICE.name) })).toContainText('Bildungsbüro');
  await check(page, '04-benutzer-eingeladen');

  await nav(page).getByRole('link', { name: 'Postausgang' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Postausgang' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(escapeRegExp(OFFICE.email)) });
  await expect(row).toBeVisible();
  await expect(row).toContainText(/Wartend|Versendet/);
  await expect(row.getByRole('cell').first()).toContainText(/Einladung|Bildungsnetzwerk/);
  await check(page, '04-postausgang');

  await row.getByRole('button', { name: /anzeigen/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('pre')).toContainText(OFFICE.name);
  await expectNoAxeViolations(page);
  await shot(page, '04-postausgang-mail');
  // The invitee finds the link in her inbox (the SMTP sink).
  const link = linkIn(await mailTo(OFFICE.email, /^Einladung: /), /^\/einladung\/[A-Za-z0-9_-]+$/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await signOut(page);
  await page.context().close();

  // The invited office member opens the link from the mail and creates her account.
  const office = await newPage(browser);
  await office.goto(link);
  await expect(office.getByRole('heading', { level: 1, name: 'Einladung' })).toBeVisible();
  await expect(office.getByRole('main')).toContainText(network.name);
  await expect(office.getByRole('main')).toContainText('Bildungsbüro');
  await check(office, '04-einladung');
  await office.getByLabel('Passwort', { exact: true }).fill(OFFICE.password);
  await office.getByLabel('Passwort wiederholen').fill(OFFICE.password);
  await office.getByRole('button', { name: 'Konto anlegen und Einladung annehmen' }).click();
  await expect(office).toHaveURL(/\/n\/[0-9a-f-]+\/start$/);
  await ready(office);
  await expect(office.getByRole('main')).toContainText('Bildungsbüro');
  // The office sees the outbox but not the change log or the settings.
  await expect(nav(office).getByRole('link', { name: 'Postausgang' })).toBeVisible();
  await expect(nav(office).getByRole('link', { name: 'Protokoll der Änderungen' })).toHaveCount(0);
  await check(office, '04-start-buero');
  await office.context().close();
});

test('invite without mail: the administrator shows a fresh link once and hands it over', async ({
  browser,
  network,
}) => {
  const GUEST = { name: 'Gerd Gast', email: network.email('gerd.gast') };
  const page = await network.open(browser, network.admin);
  await nav(page).getByRole('link', { name: 'Benutzer & Rollen' }).click();
  const form = page.getByRole('region', { name: 'Person einladen' });
  await form.getByLabel('Name').fill(GUEST.name);
  await form.getByLabel('E-Mail-Adresse').fill(GUEST.email);
  await form.getByRole('button', { name: 'Einladung senden' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'im Postausgang' })).toContainText(GUEST.email);

  const invitations = page.getByRole('region', { name: 'Einladungen' });
  await invitations.getByRole('button', { name: `Einladungslink für ${GUEST.name} anzeigen` }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Einladungslink anzeigen?' });
  await expect(confirm).toContainText('gelten danach nicht mehr');
  await confirm.getByRole('button', { name: 'Einladungslink anzeigen' }).click();
  const dialog = page.getByRole('dialog', { name: `Einladungslink für ${GUEST.name}` });
  const field = dialog.getByLabel('Persönlicher Einladungslink');
  await expect(field).toHaveValue(/\/einladung\/[A-Za-z0-9_-]{20,}$/);
  await expect(dialog).toContainText('nur jetzt angezeigt');
  await expectNoAxeViolations(page);
  await shot(page, '04-einladungslink');
  const shown = await field.inputValue();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.context().close();

  // The person opens the handed-over link and sees the invitation.
  const guest = await newPage(browser);
  await guest.goto(new URL(shown).pathname);
  await expect(guest.getByRole('heading', { level: 1, name: 'Einladung' })).toBeVisible();
  await expect(guest.getByRole('main')).toContainText(network.name);
  await guest.context().close();
});
