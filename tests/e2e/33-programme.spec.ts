import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { conference2027, publishedSite } from './seed';
import { check, expectDialogAccessible, expectFitsViewport, fillTime, newPage } from './support';

/**
 * Issue 11, programme and rooms (journey 14): the office records rooms of the Kreishaus, books a room
 * for the Bildungskonferenz (a double booking is refused, naming the other booking), builds a plenary
 * and two parallel workshops, adds a speaker from the address book and records her acceptance. The
 * events themselves are created through the planning part's API.
 */

async function phone(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await expectFitsViewport(page);
  await check(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the office adds rooms, books one (double booking refused) and builds the programme with a speaker', async ({
  browser,
  network,
}) => {
  const office = await network.account('office');
  const n = `/networks/${network.id}`;
  const conference = await conference2027(office.api, network.id);
  const meeting = await office.api.post<{ id: string }>(`${n}/events`, {
    type: 'network_meeting',
    title: 'Netzwerktreffen Übergang Schule–Beruf',
    startsAt: '2027-02-25T09:00',
    endsAt: '2027-02-25T16:00',
    public: true,
  });
  await office.api.post(`${n}/contacts/people`, {
    salutation: 'Frau',
    firstName: 'Anna',
    lastName: 'Beispiel',
    email: 'anna.beispiel@beispiel.example',
  });
  for (const [name, capacity] of [
    ['Kreistagssaal', 200],
    ['Sitzungsraum 1', 30],
  ] as const)
    await office.api.post(`${n}/events/resources`, {
      kind: 'room',
      name,
      capacity,
      location: 'Kreishaus Meschede',
    });

  // Räume & Technik: a room added through the form.
  const page = await network.open(browser, office, '/veranstaltungen/raeume');
  await expect(page.getByRole('heading', { level: 1, name: 'Räume & Technik' })).toBeVisible();
  await page.getByRole('button', { name: 'Raum oder Technik anlegen' }).click();
  const dialog = page.getByRole('dialog');
  await expectDialogAccessible(page);
  await dialog.getByLabel('Name').fill('Sitzungsraum 2');
  await dialog.getByLabel('Ort').fill('Kreishaus Meschede');
  await dialog.getByLabel('Plätze').fill('30');
  await dialog.getByLabel('stufenlos erreichbar').check();
  await dialog.getByLabel('Aufzug').check();
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toBeHidden();
  const rooms = page.getByRole('table').first();
  await expect(rooms.getByRole('row', { name: /Sitzungsraum 2/ })).toContainText(
    'stufenlos erreichbar, Aufzug',
  );

  // The network meeting has Sitzungsraum 2 all day.
  const resources = await office.api.get<{ id: string; name: string }[]>(`${n}/events/resources`);
  const raum2 = resources.find((r) => r.name === 'Sitzungsraum 2')!;
  await office.api.post(`${n}/events/${meeting.id}/bookings`, { resourceId: raum2.id });
  await page.reload();
  await expect(rooms.getByRole('row', { name: /Sitzungsraum 2/ })).toContainText(
    'Netzwerktreffen Übergang Schule–Beruf',
  );
  await check(page, '33-resources');

  // The programme: booking Sitzungsraum 2 for the conference is refused, naming the other booking.
  await page.goto(`/n/${network.id}/veranstaltungen/${conference.id}/programm`);
  await expect(page.getByRole('heading', { level: 1, name: 'Programm' })).toBeVisible();
  await page.getByRole('button', { name: 'Raum buchen' }).click();
  await expectDialogAccessible(page);
  await dialog.getByLabel('Raum oder Gerät').selectOption({ label: 'Sitzungsraum 2 (30 Plätze)' });
  await dialog.getByRole('button', { name: 'Raum buchen' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'Sitzungsraum 2 ist am 25.02.2027 von 9:00 bis 16:00 Uhr schon für „Netzwerktreffen Übergang Schule–Beruf“ gebucht.',
  );
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();

  // A plenary in the Kreistagssaal, then two parallel workshops.
  const addSession = async (
    kind: string,
    title: string,
    from: string,
    to: string,
    room: string,
    places?: string,
  ) => {
    await page.getByRole('button', { name: 'Programmpunkt anlegen' }).click();
    await dialog.getByLabel('Art des Programmpunkts').selectOption({ label: kind });
    await dialog.getByLabel('Titel').fill(title);
    await fillTime(dialog, 'Beginn', from);
    await fillTime(dialog, 'Ende', to);
    await dialog.getByLabel('Raum', { exact: true }).selectOption({ label: room });
    if (places) await dialog.getByLabel('Plätze im Programmpunkt').fill(places);
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await expect(dialog).toBeHidden();
  };
  await addSession('Plenum', 'Eröffnung und Impuls', '09:00', '10:30', 'Kreistagssaal (200 Plätze)');
  await addSession(
    'Workshop',
    'Workshop 1: Berufsorientierung in der Sek I',
    '10:45',
    '12:30',
    'Sitzungsraum 1 (30 Plätze)',
    '24',
  );
  await page.getByRole('button', { name: 'Programmpunkt anlegen' }).click();
  await expectDialogAccessible(page);
  await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  await addSession(
    'Workshop',
    'Workshop 2: Praxisphasen in Betrieben',
    '10:45',
    '12:30',
    'Kein Raum (freier Ort)',
    '12',
  );

  const slot = page.getByRole('region', { name: /10:45 bis 12:30 Uhr/ });
  await expect(slot.getByRole('article')).toHaveCount(2);
  await expect(page.getByRole('heading', { level: 2, name: /9:00 bis 10:30 Uhr/ })).toBeVisible();

  // A speaker from the address book, first asked, then confirmed.
  const workshop = slot.getByRole('article', { name: 'Workshop 1: Berufsorientierung in der Sek I' });
  await workshop.getByRole('button', { name: /Person eintragen/ }).click();
  await expectDialogAccessible(page);
  await dialog.getByLabel('Person im Adressbuch suchen').fill('Beisp');
  await expect(dialog.getByLabel('Person', { exact: true })).toHaveValue(/[0-9a-f-]{36}/);
  await dialog.getByRole('button', { name: 'Person eintragen' }).click();
  await expect(dialog).toBeHidden();
  const status = workshop.getByLabel('Stand der Abstimmung mit Anna Beispiel');
  await expect(status).toHaveValue('asked');
  await status.selectOption({ label: 'zugesagt' });
  await expect(status).toHaveValue('confirmed');
  await page.reload();
  await expect(page.getByLabel('Stand der Abstimmung mit Anna Beispiel')).toHaveValue('confirmed');
  await expect(page.getByRole('table')).toContainText('Kreistagssaal');
  await check(page, '33-programme');
  await phone(page, '33-programme');

  const pub = await office.api.get<{
    slots: { sessions: { title: string; speakers: { name: string }[] }[] }[];
  }>(`${n}/events/${conference.id}/sessions`);
  expect(pub.slots).toHaveLength(2);

  // The public: the network page announces the conference; its page shows the timetable with times,
  // rooms and the confirmed speaker.
  const slug = await publishedSite(network.admin.api, network.id);
  const visitor = await newPage(browser);
  await visitor.goto(`/netzwerk/${slug}`);
  const events = visitor.getByRole('region', { name: 'Veranstaltungen' });
  await expect(events).toContainText('Donnerstag, 25.02.2027, von 09:00 bis 16:00 Uhr · Kreishaus Meschede');
  await check(visitor, '33-public-network');
  await events.getByRole('link', { name: 'Bildungskonferenz 2027' }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: 'Bildungskonferenz 2027' })).toBeVisible();
  const timetable = visitor.getByRole('region', { name: 'Programm' });
  await expect(timetable.getByRole('heading', { level: 3, name: '10:45 bis 12:30 Uhr' })).toBeVisible();
  await expect(timetable).toContainText('Eröffnung und Impuls');
  await expect(timetable).toContainText('Kreistagssaal');
  await expect(timetable).toContainText('Anna Beispiel');
  await check(visitor, '33-public-event');
  await phone(visitor, '33-public-event');
});
