import { expect, test } from './fixtures';
import { check, expectDialogAccessible, expectFitsViewport } from './support';

/**
 * Issue 10 (Netzwerk: Personen, Einrichtungen): the office searches the address book as it types
 * (umlauts typed as ue), opens a person, edits the record and adds a function at an institution; the
 * institution shows the people working there; everything fits a phone.
 */
test('address book: search a person, open, edit, add a function; institutions; phone width', async ({
  browser,
  network,
}) => {
  const office = await network.account('office');
  const base = `/networks/${network.id}/contacts`;
  const school = await office.api.post<{ id: string }>(`${base}/institutions`, {
    name: 'Beispiel-Gymnasium Brilon',
    type: 'school',
    schoolNumber: '199999',
    schoolType: 'Gymnasium',
    street: 'Schulstraße 1',
    postalCode: '59929',
    place: 'Brilon',
  });
  await office.api.post(`${base}/institutions`, {
    name: 'Beispiel-Kita Sonnenschein Olsberg',
    type: 'kita',
    place: 'Olsberg',
  });
  const jana = await office.api.post<{ id: string }>(`${base}/people`, {
    salutation: 'Frau',
    title: 'Dr.',
    firstName: 'Jana',
    lastName: 'Müller-Beispiel',
    email: 'jana.mueller@beispiel.example',
    multiplier: true,
    multiplierTopics: ['Übergang Schule–Beruf'],
  });
  await office.api.post(`${base}/people/${jana.id}/affiliations`, {
    institutionId: school.id,
    function: 'Schulleitung',
  });
  await office.api.post(`${base}/people`, { firstName: 'Ole', lastName: 'Straße-Beispiel' });

  const page = await network.open(browser, office, '/netzwerk/personen');
  await expect(page.getByRole('heading', { level: 1, name: 'Personen' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '2 Personen gefunden' })).toBeVisible();
  await page.getByLabel('Personen suchen').fill('mueller');
  await expect(page.getByRole('status').filter({ hasText: '1 Person gefunden' })).toBeVisible();
  const row = page.getByRole('row', { name: /Dr\. Jana Müller-Beispiel/ });
  await expect(row).toContainText('Schulleitung, Beispiel-Gymnasium Brilon');
  await check(page, '28-personen-suche');

  await row.getByRole('link', { name: 'Dr. Jana Müller-Beispiel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dr. Jana Müller-Beispiel' })).toBeVisible();
  await expect(page.getByText('Übergang Schule–Beruf')).toBeVisible();

  await page.getByRole('button', { name: 'Bearbeiten' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Telefon').fill('02961 123456');
  await expectDialogAccessible(page);
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Die Änderungen sind gespeichert.')).toBeVisible();
  await expect(page.getByText('02961 123456')).toBeVisible();

  const add = page.getByRole('form', { name: 'Funktion hinzufügen' });
  await add.getByLabel('Einrichtung').selectOption({ label: 'Beispiel-Kita Sonnenschein Olsberg (Olsberg)' });
  await add.getByLabel('Funktion').fill('Elternbeirat');
  await add.getByRole('button', { name: 'Funktion hinzufügen' }).click();
  await expect(page.getByText('Funktion „Elternbeirat“ hinzugefügt.')).toBeVisible();
  const functions = page.getByRole('region', { name: 'Funktionen' });
  await expect(functions.getByRole('listitem')).toHaveCount(2);
  await check(page, '28-person');

  await functions.getByRole('link', { name: 'Beispiel-Gymnasium Brilon' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beispiel-Gymnasium Brilon' })).toBeVisible();
  await expect(page.getByRole('region', { name: '1 Person arbeitet hier' })).toContainText(
    'Dr. Jana Müller-Beispiel, Schulleitung',
  );
  await check(page, '28-einrichtung');
  await page.getByRole('link', { name: 'Zurück zu den Einrichtungen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Einrichtungen' })).toBeVisible();
  await page.getByLabel('Einrichtungen suchen').fill('gymn');
  await expect(page.getByRole('status').filter({ hasText: '1 Einrichtung gefunden' })).toBeVisible();
  await check(page, '28-einrichtungen');

  // A phone: the list, the person and the institution fit without sideways scrolling.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const [path, name] of [
    ['/netzwerk/personen', '28-personen-390'],
    [`/netzwerk/personen/${jana.id}`, '28-person-390'],
    ['/netzwerk/einrichtungen', '28-einrichtungen-390'],
    [`/netzwerk/einrichtungen/${school.id}`, '28-einrichtung-390'],
  ] as const) {
    await page.goto(`/n/${network.id}${path}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectFitsViewport(page);
    await check(page, name);
  }
});
