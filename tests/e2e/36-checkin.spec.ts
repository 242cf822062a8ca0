import { expect, test } from './fixtures';
import { linkIn, mailTo } from './mail';
import { conferenceWithWorkshop } from './seed';
import { check } from './support';

/**
 * Journey 15 (on the day): at the door of the conference, on a tablet, the office lets people in by name
 * and by the QR code of their personal registration page, adds a walk-in, ticks who came to a workshop
 * and downloads the attendance list. The event, its programme and the registrations are set up through
 * the API of the planning, programme and registration parts (the browser adds nothing there).
 */
test('check-in: by name and by code, a walk-in, session attendance, the attendance list', async ({
  browser,
  network,
}) => {
  const office = await network.account('office');
  const { ev, e, workshop } = await conferenceWithWorkshop(office.api, network.id, {
    event: 120,
    workshop: 20,
  });
  const people = [
    ['Anna', 'Müller', 'Gesamtschule Meschede'],
    ['Ben', 'Zander', 'Berufskolleg Olsberg'],
    ['Cem', 'Öztürk', 'Jobcenter Hochsauerlandkreis'],
  ] as const;
  for (const [firstName, lastName, institution] of people)
    await office.api.post(`${e}/registrations`, {
      firstName,
      lastName,
      institution,
      email: network.email(firstName.toLowerCase()),
      choices: [workshop.id],
    });
  // Ben's QR code carries the address of his personal registration page (from his confirmation mail).
  const code = linkIn(
    await mailTo(network.email('ben'), /^Anmeldebestätigung: /),
    /^\/veranstaltung\/anmeldung\/[A-Za-z0-9_-]+$/,
  );

  const page = await network.open(browser, office, `/veranstaltungen/${ev.id}/einlass`, {
    viewport: { width: 768, height: 1024 },
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Einlass' })).toBeVisible();
  await expect(page.getByText('0 von 3 eingelassen')).toBeVisible();
  await check(page, '36-einlass');

  // By name, spelt without the umlaut.
  await page.getByLabel('Name oder Einrichtung').fill('mueller');
  await page.getByRole('button', { name: 'Anna Müller einlassen' }).click();
  await expect(page.getByText('1 von 3 eingelassen')).toBeVisible();
  await expect(page.getByText(/Anna Müller wurde um \d\d:\d\d Uhr eingelassen/)).toBeVisible();

  // By code: the scanner types the URL into the field and presses Enter.
  const field = page.getByLabel('QR-Code oder Link der Anmeldung');
  await field.fill(`http://localhost${code}`);
  await field.press('Enter');
  await expect(page.getByText('2 von 3 eingelassen')).toBeVisible();
  await expect(page.getByText(/Ben Zander wurde um/)).toBeVisible();

  // A walk-in.
  await page.getByRole('button', { name: 'Person ohne Anmeldung' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Vorname').fill('Lena');
  await dialog.getByLabel('Nachname').fill('Spontan');
  await dialog.getByLabel('Einrichtung').fill('Offene Ganztagsschule Bestwig');
  await check(page, '36-einlass-ohne-anmeldung');
  await dialog.getByRole('button', { name: 'Einlassen' }).click();
  await expect(page.getByText('3 von 4 eingelassen')).toBeVisible();

  // Attendance in the workshop (the only session, chosen already).
  await expect(page.getByLabel('Programmpunkt', { exact: true })).toContainText('Workshop A');
  // The tick is saved at once; the box shows the saved state when the server has answered.
  await page.getByRole('checkbox', { name: /Müller, Anna/ }).click();
  await expect(page.getByRole('checkbox', { name: /Müller, Anna/ })).toBeChecked();
  await expect(page.getByText('1 von 3 teilgenommen.')).toBeVisible();
  await check(page, '36-einlass-teilnahme');

  // The attendance list.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Teilnahmeliste (PDF)' }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toBe('Teilnahmeliste Bildungskonferenz 2027.pdf');
});
