import { expect, test } from './fixtures';
import { mailTo } from './mail';
import { conferenceWithWorkshop } from './seed';
import { check, expectFitsViewport, expectNoAxeViolations } from './support';

/**
 * Issue 11, the office's registrations (journeys 14 and 15 from the office's side): the conference is
 * full; a head teacher calls and is recorded on the waiting list; the office finds the waiting list and,
 * by search, a participant who cancels by phone; the place is offered to the waiting head teacher by
 * mail. A long list is shown fifty at a time. The event and the earlier registrations come through the API.
 */
test('the office records a registration by phone, filters the list and cancels one: the place is offered', async ({
  browser,
  network,
}) => {
  const office = await network.account('office');
  const { ev, e, workshop } = await conferenceWithWorkshop(office.api, network.id, {
    event: 52,
    workshop: 1,
  });
  // 52 places, all taken: Bernd Müller-Beispiel (with the workshop's one place) and 51 colleagues, the
  // first of them waiting for the workshop.
  await office.api.post(`${e}/registrations`, {
    firstName: 'Bernd',
    lastName: 'Müller-Beispiel',
    institution: 'Beispiel-Realschule Brilon',
    email: network.email('bernd.mueller'),
    choices: [workshop.id],
  });
  for (let i = 1; i <= 51; i += 1)
    await office.api.post(`${e}/registrations`, {
      firstName: 'Person',
      lastName: `Beispiel ${String(i).padStart(2, '0')}`,
      email: network.email(`person${i}`),
      choices: i === 1 ? [workshop.id] : [],
    });

  const page = await network.open(browser, office, `/veranstaltungen/${ev.id}/anmeldungen`);
  await expect(page.getByRole('heading', { level: 1, name: 'Anmeldungen' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(
    '52 von 52 Plätzen bestätigt, 0 angeboten, 0 auf der Warteliste.',
  );
  await expect(page.getByText('50 von 52 angezeigt')).toBeVisible();
  await check(page, '39-anmeldungen');

  // A head teacher calls: recorded by the office, she waits (the deadline would not stop the office).
  await page.getByRole('button', { name: 'Anmeldung erfassen' }).click();
  const form = page.getByRole('region', { name: 'Anmeldung erfassen (z. B. telefonisch)' });
  await form.getByLabel('Vorname').fill('Clara');
  await form.getByLabel('Nachname').fill('Telefon-Beispiel');
  await form.getByLabel('E-Mail-Adresse').fill(network.email('clara.telefon'));
  await form.getByLabel('Einrichtung').fill('Beispiel-Gymnasium Olsberg');
  await form.getByLabel('1. Wahl').selectOption(workshop.id);
  await check(page, '39-anmeldung-erfassen');
  await form.getByRole('button', { name: 'Anmeldung speichern' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Die Anmeldung von Clara Telefon-Beispiel ist gespeichert' }),
  ).toContainText('Warteliste, Platz 1');
  await mailTo(network.email('clara.telefon'), /^Warteliste: Bildungskonferenz 2027$/);
  await expect(page.getByText('50 von 53 angezeigt')).toBeVisible();

  // The rest of the list, then the waiting list alone.
  await page.getByRole('button', { name: 'Weitere laden' }).click();
  await expect(page.getByText('53 von 53 angezeigt')).toBeVisible();
  await page.getByLabel('Platz', { exact: true }).selectOption({ label: 'Warteliste' });
  await expect(page.getByText('1 von 1 angezeigt')).toBeVisible();
  const list = page.getByRole('region', { name: '53 Anmeldungen' });
  await expect(list.getByRole('row', { name: /Telefon-Beispiel, Clara/ })).toContainText(
    'Warteliste, Platz 1',
  );
  // Who waits for the workshop: with the workshop chosen, "Platz" is the place in it.
  await page
    .getByLabel('Workshop', { exact: true })
    .selectOption({ label: 'Workshop A: Übergang Schule–Beruf' });
  await expect(page.getByText('2 von 2 angezeigt')).toBeVisible();
  await expect(list.getByRole('row', { name: /Beispiel 01, Person/ })).toContainText(
    'Workshop A: Übergang Schule–Beruf: Warteliste, Platz 1',
  );
  await page.getByLabel('Workshop', { exact: true }).selectOption({ label: 'alle Workshops' });

  // Bernd cancels by phone: found by search without the umlaut, cancelled after a look.
  await page.getByLabel('Platz', { exact: true }).selectOption({ label: 'alle' });
  await page.getByLabel('Name, E-Mail oder Einrichtung').fill('mueller brilon');
  await expect(page.getByText('1 von 1 angezeigt')).toBeVisible();
  await page.getByRole('button', { name: 'Stornieren: Bernd Müller-Beispiel' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Anmeldung von Bernd Müller-Beispiel stornieren?' });
  await expect(confirm).toContainText('nächsten Person auf der Warteliste angeboten');
  await expectNoAxeViolations(page);
  await confirm.getByRole('button', { name: 'Stornieren' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Die Anmeldung ist storniert' })).toBeVisible();
  await expect(list.getByRole('row', { name: /Müller-Beispiel, Bernd/ })).toContainText('abgemeldet');

  // The freed places are offered: the workshop's to Person Beispiel 01, the event's to Clara (by mail too).
  await page.getByLabel('Name, E-Mail oder Einrichtung').fill('beispiel 01');
  await expect(list.getByRole('row', { name: /Beispiel 01, Person/ })).toContainText(
    'Workshop A: Übergang Schule–Beruf: Platz angeboten',
  );
  await page.getByLabel('Name, E-Mail oder Einrichtung').fill('clara');
  await expect(list.getByRole('row', { name: /Telefon-Beispiel, Clara/ })).toContainText('Platz angeboten');
  await mailTo(network.email('clara.telefon'), /^Ein Platz ist frei geworden: Bildungskonferenz 2027$/);
  await check(page, '39-anmeldungen-angebot');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectFitsViewport(page);
  await check(page, '39-anmeldungen-390');
});
