import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { berlinDay } from './meeting-support';
import { heldSpecialMeeting } from './seed';
import { check, expectFitsViewport, expectNoAxeViolations, fillDate, shot } from './support';

/** Photographs the page at desk and phone width into the run's screens folder. */
async function shots(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await shot(page, `21-${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('orders: the office turns a taken decision into a work order, takes it up and marks progress; the committee reads it', async ({
  browser,
  network,
}) => {
  // Journey 10: the committee took a work-order decision yesterday (in the register).
  const { decisionNumber } = await heldSpecialMeeting(network);
  const office = await network.account('office');
  const page = await network.open(browser, office, '/arbeitsprogramm/auftraege');
  await expect(page.getByRole('heading', { level: 1, name: 'Arbeitsaufträge' })).toBeVisible();
  await expect(page.getByText('Keine Arbeitsaufträge gefunden.')).toBeVisible();
  await check(page, '21-auftraege-leer');

  await page.getByRole('button', { name: 'Auftrag anlegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Arbeitsauftrag aus einem Beschluss anlegen' });
  const option = dialog.getByLabel('Beschluss').locator('option', { hasText: decisionNumber });
  await expect(option).toHaveCount(1);
  await dialog.getByLabel('Beschluss').selectOption((await option.getAttribute('value'))!);
  await expect(dialog.getByLabel('Titel')).toHaveValue('Arbeitsauftrag Berufsorientierung');
  await dialog.getByLabel('Titel').fill('Praxistage Klasse 8 organisieren');
  await dialog.getByLabel('Erwartetes Ergebnis').fill('Praxistage für alle Klassen 8 ab Februar');
  await dialog.getByLabel('Zuständig').selectOption({ label: 'Petra Schulte' });
  // A due date before the decision's day is refused at once by the field (the API refuses it too).
  await fillDate(dialog, 'Fällig am', berlinDay(-30));
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Auftrag anlegen' }).click();
  await expect(dialog.getByText(/Der Wert muss .* oder später sein/)).toBeVisible();
  await fillDate(dialog, 'Fällig am', berlinDay(60));
  await dialog.getByRole('button', { name: 'Auftrag anlegen' }).click();

  const year = berlinDay(-1).slice(0, 4);
  await expect(
    page.getByRole('heading', { level: 1, name: `AA-${year}-01 Praxistage Klasse 8 organisieren` }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: decisionNumber })).toBeVisible();
  await check(page, '21-auftrag-neu');
  await expectFitsViewport(page);

  await page.getByRole('button', { name: 'Annehmen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'angenommen' })).toBeVisible();
  await page.getByRole('button', { name: 'Arbeit beginnen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'in Arbeit' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Als erledigt melden' })).toBeVisible();
  await page.getByLabel('Fortschritt (%)').fill('40');
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'gespeichert' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: /40 %/ })).toBeVisible();
  // The reports section beside states the same current state (it once kept "neu, 0 %").
  await expect(page.getByText('Aktueller Stand: in Arbeit, 40 %')).toBeVisible();
  const history = page.getByRole('region', { name: 'Verlauf des Auftrags' });
  await expect(history.getByRole('listitem')).toHaveCount(4);
  await expect(history).toContainText('angenommen → in Arbeit');
  await check(page, '21-auftrag-in-arbeit');
  await shots(page, 'order');

  await page.getByRole('link', { name: 'Alle Arbeitsaufträge' }).click();
  const row = page.getByRole('row', { name: /AA-\d{4}-01/ });
  await expect(row).toContainText('in Arbeit');
  await expect(row).toContainText('Petra Schulte');
  await check(page, '21-auftraege');
  await expectFitsViewport(page);
  await shots(page, 'orders');

  // The committee reads the order, with no buttons to change it.
  const committee = await network.account('committee');
  const member = await network.open(browser, committee, '/arbeitsprogramm/auftraege');
  await member.getByRole('link', { name: /AA-\d{4}-01/ }).click();
  await expect(member.getByRole('heading', { level: 1, name: /Praxistage Klasse 8/ })).toBeVisible();
  await expect(member.getByText('Sie können diesen Auftrag lesen')).toBeVisible();
  await expect(member.getByRole('button', { name: 'Annehmen' })).toHaveCount(0);
  await check(member, '21-auftrag-lenkungskreis');
  await member.context().close();
  await page.context().close();
});
