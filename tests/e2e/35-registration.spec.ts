import { expect, test } from './fixtures';
import { linkIn, mailTo } from './mail';
import { conference2027, publishedSite } from './seed';
import { check, expectFitsViewport, newPage } from './support';

/**
 * Journey 15 (registering for the Bildungskonferenz), on a phone: a teacher registers on the public
 * event page with two workshops by priority and her accessibility needs (with consent), reads the
 * confirmation mail; her first choice is full, so she waits for it. Somebody cancels; she gets the
 * offer mail, opens her personal link and accepts: her place in the workshop is confirmed. The network,
 * the event, its programme and the other registration are set up through the API.
 */

test('a teacher registers by phone, waits for her first choice and accepts the offered place', async ({
  browser,
  network,
}) => {
  const api = network.admin.api;
  const n = network.id;
  const slug = await publishedSite(api, n, network.email('bildungsbuero'));
  let event = await conference2027(api, n, {
    venueAddress: 'Steinstraße 27, 59872 Meschede',
    capacity: 120,
    registrationDeadline: '2027-02-11T23:59',
  });
  for (const status of ['announced', 'registration_open'])
    event = await api.post(`/networks/${n}/events/${event.id}/status`, { status, version: event.version });
  const session = (kind: string, title: string, from: string, to: string, capacity: number | null) =>
    api.post<{ id: string }>(`/networks/${n}/events/${event.id}/sessions`, {
      kind,
      title,
      startsAt: `2027-02-25T${from}`,
      endsAt: `2027-02-25T${to}`,
      place: 'Kreishaus Meschede',
      capacity,
    });
  await session('plenary', 'Eröffnung und Impuls', '09:00', '10:30', null);
  const w3 = await session('workshop', 'Workshop 3: Praxisphasen in Betrieben', '10:45', '12:30', 1);
  const w4 = await session('workshop', 'Workshop 4: Ganztag gemeinsam gestalten', '13:30', '15:00', 20);
  const workshop3 = 'Workshop 3: Praxisphasen in Betrieben';

  // The last place of Workshop 3 goes to a colleague, through the public form's endpoint.
  const visitor = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await visitor.goto(`/netzwerk/${slug}/veranstaltungen/${event.id}`);
  const colleague = await visitor.request.post(
    `/api/public/networks/${slug}/events/${event.id}/registrations`,
    {
      headers: { origin: new URL(visitor.url()).origin },
      data: {
        firstName: 'Bernd',
        lastName: 'Kollege-Beispiel',
        email: network.email('bernd.kollege'),
        choices: [w3.id],
      },
    },
  );
  expect(colleague.status()).toBe(201);
  const colleagueId = (await colleague.json()).id as string;

  // The teacher on her phone: the event, the programme and the form.
  await visitor.reload();
  await expect(visitor.getByRole('heading', { level: 1, name: 'Bildungskonferenz 2027' })).toBeVisible();
  await visitor.getByLabel('Vorname').fill('Jana');
  await visitor.getByLabel('Nachname').fill('Lehrerin-Beispiel');
  const email = network.email('jana.lehrerin');
  await visitor.getByLabel('E-Mail-Adresse').fill(email);
  await visitor.getByLabel('Einrichtung').fill('Beispiel-Realschule Brilon');
  await visitor.getByLabel('Funktion').fill('Lehrerin, StuBO');
  const first = visitor.getByLabel('1. Wahl');
  await expect(first.getByRole('option', { name: new RegExp(`${workshop3}.*ausgebucht`) })).toHaveCount(1);
  await first.selectOption(w3.id);
  await visitor.getByLabel('2. Wahl').selectOption(w4.id);
  await visitor.getByLabel(/willige ein, dass sie für diese Veranstaltung gespeichert werden/).check();
  await visitor.getByLabel(/Barrierefreiheit \(z\. B\./).fill('Induktionsschleife für mein Hörgerät');
  await expectFitsViewport(visitor);
  await check(visitor, '35-public-form-390');
  await visitor.getByRole('button', { name: 'Verbindlich anmelden' }).click();
  await expect(visitor.getByText('Sie sind angemeldet.')).toBeVisible();
  await expect(
    visitor.getByText(`2. Wahl: Workshop 4: Ganztag gemeinsam gestalten – bestätigt`),
  ).toBeVisible();
  await expect(visitor.getByText(`1. Wahl: ${workshop3} – Warteliste, Platz 1`)).toBeVisible();

  // The confirmation mail: her personal link and the calendar entry.
  const confirmation = await mailTo(email, /^Anmeldebestätigung: Bildungskonferenz 2027$/);
  expect(confirmation.attachments.some((a) => a.contentType.startsWith('text/calendar'))).toBe(true);
  linkIn(confirmation, /^\/veranstaltung\/anmeldung\//);

  // The colleague cancels (the office enters it): the place is offered to her.
  await api.post(`/networks/${n}/events/${event.id}/registrations/${colleagueId}/cancel`);
  const offer = await mailTo(email, /^Ein Platz ist frei geworden: Bildungskonferenz 2027$/);
  expect(offer.text).toContain(workshop3);
  // Each mail carries a link of its own to the same personal page.
  await visitor.goto(linkIn(offer, /^\/veranstaltung\/anmeldung\//));
  await expect(
    visitor.getByRole('heading', { level: 1, name: 'Ihre Anmeldung: Bildungskonferenz 2027' }),
  ).toBeVisible();
  await expect(visitor.getByText(new RegExp(`${workshop3} – gültig bis`))).toBeVisible();
  await expect(
    visitor.getByRole('img', { name: 'QR-Code der Anmeldung von Jana Lehrerin-Beispiel' }),
  ).toBeVisible();
  await expectFitsViewport(visitor);
  await check(visitor, '35-my-registration-offer-390');
  await visitor.getByRole('button', { name: 'Platz annehmen' }).click();
  await expect(visitor.getByText('Sie haben den Platz angenommen.')).toBeVisible();
  await expect(visitor.getByText(`1. Wahl: ${workshop3} – bestätigt`)).toBeVisible();
  await expect(visitor.getByRole('button', { name: 'Platz annehmen' })).toHaveCount(0);
  await check(visitor, '35-my-registration-confirmed-390');
  await mailTo(email, /^Platz bestätigt: Bildungskonferenz 2027$/);
});
