import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { heldSpecialMeeting, plannedMeeting } from './seed';
import { expectFitsViewport, expectNoAxeViolations, ready, shot } from './support';

/**
 * Issue 9, trace and quality cycle: from the register's "Was daraus wurde" to the decision's trace
 * (the meeting's item that took it, upstream), and the quality cycle of the field with "Anpassung
 * vorschlagen" onto the next planned meeting (journey 19). Orders, goals and reports are other parts'
 * pages: their links are tested in the API tests.
 */

async function both(page: Page, name: string) {
  await expectNoAxeViolations(page);
  await expectFitsViewport(page);
  await shot(page, `24-${name}-1280`);
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.locator('main h1')).toBeVisible();
  await expectFitsViewport(page);
  await shot(page, `24-${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the register says what became of a decision and leads to its trace; the quality cycle proposes an adjustment', async ({
  browser,
  network,
}) => {
  const held = await heldSpecialMeeting(network);
  const n = network.id;
  await plannedMeeting(network, 'Herbstsitzung des Lenkungskreises', 40);
  const page = await network.open(browser, network.admin, '/lenkungskreis/beschluesse', {
    viewport: { width: 1280, height: 900 },
  });
  await ready(page);

  // The register: the new column and its filter.
  const row = page.getByRole('row', { name: new RegExp(held.decisionNumber) });
  await expect(row).toContainText('offen');
  await expect(row).toContainText('Noch nichts daraus entstanden');
  await page.getByLabel('Was daraus wurde').selectOption('implemented');
  await page.getByRole('button', { name: 'Filtern' }).click();
  await expect(page.getByRole('row', { name: new RegExp(held.decisionNumber) })).toHaveCount(0);
  await page.getByLabel('Was daraus wurde').selectOption('open');
  await page.getByRole('button', { name: 'Filtern' }).click();
  await expect(row).toBeVisible();
  await both(page, 'register');

  // The trace of the decision: the meeting's item took it.
  await row.getByRole('link', { name: `Verlauf von ${held.decisionNumber} anzeigen` }).click();
  await ready(page);
  await expect(page.locator('main h1')).toContainText(held.decisionNumber);
  const up = page.getByRole('region', { name: 'Was hierher führte' });
  await expect(up).toContainText('Arbeitsauftrag Berufsorientierung');
  await expect(up).toContainText('Tagesordnungspunkt');
  await expect(page.getByRole('region', { name: 'Was daraus folgte' })).toContainText('Noch nichts.');
  await both(page, 'trace');
  // Each entry leads to its page: the meeting.
  await up.getByRole('link', { name: /^TOP 1 Arbeitsauftrag Berufsorientierung/ }).click();
  await ready(page);
  await expect(page).toHaveURL(new RegExp(`/n/${n}/lenkungskreis/sitzungen/${held.meetingId}`));

  // The quality cycle: index, then the field's four steps.
  await page.goto(`/n/${n}/arbeitsprogramm/qualitaet`);
  await ready(page);
  await both(page, 'quality-index');
  await page
    .getByRole('link', { name: /KAoA|Übergang/ })
    .first()
    .click();
  await ready(page);
  for (const step of ['1. Ziele', '2. Maßnahmen', '3. Auswertung', '4. Anpassung'])
    await expect(page.getByRole('heading', { name: step })).toBeVisible();
  await expect(
    page.getByText('Auswertungen der Veranstaltungen folgen mit dem Veranstaltungsmodul.'),
  ).toBeVisible();
  await page.getByLabel('Vorgeschlagene Anpassung').fill('Die Praxistage sollen auch Klasse 9 erreichen.');
  await page.getByRole('button', { name: 'Auf die Tagesordnung setzen' }).click();
  await expect(
    page.getByText(/steht auf der Tagesordnung von „Herbstsitzung des Lenkungskreises“/),
  ).toBeVisible();
  await both(page, 'quality');
});
