import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { publishedSite } from './seed';
import { check, expectDialogAccessible, expectFitsViewport, fillDateTime, newPage } from './support';

/**
 * Journey 13 (planning the Bildungskonferenz): the office creates "Bildungskonferenz 2027" from the
 * conference template, reads the checklist with its due days, ticks a step, moves the status on to
 * "Anmeldung offen"; the public events page of the network lists it. Start shows the office an overdue
 * step of another event, linking to that event.
 */

async function phone(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await expectFitsViewport(page);
  await check(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the office plans the Bildungskonferenz and the public finds it', async ({ browser, network }) => {
  const api = network.admin.api;
  const n = network.id;
  const slug = await publishedSite(api, n);
  const staff = await api.post<{ id: string }>(`/networks/${n}/events`, {
    type: 'staff_meeting',
    title: 'Dienstbesprechung Bildungsbüro',
    startsAt: '2026-12-14T10:00',
    endsAt: '2026-12-14T12:00',
  });
  // A step that fell due three days ago (Berlin day): Start lists it as overdue.
  const pastDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
    new Date(Date.now() - 3 * 86_400_000),
  );
  await api.post(`/networks/${n}/events/${staff.id}/tasks`, {
    title: 'Raum für die Dienstbesprechung reservieren',
    dueOn: pastDay,
  });

  // Start: the overdue step, with its event and since when, links to the event's overview.
  const page = await network.open(browser, network.admin, '/start');
  const card = page.getByRole('article', { name: 'Fällige Planungsschritte' });
  const item = card.getByRole('listitem').filter({ hasText: 'Raum für die Dienstbesprechung reservieren' });
  await expect(item).toContainText('Dienstbesprechung Bildungsbüro');
  await expect(item).toContainText(`überfällig seit ${pastDay.split('-').reverse().join('.')}`);
  await check(page, '32-start');
  await phone(page, '32-start');
  await item.getByRole('link', { name: 'Raum für die Dienstbesprechung reservieren' }).click();
  await expect(page.locator('.bn-event-head')).toContainText('Dienstbesprechung Bildungsbüro');
  await page.getByRole('link', { name: 'Veranstaltungen', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Veranstaltungen' })).toBeVisible();
  await page.getByRole('button', { name: 'Veranstaltung anlegen' }).click();
  const dialog = page.getByRole('dialog');
  await expectDialogAccessible(page);
  await dialog.getByLabel('Art').selectOption('conference');
  await dialog.getByLabel('Titel').fill('Bildungskonferenz 2027');
  await fillDateTime(dialog, 'Beginn', '2027-02-25T09:00');
  await fillDateTime(dialog, 'Ende', '2027-02-25T16:00');
  await dialog.getByLabel('Ort').fill('Kreishaus Meschede');
  await dialog.getByLabel('Plätze').fill('120');
  await dialog.getByLabel(/Öffentlich/).check();
  await dialog.getByRole('button', { name: 'Anlegen' }).click();

  // The overview: the head names the event and its time, the checklist comes from the template.
  await expect(page.getByRole('heading', { level: 1, name: 'Überblick' })).toBeVisible();
  await expect(page.locator('.bn-event-head')).toContainText(
    'Bildungskonferenz · Do., 25.02.2027, 9:00–16:00 Uhr · Kreishaus Meschede',
  );
  const steps = page.getByRole('table', { name: 'Planungsschritte' });
  await expect(steps.getByRole('row', { name: /Räume buchen/ })).toContainText('31.12.2026');
  await expect(steps.getByRole('row', { name: /Einladungen versenden/ })).toContainText('14.01.2027');
  await expect(steps.getByRole('row', { name: /Anmeldung schließen/ })).toContainText('11.02.2027');
  await check(page, '32-event-overview');

  // The tick is saved first, then shown (the checkbox follows the server).
  await page.getByLabel('„Räume buchen“ erledigt').click();
  await expect(page.getByText('„Räume buchen“ ist erledigt.')).toBeVisible();
  await expect(page.getByLabel('„Räume buchen“ erledigt')).toBeChecked();
  await expect(page.getByText(/1 von \d+ Schritten erledigt/)).toBeVisible();

  await page.getByRole('button', { name: 'Weiter: Angekündigt' }).click();
  await expect(page.getByText('Der Stand ist jetzt „Angekündigt“.')).toBeVisible();
  await page.getByRole('button', { name: 'Weiter: Anmeldung offen' }).click();
  await expect(page.getByText('Der Stand ist jetzt „Anmeldung offen“.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Anmeldung offen' }).first()).toHaveAttribute(
    'aria-current',
    'step',
  );
  await check(page, '32-event-status');
  await phone(page, '32-event-overview');

  // The list: grouped by year, the conference first.
  await page.getByRole('link', { name: 'Veranstaltungen', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 2, name: '2027' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Veranstaltungen 2027' })).toContainText(
    'Bildungskonferenz 2027',
  );
  await expect(page.getByRole('table', { name: 'Veranstaltungen 2026' })).toContainText('intern');
  await check(page, '32-events');
  await phone(page, '32-events');

  // The public: the public events page lists the conference, not the internal meeting.
  const visitor = await newPage(browser);
  await visitor.goto(`/netzwerk/${slug}/veranstaltungen`);
  await expect(visitor.getByRole('heading', { level: 1, name: 'Veranstaltungen' })).toBeVisible();
  await expect(visitor.getByRole('link', { name: 'Bildungskonferenz 2027' })).toBeVisible();
  await expect(visitor.getByText('Dienstbesprechung')).toHaveCount(0);
  await expect(visitor.getByText('Anmeldung offen')).toBeVisible();
  await check(visitor, '32-public-events');
  await phone(visitor, '32-public-events');
});
