import { expect, test } from './fixtures';
import { check, expectFitsViewport, nav, newPage, signIn } from './support';

test('phone: the pages work at 390 pixels, the navigation folds into a menu button', async ({
  browser,
  network,
}) => {
  const page = await newPage(browser, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await page.goto('/anmelden');
  await check(page, '08-telefon-anmelden');
  await signIn(page, network.admin.email, network.admin.password);
  await check(page, '08-telefon-start');

  const menu = page.getByRole('button', { name: 'Menü', exact: true });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav(page).getByRole('link', { name: 'Dokumente', exact: true })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await check(page, '08-telefon-menue');
  // It folds again from its own button.
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(nav(page).getByRole('link', { name: 'Dokumente', exact: true })).toBeHidden();

  // Each page through the folded menu; navigating folds it again.
  for (const [link, name] of [
    ['Dokumente', 'dokumente'],
    ['Benutzer & Rollen', 'benutzer'],
    ['Protokoll der Änderungen', 'protokoll'],
    ['Postausgang', 'postausgang'],
  ] as const) {
    await menu.click();
    await nav(page).getByRole('link', { name: link, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: link })).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await check(page, `08-telefon-${name}`);
    // Nothing is wider than the screen: tables stack as cards instead of scrolling sideways.
    await expectFitsViewport(page);
  }
  await page.context().close();
});
