import { expect, test } from '@playwright/test';
import { ADMIN, check, NETWORK, newPage } from './support';

test('first run: the county IT creates the administrator and the network', async ({ browser }) => {
  const page = await newPage(browser);
  await page.goto('/');
  await expect(page).toHaveURL(/\/einrichtung$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Einrichtung' })).toBeVisible();
  await check(page, '01-einrichtung');

  await page.getByLabel('Name', { exact: true }).fill(ADMIN.name);
  await page.getByLabel('E-Mail-Adresse').fill(ADMIN.email);
  await page.getByLabel('Passwort', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Passwort wiederholen').fill('etwas-anderes-1');
  await page.getByLabel('Name des Bildungsnetzwerks').fill(NETWORK.name);
  await page.getByLabel('Regionalschlüssel').fill(NETWORK.regionKey);
  await page.getByRole('button', { name: 'Einrichtung abschließen' }).click();
  await expect(page.getByRole('alert')).toContainText('Die beiden Passwörter stimmen nicht überein.');

  await page.getByLabel('Passwort wiederholen').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Einrichtung abschließen' }).click();

  await expect(page).toHaveURL(/\/n\/[0-9a-f-]+\/start$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Start' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(NETWORK.name);
  await expect(page.getByRole('main')).toContainText(`Guten Tag, ${ADMIN.name}`);
  await expect(page.getByRole('main')).toContainText('Ihre Rolle');
  await expect(page.getByRole('main')).toContainText('Administration');
  await check(page, '01-start');

  // Setup happens once: afterwards the page says so instead of offering the form again.
  await page.goto('/einrichtung');
  await expect(page.getByText('Die Einrichtung ist bereits abgeschlossen.')).toBeVisible();
  await page.context().close();
});
