import { randomBytes } from 'node:crypto';
import { expect, openAs, test } from './fixtures';
import { check, expectNoAxeViolations, nav } from './support';

test('network switch: the operator creates a second network and switches to it', async ({
  browser,
  operator,
}) => {
  // Creating networks is the operator's right; the first of the two is made through the API.
  const tag = randomBytes(4).toString('hex');
  const first = { name: `Regionales Bildungsnetzwerk Hochsauerlandkreis ${tag}`, regionKey: '05958' };
  const second = { name: `Regionales Bildungsnetzwerk Olpe ${tag}`, regionKey: '05966' };
  const { id } = await operator.createNetwork(first.name, first.regionKey);
  const page = await openAs(browser, operator, `/n/${id}/start`);

  await nav(page).getByRole('link', { name: 'Einstellungen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(first.name);
  await check(page, '03-einstellungen');

  const form = page.getByRole('region', { name: 'Neues Bildungsnetzwerk anlegen' });
  await form.getByLabel('Name des Bildungsnetzwerks').fill(second.name);
  await form.getByLabel('Regionalschlüssel').fill(second.regionKey);
  await form.getByRole('button', { name: 'Bildungsnetzwerk anlegen' }).click();
  await expect(form.getByRole('status')).toContainText(`„${second.name}“ ist angelegt.`);

  await page.getByRole('button', { name: /Bildungsnetzwerk wechseln/ }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('menuitem', { name: second.name }).click();
  await expect(page.getByTestId('active-network')).toHaveText(second.name);
  // The switch keeps the page: still the settings, now of the other network.
  await expect(page.getByRole('heading', { level: 1, name: 'Einstellungen' })).toBeVisible();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue(second.name);
  await check(page, '03-einstellungen-zweites-netz');

  // And back, with the keyboard this time.
  await page.getByRole('button', { name: /Bildungsnetzwerk wechseln/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeVisible();
  // The server remembers the network opened last (for the next sign-in and "/", on any device).
  const remembered = page.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith(`/networks/${id}/last-opened`),
  );
  await page.getByRole('menuitem', { name: first.name }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('active-network')).toHaveText(first.name);
  expect((await remembered).status()).toBe(204);

  // The last used network is remembered for the next visit to "/".
  await page.goto('/');
  await expect(page.getByTestId('active-network')).toHaveText(first.name);
  await page.context().close();
});
