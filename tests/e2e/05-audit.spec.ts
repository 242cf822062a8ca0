import { expect, test } from './fixtures';
import { check, expectNoAxeViolations, nav } from './support';

test('audit: the change log shows the network creation and the invitation, and filters', async ({
  browser,
  network,
}) => {
  // The office was invited and has accepted (what journey 04 does through the pages).
  const office = await network.account('office');
  const page = await network.open(browser, network.admin);
  await nav(page).getByRole('link', { name: 'Protokoll der Änderungen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Protokoll der Änderungen' })).toBeVisible();
  const table = page.getByRole('region', { name: 'Änderungen' });
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  await check(page, '05-protokoll');

  const types = await page.getByLabel('Bereich').locator('option').allTextContents();
  const networkType = types.find((t) => t === 'Bildungsnetzwerk');
  const invitationType = types.find((t) => t === 'Einladung');
  expect(networkType, `entity types: ${types.join(', ')}`).toBeTruthy();
  expect(invitationType, `entity types: ${types.join(', ')}`).toBeTruthy();
  await expect(table).toContainText(office.email);

  const totalBefore = await page.getByText(/^\d+ Eintr(ag|äge)$/).textContent();
  await page.getByLabel('Bereich').selectOption({ label: invitationType! });
  await page.getByRole('button', { name: 'Filtern' }).click();
  await expect(page.getByText(/^\d+ Eintr(ag|äge)$/)).not.toHaveText(totalBefore ?? '');
  const rows = table.getByRole('row');
  const count = await rows.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 1; i < count; i++) await expect(rows.nth(i)).toContainText(invitationType!);

  await page.getByLabel('Bereich').selectOption({ label: networkType! });
  await page.getByLabel('Aktion').selectOption({ label: 'Angelegt' });
  await page.getByRole('button', { name: 'Filtern' }).click();
  await expect(table.getByRole('row').nth(1)).toContainText('Angelegt');
  await expect(table.getByRole('row').nth(1)).toContainText(networkType!);

  // A filter nobody matches says so.
  await page.getByLabel('Person').fill('Niemand Unbekannt');
  await page.getByRole('button', { name: 'Filtern' }).click();
  await expect(page.getByText('Keine Einträge für diese Filter.')).toBeVisible();

  await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
  await expect(page.getByText(totalBefore ?? '')).toBeVisible();
  await table.getByText('Details').first().click();
  await expect(table.getByText('Nachher').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await check(page, '05-protokoll-details');
  await page.context().close();
});
