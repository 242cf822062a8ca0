import { expect, test } from './fixtures';
import { berlinDay } from './meeting-support';
import { jointField } from './seed';
import { check, expectDialogAccessible, expectFitsViewport, shot } from './support';

/*
 * Journey 16, the documentation's part: after last year's conference the office documents a workshop
 * (results and a photo with the consent of those shown), publishes the documentation, edits and agrees
 * two recommendations and hands them to the steering committee; the next planned meeting has them on its
 * agenda. The event, its sessions and the meeting are set up through the API.
 */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

test('documentation: a workshop documented and published, two recommendations handed to the committee', async ({
  browser,
  network,
}) => {
  const fieldId = await jointField(network.admin.api, network.id);
  const office = await network.account('office');
  const committee = await network.account('committee');
  const n = `/networks/${network.id}`;
  const year = Number(berlinDay().slice(0, 4)) + 1;
  const meeting = await office.api.post<{ id: string }>(`${n}/meetings`, {
    title: 'Frühjahrssitzung des Lenkungskreises',
    startsAt: `${year}-03-12T14:00`,
    endsAt: `${year}-03-12T16:00`,
    location: 'Kreishaus Meschede',
  });
  const ev = await office.api.post<{ id: string }>(`${n}/events`, {
    type: 'conference',
    title: 'Bildungskonferenz 2026',
    startsAt: '2026-06-18T09:00',
    endsAt: '2026-06-18T16:00',
    venue: 'Kreishaus Meschede',
    public: true,
  });
  const e = `${n}/events/${ev.id}`;
  await office.api.post(`${e}/sessions`, {
    kind: 'plenary',
    title: 'Eröffnung und Impulsvortrag',
    startsAt: '2026-06-18T09:00',
    endsAt: '2026-06-18T10:00',
  });
  await office.api.post(`${e}/sessions`, {
    kind: 'workshop',
    title: 'Workshop Übergang Schule–Beruf',
    startsAt: '2026-06-18T10:30',
    endsAt: '2026-06-18T12:00',
  });
  for (const title of ['Praxisphasen ausbauen', 'Elternarbeit stärken'])
    await committee.api.post(`${e}/recommendations`, { title, fieldId });

  const page = await network.open(browser, office, `/veranstaltungen/${ev.id}/dokumentation`);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Dokumentation: Bildungskonferenz 2026' }),
  ).toBeVisible();
  await check(page, '37-dokumentation');

  // The workshop's results and a photo with consent.
  const workshop = page.getByRole('article', { name: 'Workshop Übergang Schule–Beruf' });
  await workshop
    .getByLabel('Ergebnisse: Workshop Übergang Schule–Beruf')
    .fill('Drei Vorschläge für mehr Praxistage.');
  await workshop.getByRole('button', { name: 'Ergebnisse speichern' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Die Ergebnisse von „Workshop Übergang Schule–Beruf“ sind gespeichert.',
  );
  await workshop
    .getByLabel('Datei oder Foto auswählen')
    .setInputFiles({ name: 'gruppenarbeit.png', mimeType: 'image/png', buffer: PNG });
  await workshop.getByLabel('Art').selectOption('photo');
  await workshop.getByLabel('Beschriftung').fill('Gruppenarbeit im Workshop');
  await workshop.getByLabel('Die abgebildeten Personen haben der Veröffentlichung zugestimmt').check();
  await workshop.getByRole('button', { name: 'Hochladen' }).click();
  await expect(workshop.getByRole('link', { name: 'gruppenarbeit.png' })).toBeVisible();
  await expect(workshop).toContainText('Einwilligung liegt vor');
  // The photo shows itself in the list (loaded, not a broken image).
  const thumb = workshop.getByRole('link', { name: 'gruppenarbeit.png' }).locator('img');
  await expect
    .poll(() => thumb.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0)))
    .toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Veröffentlichen' }).click();
  await expect(page.getByText(/Veröffentlicht am/).first()).toBeVisible();

  // Two recommendations edited and agreed.
  const recs = page.getByRole('region', { name: 'Empfehlungen' });
  for (const [title, text] of [
    ['Praxisphasen ausbauen', 'Praxisphasen in allen Schulformen ab Klasse 8 anbieten.'],
    ['Elternarbeit stärken', 'Eltern früh in die Berufsorientierung einbeziehen.'],
  ] as const) {
    await recs.getByRole('button', { name: `Bearbeiten „${title}“` }).click();
    const dialog = page.getByRole('dialog', { name: 'Empfehlung bearbeiten' });
    await dialog.getByLabel('Text der Empfehlung').fill(text);
    await dialog
      .getByLabel('Aus dem Programmpunkt')
      .selectOption({ label: 'Workshop Übergang Schule–Beruf' });
    await dialog.getByRole('button', { name: 'Speichern' }).click();
    await expect(dialog).toHaveCount(0);
    // The list is read again before the next step (its version changed).
    await expect(page.getByRole('status')).toContainText(`Die Empfehlung „${title}“ ist gespeichert.`);
    await recs.getByRole('button', { name: `Zustimmen „${title}“` }).click();
    await expect(page.getByRole('status')).toContainText(`Der Empfehlung „${title}“ ist zugestimmt.`);
  }
  await recs.getByLabel('„Praxisphasen ausbauen“ auswählen').check();
  await recs.getByLabel('„Elternarbeit stärken“ auswählen').check();
  await recs.getByRole('button', { name: '2 Empfehlungen an den Lenkungskreis übergeben' }).click();
  const hand = page.getByRole('dialog', { name: 'An den Lenkungskreis übergeben' });
  await expect(hand).toContainText('Tagesordnung von „Frühjahrssitzung des Lenkungskreises“');
  await expectDialogAccessible(page);
  await shot(page, '37-uebergabe');
  await hand.getByRole('button', { name: '2 Empfehlungen übergeben' }).click();
  await expect(page.getByRole('status')).toContainText(
    '2 Empfehlungen stehen jetzt auf der Tagesordnung von „Frühjahrssitzung des Lenkungskreises“.',
  );
  await expect(recs.getByText('An den Lenkungskreis übergeben')).toHaveCount(2);
  await check(page, '37-dokumentation-uebergeben');
  await page.setViewportSize({ width: 390, height: 800 });
  await expectFitsViewport(page);
  await shot(page, '37-dokumentation-390');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The next meeting has them on its agenda.
  // The link lands on the recommendation's own agenda item, focused and in view.
  await recs
    .getByRole('listitem')
    .filter({ hasText: 'Elternarbeit stärken' })
    .getByRole('link', { name: 'Frühjahrssitzung des Lenkungskreises' })
    .click();
  await expect(page).toHaveURL(new RegExp(`/lenkungskreis/sitzungen/${meeting.id}#item-`));
  const landed = page.locator('article.bn-item').filter({ has: page.locator('h3:focus') });
  await expect(landed).toContainText('Empfehlung der Bildungskonferenz 2026: Elternarbeit stärken');
  await expect(landed).toBeInViewport();
  await expect(
    page.getByText('Empfehlung der Bildungskonferenz 2026: Praxisphasen ausbauen').first(),
  ).toBeVisible();
  await expect(
    page.getByText('Empfehlung der Bildungskonferenz 2026: Elternarbeit stärken').first(),
  ).toBeVisible();
  await check(page, '37-sitzung-tagesordnung');
});
