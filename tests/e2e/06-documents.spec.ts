import fs from 'node:fs/promises';
import { expect, test } from './fixtures';
import { check, expectNoAxeViolations, minimalPdf, nav, shot } from './support';

test('documents: upload a PDF, download it, change visibility, delete another', async ({
  browser,
  network,
}) => {
  const page = await network.open(browser, network.admin);
  await nav(page).getByRole('link', { name: 'Dokumente' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dokumente' })).toBeVisible();
  await check(page, '06-dokumente-leer');

  const pdf = minimalPdf('Kooperationsvertrag');
  const upload = page.getByRole('region', { name: 'Dokument hochladen' });
  await upload
    .getByLabel('Datei')
    .setInputFiles({ name: 'kooperationsvertrag.pdf', mimeType: 'application/pdf', buffer: pdf });
  await upload.getByLabel('Sichtbarkeit').selectOption({ label: 'Lenkungskreis und Team' });
  await upload.getByRole('button', { name: 'Hochladen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'hochgeladen' })).toBeVisible();

  const list = page.getByRole('region', { name: 'Dokumente im Bildungsnetzwerk' });
  const row = list.getByRole('row', { name: /kooperationsvertrag\.pdf/ });
  await expect(row).toBeVisible();
  // Size in German format and the date in Europe/Berlin as "TT.MM.JJJJ, HH:MM".
  await expect(row).toContainText(/\d+(,\d)? (Byte|KB)/);
  await expect(row).toContainText(/\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}/);
  await check(page, '06-dokumente');

  const downloadPromise = page.waitForEvent('download');
  await row.getByRole('link', { name: 'kooperationsvertrag.pdf' }).click();
  const download = await downloadPromise;
  const file = await fs.readFile((await download.path())!);
  expect(file.subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
  expect(file.equals(pdf)).toBe(true);

  await row.getByLabel(/Sichtbarkeit von/).selectOption({ label: 'Öffentlich' });
  await expect(row.getByRole('link', { name: /Öffentlicher Link/ })).toBeVisible();

  await upload
    .getByLabel('Datei')
    .setInputFiles({ name: 'entwurf.pdf', mimeType: 'application/pdf', buffer: minimalPdf('Entwurf') });
  await upload.getByRole('button', { name: 'Hochladen' }).click();
  const draft = list.getByRole('row', { name: /entwurf\.pdf/ });
  await expect(draft).toBeVisible();
  await draft.getByRole('button', { name: 'entwurf.pdf löschen' }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('„entwurf.pdf“ wird endgültig gelöscht.');
  await expectNoAxeViolations(page);
  await shot(page, '06-dokumente-loeschen');
  await dialog.getByRole('button', { name: 'Löschen' }).click();
  await expect(draft).toHaveCount(0);
  await expect(list.getByRole('row', { name: /kooperationsvertrag\.pdf/ })).toBeVisible();

  // The start page lists the recent document.
  await nav(page).getByRole('link', { name: 'Start' }).click();
  await expect(page.getByRole('main')).toContainText('kooperationsvertrag.pdf');
  await check(page, '06-start-mit-dokument');
  await page.context().close();
});
