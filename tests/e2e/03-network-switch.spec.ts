import { expect, test } from '@playwright/test';
import { check, expectNoAxeViolations, NETWORK, nav, newPage, SECOND_NETWORK, signIn } from './support';

test('network switch: the administrator creates a second network and switches to it', async ({ browser }) => {
  const page = await newPage(browser);
  await signIn(page);
  await nav(page).getByRole('link', { name: 'Einstellungen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(NETWORK.name);
  await check(page, '03-einstellungen');

  const form = page.getByRole('region', { name: 'Neues Bildungsnetzwerk anlegen' });
  await form.getByLabel('Name des Bildungsnetzwerks').fill(SECOND_NETWORK.name);
  await form.getByLabel('Regionalschlüssel').fill(SECOND_NETWORK.regionKey);
  await form.getByRole('button', { name: 'Bildungsnetzwerk anlegen' }).click();
  await expect(form.getByRole('status')).toContainText(`„${SECOND_NETWORK.name}“ ist angelegt.`);

  await page.getByRole('button', { name: /Bildungsnetzwerk wechseln/ }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('menuitem', { name: new RegExp(SECOND_NETWORK.name) }).click();
  await expect(page.getByTestId('active-network')).toHaveText(SECOND_NETWORK.name);
  // The switch keeps the page: still the settings, now of the other network.
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(SECOND_NETWORK.name);
  await check(page, '03-einstellungen-zweites-netz');

  // And back, with the keyboard this time.
  await page.getByRole('button', { name: /Bildungsnetzwerk wechseln/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeVisible();
  await page.getByRole('menuitem', { name: new RegExp(NETWORK.name) }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('active-network')).toHaveText(NETWORK.name);

  // The last used network is remembered for the next visit to "/".
  await page.goto('/');
  await expect(page.getByTestId('active-network')).toHaveText(NETWORK.name);
  await page.context().close();
});
