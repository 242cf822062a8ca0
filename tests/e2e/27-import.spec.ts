import { expect, test } from './fixtures';
import { check, expectFitsViewport } from './support';

/**
 * Import into the address book (issue 10, journey 11): the office chooses its spreadsheet (a CSV as Excel
 * in Germany writes it: Windows-1252, semicolons), maps the one column the app does not know, reads the
 * preview (rows, the rejected row with its reason, the duplicate), imports, and merges the duplicate.
 */
const WIN1252: Record<string, number> = { '„': 0x84, '“': 0x93, '–': 0x96 };
const windows1252 = (text: string) => Buffer.from([...text].map((ch) => WIN1252[ch] ?? ch.charCodeAt(0)));

const CSV = windows1252(
  'Anrede;Vorname;Familienname;Aufgabe;Dienststelle;E-Mail-Adresse;Ort\r\n' +
    'Frau;Jana;Müller;Schulleitung;Beispiel-Gymnasium Brilon;jana.mueller@example.org;Brilon\r\n' +
    ';;;;;;\r\n' +
    'Frau;Jana;Mueller;Koordination „Übergang Schule–Beruf“;Beispiel-Gymnasium Brilon;;Brilon\r\n' +
    'Herr;Peter;Groß;Ausbildungsberatung;Beispiel-Kammer Arnsberg;peter.gross(at)example.org;Arnsberg\r\n' +
    'Herr;Emre;Yilmaz;StuBO;Beispiel-Realschule Olsberg;emre.yilmaz@example.org;Olsberg\r\n',
);

test('import a CSV with mapping and preview, then merge the duplicate', async ({ browser, network }) => {
  const office = await network.account('office');
  const page = await network.open(browser, office, '/netzwerk/import', {
    viewport: { width: 1280, height: 900 },
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Import aus Excel und CSV' })).toBeVisible();
  await check(page, '27-import');

  await page.getByLabel('Tabelle').setInputFiles({ name: 'adressen.csv', mimeType: 'text/csv', buffer: CSV });
  await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
  await expect(page.getByRole('heading', { name: '2. Spalten zuordnen' })).toBeVisible();
  await expect(page.getByText('(CSV, Windows-1252, „;“)')).toBeVisible();
  // "Aufgabe" is no header the app knows: the office maps it to the function.
  const aufgabe = page.getByLabel('Übernehmen als (Spalte „Aufgabe“)');
  await expect(aufgabe).toHaveValue('');
  await expect(page.getByLabel('Übernehmen als (Spalte „Familienname“)')).toHaveValue('lastName');
  await aufgabe.selectOption({ label: 'Funktion' });
  await page.getByRole('button', { name: 'Zuordnung anwenden' }).click();

  const preview = page.getByRole('region', { name: '3. Vorschau' });
  await expect(preview.getByText('Koordination „Übergang Schule–Beruf“')).toBeVisible();
  await expect(preview).toContainText(
    'Zu übernehmen: 3 · abgelehnt: 1 · leere Zeilen übersprungen: 1 · Dublettengruppen: 1 · schon im Adressbuch: 0',
  );
  await expect(preview.getByRole('cell', { name: 'Die E-Mail-Adresse ist ungültig.' })).toBeVisible();
  await expect(preview.getByText('Zeilen 2, 4')).toBeVisible();
  await check(page, '27-import-preview');

  await page.getByRole('button', { name: 'Importieren', exact: true }).click();
  await expect(
    page.getByText(
      'Import abgeschlossen. Angelegt: 3 Personen, 2 Einrichtungen · vorhandenen Einrichtungen zugeordnet: 1 · abgelehnte Zeilen: 1',
    ),
  ).toBeVisible();
  const merge = page.getByRole('region', { name: 'Dubletten zusammenführen' });
  const keep = merge.getByRole('group', { name: 'Welcher Eintrag bleibt?' });
  await expect(keep.getByRole('radio')).toHaveCount(2);
  await keep.getByRole('radio', { name: /^Jana Müller <jana\.mueller@example\.org>/ }).check();
  await check(page, '27-import-result');
  await merge.getByRole('button', { name: 'Zusammenführen' }).click();
  await expect(page.getByText('1 Eintrag mit Jana Müller zusammengeführt.')).toBeVisible();
  await expect(merge.getByText('Keine Dubletten gefunden.')).toBeVisible();
  await check(page, '27-import-merged');
  await page.getByRole('link', { name: 'Zu den Personen' }).click();
  await expect(page).toHaveURL(/\/netzwerk\/personen$/);
  await page.context().close();

  // On a phone: the mapping and the preview stack, nothing scrolls sideways.
  const phone = await network.open(browser, office, '/netzwerk/import', {
    viewport: { width: 390, height: 844 },
  });
  await check(phone, '27-import-phone');
  await phone
    .getByLabel('Tabelle')
    .setInputFiles({ name: 'adressen.csv', mimeType: 'text/csv', buffer: CSV });
  await phone.getByRole('button', { name: 'Vorschau anzeigen' }).click();
  await expect(phone.getByRole('heading', { name: '3. Vorschau' })).toBeVisible();
  await expect(phone.getByText('Schon im Adressbuch: CSV')).toBeVisible();
  await expectFitsViewport(phone);
  await check(phone, '27-import-preview-phone');
  await phone.getByRole('button', { name: 'Importieren', exact: true }).click();
  await expect(phone.getByText(/^Import abgeschlossen\./)).toBeVisible();
  await expect(phone.getByRole('button', { name: 'Zusammenführen' }).first()).toBeVisible();
  await expectFitsViewport(phone);
  await check(phone, '27-import-result-phone');
  await phone.context().close();
});
