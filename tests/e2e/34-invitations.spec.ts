import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { mailTo } from './mail';
import { check, expectFitsViewport, expectNoAxeViolations } from './support';

/**
 * Journey 14 (invitations to the Bildungskonferenz): the office invites the list "Einladung
 * Bildungskonferenz" after looking at the preview, sends, sees the counts; an invitee declines by
 * their link; the office reminds those who have not answered. The event and the address book are set
 * up through the API (the planning part and the address book have their own journeys).
 */

async function phone(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await expectFitsViewport(page);
  await check(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the office invites a list with a preview, sees the counts and sends a reminder', async ({
  browser,
  network,
}) => {
  const api = network.admin.api;
  const n = network.id;
  const tag = Math.random().toString(36).slice(2, 8);
  const event = await api.post<{ id: string }>(`/networks/${n}/events`, {
    type: 'conference',
    title: 'Bildungskonferenz 2027',
    startsAt: '2027-02-25T09:00',
    endsAt: '2027-02-25T16:00',
    venue: 'Kreishaus Meschede',
    venueAddress: 'Steinstraße 27, 59872 Meschede',
    public: true,
  });
  const people: string[] = [];
  for (const [firstName, lastName, email] of [
    ['Anna', 'Müller-Beispiel', `anna.${tag}@schule.example`],
    ['Bernd', 'Schulte-Beispiel', `bernd.${tag}@schule.example`],
    ['Carla', 'Hoffmann-Beispiel', `carla.${tag}@schule.example`],
    ['Emil', 'Ohnepost-Beispiel', ''],
  ] as const) {
    const p = await api.post<{ id: string }>(`/networks/${n}/contacts/people`, {
      firstName,
      lastName,
      ...(email ? { email } : {}),
    });
    people.push(p.id);
  }
  const list = await api.post<{ id: string }>(`/networks/${n}/contacts/lists`, {
    name: 'Einladung Bildungskonferenz',
    kind: 'static',
  });
  await api.post(`/networks/${n}/contacts/lists/${list.id}/members`, { personIds: people });

  const page = await network.open(browser, network.admin, `/veranstaltungen/${event.id}/einladungen`);
  await expect(page.getByRole('heading', { level: 1, name: 'Einladungen' })).toBeVisible();
  await expect(page.getByText('Noch niemand eingeladen.')).toBeVisible();
  await expect(page.getByLabel('Betreff')).toHaveValue('Einladung: Bildungskonferenz 2027');
  await expect(page.getByLabel('Text der Einladung')).toHaveValue(/Kreishaus Meschede/);
  await check(page, '34-invitations-empty');

  await page.getByLabel('Verteiler').selectOption({ label: 'Einladung Bildungskonferenz' });
  await page.getByRole('button', { name: 'Vorschau' }).click();
  const preview = page.getByRole('region', { name: 'Vorschau' });
  await expect(preview.getByText('Die Einladung geht an 3 Personen.')).toBeVisible();
  await expect(preview.getByText('1 ohne E-Mail-Adresse')).toBeVisible();
  await expect(
    preview.getByText(/Ihre persönliche Anmeldung \(auch zum Absagen\): \[persönlicher Link\]/),
  ).toBeVisible();
  await check(page, '34-invitations-preview');

  await page.getByRole('button', { name: 'Einladungen versenden' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Einladungen versenden?' });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page, '[role="alertdialog"]');
  await expect(dialog.getByText('Die Einladung geht jetzt an 3 Personen.', { exact: false })).toBeVisible();
  await dialog.getByRole('button', { name: 'An 3 Personen versenden' }).click();
  await expect(page.getByText('Die Einladung wurde an 3 Personen versandt.')).toBeVisible();
  const mailings = page.getByRole('table', { name: 'Versände' });
  await expect(mailings.getByRole('row').nth(1)).toContainText('Einladung Bildungskonferenz');
  await expect(mailings.getByRole('row').nth(1)).toContainText('Versandt');
  const counts = page.getByRole('definition');
  await expect(counts.first()).toHaveText('3');
  await expect(page.getByRole('table', { name: 'Eingeladene' }).getByRole('row')).toHaveCount(4);

  // Anna's mail: her personal link and the calendar entry; she declines through the link.
  const mail = await mailTo(`anna.${tag}@schule.example`, /Einladung: Bildungskonferenz 2027/);
  expect(mail.attachments.some((a) => a.contentType.startsWith('text/calendar'))).toBe(true);
  const token = /\/veranstaltung\/einladung\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')![1]!;
  const declined = await page.request.post(`/api/event-invitations/${token}/decline`, {
    headers: { origin: new URL(page.url()).origin },
  });
  expect(declined.status()).toBe(200);

  await page.reload();
  await expect(page.getByText('2 Eingeladene haben noch nicht geantwortet.')).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Eingeladene' }).getByRole('row', { name: /Anna Müller-Beispiel/ }),
  ).toContainText('abgesagt');
  await check(page, '34-invitations-sent');
  await phone(page, '34-invitations-sent');

  await page.getByRole('button', { name: 'Erinnerung senden' }).click();
  await expect(page.getByRole('alertdialog', { name: 'Erinnerung senden?' })).toBeVisible();
  await expectNoAxeViolations(page, '[role="alertdialog"]');
  await page.getByRole('alertdialog').getByRole('button', { name: 'An 2 Personen senden' }).click();
  await expect(page.getByText('Die Erinnerung wurde an 2 Personen versandt.')).toBeVisible();
  // Bernd and Carla got the reminder (Anna declined); a later reminder would go to them again.
  await expect(
    page.getByRole('table', { name: 'Eingeladene' }).getByRole('row', { name: /Bernd Schulte-Beispiel/ }),
  ).toContainText(/\d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr.*\d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr/);
  await expect(
    page.getByRole('table', { name: 'Eingeladene' }).getByRole('row', { name: /Anna Müller-Beispiel/ }),
  ).toContainText('–');
  await expect(mailings.getByRole('row').nth(1)).toContainText('Erinnerung');
  await mailTo(`bernd.${tag}@schule.example`, /Erinnerung: Bildungskonferenz 2027/);
  await check(page, '34-invitations-reminded');
});
