import { expect, test } from './fixtures';
import { berlinDay } from './meeting-support';
import { check, expectFitsViewport, expectNoAxeViolations } from './support';

/**
 * The office desk (journey 10, the office's side): from Start's card "Meine Arbeitsaufträge und
 * Aufgaben" to "Mein Schreibtisch"; subscribing to the calendar of due dates (the link shown once,
 * working, then 410 once ended); downloading the year's work programme; the same page on a phone.
 * Orders and tasks come from other parts of the work programme, so the desk here is the empty one.
 */
test('office desk: Start card, calendar subscription with its end, the year’s exports, on a phone', async ({
  browser,
  network,
}) => {
  const office = await network.account('office');
  const year = berlinDay().slice(0, 4);

  const page = await network.open(browser, office, '/start', { viewport: { width: 1280, height: 900 } });
  await check(page, '25-desk-start');
  const card = page.getByRole('article').filter({
    has: page.getByRole('heading', { level: 2, name: 'Meine Arbeitsaufträge und Aufgaben' }),
  });
  await expect(card).toContainText('Ihnen ist nichts Offenes zugewiesen.');
  await card.getByRole('link', { name: 'Zum Schreibtisch' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Mein Schreibtisch' })).toBeVisible();
  await check(page, '25-desk');
  await expect(
    page.getByText('Ihnen sind keine offenen Arbeitsaufträge oder Aufgaben zugewiesen.'),
  ).toBeVisible();

  // The calendar feed: created, shown once, answers with iCalendar; ended, it answers 410.
  await expect(page.getByText('Sie haben noch kein Kalender-Abo.')).toBeVisible();
  await page.getByRole('button', { name: 'Kalender-Abo einrichten' }).click();
  const linkField = page.getByLabel('Ihr Link zum Kalender-Abo');
  await expect(linkField).toBeVisible();
  const url = await linkField.inputValue();
  expect(url).toMatch(/\/api\/work-calendar\/[A-Za-z0-9_-]+\.ics$/);
  await expect(page.getByText('Ihr Kalender-Abo ist eingerichtet.')).toBeVisible();
  await expectNoAxeViolations(page);
  const feedPath = new URL(url).pathname;
  const feed = await page.request.get(feedPath);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain('BEGIN:VCALENDAR');
  await page.getByRole('button', { name: 'Kalender-Abo beenden' }).click();
  await expect(page.getByText('Das Kalender-Abo wurde beendet.')).toBeVisible();
  await expect(page.getByText('Sie haben noch kein Kalender-Abo.')).toBeVisible();
  expect((await page.request.get(feedPath)).status()).toBe(410);

  // The year's programme for the committee, as PDF and Excel.
  const pdf = page.waitForEvent('download');
  await page.getByRole('link', { name: `Arbeitsprogramm ${year} (PDF)` }).click();
  expect((await pdf).suggestedFilename()).toBe(`Arbeitsprogramm-${year}.pdf`);
  const xlsx = page.waitForEvent('download');
  await page.getByRole('link', { name: `Arbeitsprogramm ${year} (Excel)` }).click();
  expect((await xlsx).suggestedFilename()).toBe(`Arbeitsprogramm-${year}.xlsx`);
  await page.getByLabel('Jahr').fill('2025');
  await expect(page.getByRole('link', { name: 'Stand der Arbeitsaufträge 2025 (PDF)' })).toBeVisible();
  await page.context().close();

  // The committee downloads the programme too (read access), but has no desk.
  const member = await network.account('committee');
  const phone = await network.open(browser, member, '/start', { viewport: { width: 390, height: 844 } });
  const res = await phone.request.get(`/api/networks/${network.id}/work/export.pdf?year=${year}`);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  await expect(
    phone.getByRole('heading', { level: 2, name: 'Meine Arbeitsaufträge und Aufgaben' }),
  ).toHaveCount(0);
  await phone.context().close();

  const small = await network.open(browser, office, '/arbeitsprogramm/schreibtisch', {
    viewport: { width: 390, height: 844 },
  });
  await check(small, '25-desk-phone');
  await expectFitsViewport(small);
});
