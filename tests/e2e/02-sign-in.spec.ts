import { expect, test } from './fixtures';
import { check, newPage, signOut } from './support';

test('sign-in: a wrong password is refused in German, the right one leads to Start', async ({
  browser,
  network,
}) => {
  const { admin } = network;
  const page = await newPage(browser);
  // Signed out, `/` is the public start page with the way to sign in.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Regionale Bildungsnetzwerke' })).toBeVisible();
  await page.getByRole('link', { name: 'Anmelden' }).first().click();
  await expect(page).toHaveURL(/\/anmelden$/);
  await check(page, '02-anmelden');

  await page.getByLabel('E-Mail-Adresse').fill(admin.email);
  await page.getByLabel('Passwort', { exact: true }).fill('falsches-Passwort-1');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByRole('alert')).toContainText('E-Mail-Adresse oder Passwort ist falsch.');
  await check(page, '02-anmelden-fehler');

  await page.getByLabel('Passwort', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page).toHaveURL(/\/n\/[0-9a-f-]+\/start$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Start' })).toBeVisible();
  await expect(page.getByTestId('active-network')).toHaveText(network.name);
  await expect(page).toHaveTitle('Start – Bildungsnetz');

  // The account page lists the network with the role.
  await page.getByRole('button', { name: /Benutzermenü/ }).click();
  await page.getByRole('menuitem', { name: 'Konto' }).click();
  await expect(page).toHaveURL(/\/konto$/);
  await expect(page.getByRole('main')).toContainText(network.name);
  await check(page, '02-konto');

  // An unknown address shows the not-found page inside the frame.
  await page.goto('/gibt-es-nicht');
  await expect(page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' })).toBeVisible();
  await check(page, '02-nicht-gefunden');

  await page.goto('/');
  await signOut(page);
  await page.getByRole('link', { name: 'Passwort vergessen?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Passwort vergessen' })).toBeVisible();
  await check(page, '02-passwort-vergessen');
  await page.context().close();
});
