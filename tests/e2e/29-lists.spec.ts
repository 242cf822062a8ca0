import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { check, expectDialogAccessible, expectFitsViewport } from './support';

/**
 * Journey 12 (distribution lists): the office builds the dynamic list "Schulleitungen Sek I in Brilon
 * und Olsberg" with the filter builder and reads the live preview, puts together a fixed list, and
 * adds a list's people as guests of a meeting. (A fresh network has no people yet: the address book
 * is filled by the people part; the preview's reasons are tested in lists.routes.test.ts.)
 */

async function phone(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await expectFitsViewport(page);
  await check(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the office builds a dynamic list with a live preview, a fixed list, and invites a list as guests', async ({
  browser,
  network,
}) => {
  const api = network.admin.api;
  const n = network.id;
  const page = await network.open(browser, network.admin, '/netzwerk/verteiler');
  await expect(page.getByText('Es gibt noch keine Verteiler.')).toBeVisible();
  await check(page, '29-lists-empty');

  await page.getByRole('button', { name: 'Verteiler anlegen' }).click();
  const dialog = page.getByRole('dialog');
  await expectDialogAccessible(page);
  await dialog.getByLabel('Name').fill('Schulleitungen Sek I in Brilon und Olsberg');
  await dialog.getByLabel('dynamisch (Filter)').check();
  await dialog.getByRole('button', { name: 'Verteiler anlegen' }).click();

  await expect(
    page.getByRole('heading', { level: 1, name: 'Schulleitungen Sek I in Brilon und Olsberg' }),
  ).toBeVisible();
  await expect(
    page.getByText('Noch keine Bedingung gewählt: Der Verteiler erreicht niemanden.'),
  ).toBeVisible();
  const filter = page.getByRole('group', { name: 'Filter' });
  await filter
    .getByRole('group', { name: 'Art der Einrichtung' })
    .getByLabel('Schule', { exact: true })
    .check();
  await filter.getByLabel(/Sekundarstufe I/).check();
  await expect(filter.getByRole('group', { name: 'Schulform' }).getByLabel('Gymnasium')).toBeChecked();
  await expect(filter.getByRole('group', { name: 'Schulform' }).getByLabel('Grundschule')).not.toBeChecked();
  await filter.getByLabel('Funktion enthält').fill('Schulleitung');
  await expect(page.getByRole('status').filter({ hasText: 'E-Mails erhalten:' })).toHaveText(
    'E-Mails erhalten: 0 · ausgelassen: 0',
  );
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Der Verteiler wurde gespeichert.')).toBeVisible();
  await check(page, '29-list-dynamic');
  await phone(page, '29-list-dynamic');

  // Saved: the filter is the server's now.
  await page.reload();
  await expect(page.getByLabel('Funktion enthält')).toHaveValue('Schulleitung');
  await expect(page.getByLabel(/Sekundarstufe I/)).toBeChecked();

  // A fixed list: people are searched and added one by one.
  await api.post(`/networks/${n}/contacts/lists`, {
    name: 'Einladung Bildungskonferenz',
    kind: 'static',
  });
  await page.goto(`/n/${n}/netzwerk/verteiler`);
  const table = page.getByRole('table');
  await expect(table.getByRole('link', { name: 'Einladung Bildungskonferenz' })).toBeVisible();
  await expect(table.getByRole('row', { name: /Schulleitungen Sek I/ })).toContainText('dynamisch');
  await check(page, '29-lists');
  await phone(page, '29-lists');
  await table.getByRole('link', { name: 'Einladung Bildungskonferenz' }).click();
  await expect(page.getByText('Noch niemand auf dem Verteiler.')).toBeVisible();
  await page.getByLabel('Person suchen').fill('Müller');
  await expect(page.getByRole('status').filter({ hasText: 'Treffer' })).toHaveText('0 Treffer');
  await check(page, '29-list-static');

  // Rundmail: nobody to mail yet; the dialog says so and the server refuses.
  await page.getByRole('button', { name: 'Rundmail' }).click();
  await expectDialogAccessible(page);
  const mail = page.getByRole('dialog');
  await mail.getByLabel('Betreff').fill('Einladung zur Bildungskonferenz');
  await mail.getByLabel('Text').fill('Wir laden Sie herzlich ein.');
  await mail.getByRole('button', { name: 'In den Postausgang legen' }).click();
  await expect(
    mail.getByText('Niemand auf diesem Verteiler kann die E-Mail erhalten.', { exact: false }),
  ).toBeVisible();
  await mail.getByRole('button', { name: 'Abbrechen' }).click();

  // Guests from a list on the meeting page.
  const meeting = await api.post<{ id: string }>(`/networks/${n}/meetings`, {
    title: 'Lenkungskreis Frühjahr',
    startsAt: '2030-03-12T14:00',
    endsAt: '2030-03-12T16:00',
    location: 'Kreishaus Meschede',
  });
  await page.goto(`/n/${n}/lenkungskreis/sitzungen/${meeting.id}`);
  const form = page.getByRole('form', { name: 'Gäste aus Verteiler hinzufügen' });
  await form.getByLabel('Verteiler').selectOption({ label: 'Einladung Bildungskonferenz (0)' });
  await form.getByRole('button', { name: 'Gäste aus Verteiler hinzufügen' }).click();
  await expect(
    page.getByText('Als Gäste hinzugefügt: 0 · schon eingeladen: 0', { exact: false }),
  ).toBeVisible();
  await check(page, '29-meeting-guests-from-list');
});
