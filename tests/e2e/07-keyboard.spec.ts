import { expect, test } from './fixtures';
import { check, newPage, ready } from './support';

test('keyboard only: skip link, sign-in and navigation without a mouse', async ({ browser, network }) => {
  const { admin } = network;
  const page = await newPage(browser);
  await page.goto('/anmelden');
  await check(page, '07-anmelden');

  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Zum Inhalt springen' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#inhalt')).toBeFocused();

  // From the main content, the next Tab reaches the first form field.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('E-Mail-Adresse')).toBeFocused();
  await page.keyboard.type(admin.email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Passwort', { exact: true })).toBeFocused();
  await page.keyboard.type(admin.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/n\/[0-9a-f-]+\/start$/);
  // After a navigation, focus lands on the new page's heading.
  await expect(page.getByRole('heading', { level: 1, name: 'Start' })).toBeFocused();

  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Zum Inhalt springen' })).not.toBeFocused();
  await page.goto(page.url());
  await ready(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Zum Inhalt springen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#inhalt')).toBeFocused();

  // The user menu opens and works with the keyboard.
  await page.getByRole('button', { name: /Benutzermenü/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Konto' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/konto$/);
  await check(page, '07-konto');
  await page.context().close();
});
