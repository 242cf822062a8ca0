import { expect, test } from './fixtures';
import { linkIn, mailTo } from './mail';
import { check, expectFitsViewport, newPage } from './support';

/**
 * Journeys 11 and 12 end to end: the office imports the head teachers from the school authority's CSV
 * (Windows-1252, semicolons), reads in the preview the three rejected rows and "Jana Müller-Beispiel"
 * three times, imports, merges the duplicate, builds the dynamic list "Schulleitungen Sek I", invites it
 * to a meeting and sends a mail to it; Jana clicks "Keine weiteren E-Mails" in her mail and is off the
 * list at once.
 */
const WIN1252: Record<string, number> = { '„': 0x84, '“': 0x93, '–': 0x96 };
const windows1252 = (text: string) => Buffer.from([...text].map((ch) => WIN1252[ch] ?? ch.charCodeAt(0)));

test('journeys 11 and 12: import with preview, merge, dynamic list, invitation, mail, withdrawal through the link', async ({
  browser,
  network,
}) => {
  const jana = network.email('jana.mueller-beispiel');
  const karl = network.email('karl.olsberger');
  const csv = windows1252(
    [
      'Anrede;Titel;Vorname;Nachname;Funktion;Schule;Schulnummer;E-Mail;Ort',
      `Frau;;Jana;Müller-Beispiel;Schulleitung;Beispiel-Gymnasium Brilon;990101;${jana};Brilon`,
      'Frau;;Jana;Mueller-Beispiel;Schulleitung;Beispiel-Gymnasium Brilon;990101;;Brilon',
      'Frau;;JANA;MÜLLER-BEISPIEL;Schulleitung;Beispiel-Gymnasium Brilon;990101;;Brilon',
      `Herr;Dr.;Karl;Olsberger;Schulleitung;Beispiel-Realschule Olsberg;990102;${karl};Olsberg`,
      'Herr;;Uwe;Winter;Schulleitung;Beispiel-Gymnasium Winterberg;990105;uwe.winter@example.org;Winterberg',
      'Frau;;Eva;;Schulleitung;Beispiel-Realschule Olsberg;990102;eva@example.org;Olsberg',
      'Herr;;Peter;Groß;Schulleitung „Sek I“ – kommissarisch;Beispiel-Hauptschule Olsberg;990103;peter(at)example.org;Olsberg',
      'Herr;;Tom;Kurz;Schulleitung;Beispiel-Gesamtschule Brilon;99010;tom@example.org;Brilon',
      ';;;;;;;;',
    ].join('\r\n'),
  );

  // The administration has entered the network's municipalities; the schools are in the address book
  // already (with their school type, filed under their municipality by place); the head teachers come now.
  await network.admin.api.call('PUT', `/networks/${network.id}/structure/municipalities`, {
    municipalities: [
      { regionKey: '05958012', name: 'Brilon' },
      { regionKey: '05958036', name: 'Olsberg' },
    ],
  });
  const settings = await network.open(browser, network.admin, '/verwaltung/einstellungen');
  const added = settings.getByRole('form', { name: 'Kommune hinzufügen' });
  await added.getByLabel('Regionalschlüssel').fill('05958048');
  await added.getByLabel('Name der Kommune').fill('Winterberg');
  await added.getByRole('button', { name: 'Kommune hinzufügen' }).click();
  await expect(settings.getByText('„Winterberg“ ist hinzugefügt.')).toBeVisible();
  await expect(settings.getByRole('region', { name: 'Kommunen mit Regionalschlüssel' })).toContainText(
    '05958048',
  );
  await check(settings, '31-settings-municipalities');
  await settings.context().close();
  const office = await network.account('office');
  for (const [name, schoolNumber, schoolType, place] of [
    ['Beispiel-Gymnasium Brilon', '990101', 'Gymnasium', 'Brilon'],
    ['Beispiel-Realschule Olsberg', '990102', 'Realschule', 'Olsberg'],
    ['Beispiel-Grundschule Olsberg', '990104', 'Grundschule', 'Olsberg'],
    ['Beispiel-Gymnasium Winterberg', '990105', 'Gymnasium', 'Winterberg'],
  ])
    await office.api.post(`/networks/${network.id}/contacts/institutions`, {
      name,
      type: 'school',
      schoolNumber,
      schoolType,
      place,
    });

  // 1. Import: mapping and preview before anything is written.
  const page = await network.open(browser, office, '/netzwerk/import');
  await page
    .getByLabel('Tabelle')
    .setInputFiles({ name: 'schulleitungen.csv', mimeType: 'text/csv', buffer: csv });
  await page.getByRole('button', { name: 'Vorschau anzeigen' }).click();
  await expect(page.getByRole('heading', { name: '2. Spalten zuordnen' })).toBeVisible();
  await expect(page.getByText('(CSV, Windows-1252, „;“)')).toBeVisible();
  await expect(page.getByLabel('Übernehmen als (Spalte „Nachname“)')).toHaveValue('lastName');
  await expect(page.getByLabel('Übernehmen als (Spalte „Schulnummer“)')).toHaveValue('schoolNumber');
  const preview = page.getByRole('region', { name: '3. Vorschau' });
  await expect(preview).toContainText(
    'Zu übernehmen: 5 · abgelehnt: 3 · leere Zeilen übersprungen: 1 · Dublettengruppen: 1 · schon im Adressbuch: 0',
  );
  await expect(preview.getByText('Zeilen 2, 3, 4')).toBeVisible();
  await expect(preview.getByRole('cell', { name: 'Die E-Mail-Adresse ist ungültig.' })).toBeVisible();
  await check(page, '31-import-preview');

  await page.getByRole('button', { name: 'Importieren', exact: true }).click();
  await expect(
    page.getByText(
      /^Import abgeschlossen\. Angelegt: 5 Personen, 0 Einrichtungen · vorhandenen Einrichtungen zugeordnet: 5/,
    ),
  ).toBeVisible();
  const merge = page.getByRole('region', { name: 'Dubletten zusammenführen' });
  await merge
    .getByRole('group', { name: 'Welcher Eintrag bleibt?' })
    .getByRole('radio', { name: new RegExp(`^Jana Müller-Beispiel <${jana.replace('.', '\\.')}>`) })
    .check();
  await merge.getByRole('button', { name: 'Zusammenführen' }).click();
  await expect(page.getByText('2 Einträge mit Jana Müller-Beispiel zusammengeführt.')).toBeVisible();
  await check(page, '31-import-merged');

  // The address book finds her once, however the name is typed.
  await page.goto(`/n/${network.id}/netzwerk/personen`);
  await page.getByRole('searchbox').fill('mueller-beisp');
  await expect(page.getByRole('link', { name: /Müller-Beispiel/ })).toHaveCount(1);

  // 2. The dynamic list: head teachers of secondary schools (Sek I) in Brilon and Olsberg.
  await page.goto(`/n/${network.id}/netzwerk/verteiler`);
  await page.getByRole('button', { name: 'Verteiler anlegen' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Schulleitungen Sek I in Brilon und Olsberg');
  await dialog.getByLabel('dynamisch (Filter)').check();
  await dialog.getByRole('button', { name: 'Verteiler anlegen' }).click();
  const filter = page.getByRole('group', { name: 'Filter' });
  await filter
    .getByRole('group', { name: 'Art der Einrichtung' })
    .getByLabel('Schule', { exact: true })
    .check();
  await filter.getByLabel(/Sekundarstufe I/).check();
  const places = filter.getByRole('group', { name: 'Gemeinde' });
  await places.getByLabel('Brilon').check();
  await places.getByLabel('Olsberg').check();
  await filter.getByLabel('Funktion enthält').fill('Schulleitung');
  await expect(page.getByRole('status').filter({ hasText: 'E-Mails erhalten:' })).toHaveText(
    'E-Mails erhalten: 2 · ausgelassen: 0',
  );
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Der Verteiler wurde gespeichert.')).toBeVisible();
  const listUrl = page.url();
  const included = page.getByRole('region', { name: /Erhalten E-Mails/ });
  await expect(included).toContainText('Jana Müller-Beispiel');
  await expect(included).toContainText('Karl Olsberger');
  await expect(included).not.toContainText('Winter');
  await check(page, '31-list');

  // 3. The list is invited to a meeting as guests.
  const meeting = await network.admin.api.post<{ id: string }>(`/networks/${network.id}/meetings`, {
    title: 'Netzwerktreffen Schulleitungen',
    startsAt: '2030-03-12T14:00',
    endsAt: '2030-03-12T16:00',
    location: 'Kreishaus Meschede',
  });
  await page.goto(`/n/${network.id}/lenkungskreis/sitzungen/${meeting.id}`);
  const guests = page.getByRole('form', { name: 'Gäste aus Verteiler hinzufügen' });
  await guests
    .getByLabel('Verteiler')
    .selectOption({ label: 'Schulleitungen Sek I in Brilon und Olsberg (2)' });
  await guests.getByRole('button', { name: 'Gäste aus Verteiler hinzufügen' }).click();
  await expect(page.getByText(/^Als Gäste hinzugefügt: 2 · schon eingeladen: 0/)).toBeVisible();
  await expect(page.getByText('Jana Müller-Beispiel').first()).toBeVisible();

  // 4. A mail to the list: each mail carries the person's own "Keine weiteren E-Mails" link.
  await page.goto(listUrl);
  await page.getByRole('button', { name: 'Rundmail' }).click();
  const mail = page.getByRole('dialog');
  await mail.getByLabel('Betreff').fill('Netzwerktreffen der Schulleitungen');
  await mail.getByLabel('Text').fill('Wir laden Sie herzlich zum Netzwerktreffen ein.');
  await mail.getByRole('button', { name: 'In den Postausgang legen' }).click();
  await expect(page.getByText('In den Postausgang gelegt: 2 · ausgelassen: 0')).toBeVisible();

  const received = await mailTo(jana, /Netzwerktreffen der Schulleitungen/);
  const link = linkIn(received, /^\/abmelden\/[A-Za-z0-9_-]{20,}$/);
  const visitor = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await visitor.goto(link);
  await expect(visitor.getByRole('heading', { level: 1, name: 'Keine weiteren E-Mails' })).toBeVisible();
  await expectFitsViewport(visitor);
  await check(visitor, '31-withdrawal-390');
  await visitor.getByRole('button', { name: 'Keine weiteren E-Mails' }).click();
  await expect(visitor.getByText(/Sie erhalten keine weiteren E-Mails über die Verteiler/)).toBeVisible();
  await visitor.context().close();

  // 5. She is off the list at once, with the reason.
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'E-Mails erhalten:' })).toHaveText(
    'E-Mails erhalten: 1 · ausgelassen: 1',
  );
  const left = page.getByRole('region', { name: /Ausgelassen/ });
  await expect(left.getByRole('row', { name: /Jana Müller-Beispiel/ })).toContainText('hat widersprochen');
  await expect(page.getByRole('region', { name: /Erhalten E-Mails/ })).not.toContainText('Müller-Beispiel');
  await check(page, '31-list-after-withdrawal');
  await page.context().close();
});
