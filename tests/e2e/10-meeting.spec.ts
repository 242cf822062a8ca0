import fs from 'node:fs';
import { expect, openAs, test } from './fixtures';
import { mailTo } from './mail';
import {
  addItem,
  attend,
  berlinDay,
  KAOA,
  openMeeting,
  openMeetings,
  planMeeting,
  position,
  reply,
  SPECIAL,
  SPRING,
  sendInvitations,
} from './meeting-support';
import { COMMITTEE, jointField, recordMembers } from './seed';
import { check, expectNoAxeViolations, minimalPdf } from './support';

test('meeting: the spring meeting is planned and invited; a meeting is held and decides by consensus', async ({
  browser,
  network,
}) => {
  // The contract in force with KAoA as a joint field (journey 09 records one through the pages).
  await jointField(network.admin.api, network.id);
  // The committee, entered by the office through the API as the members page does: two members of
  // the Land, two of the county (one with a deputy), one partner without e-mail, the office.
  await recordMembers(network, COMMITTEE);
  const page = await network.open(browser, network.admin);
  // Journey 3: the spring meeting, 12 March next year, 14:00, Kreishaus Meschede, room 2.
  const year = Number(berlinDay().slice(0, 4)) + 1;
  await openMeetings(page);
  await check(page, '10-sitzungen');
  // Journey 3 starts with the year: two meetings at once (point 13), spring and autumn.
  await page.getByRole('button', { name: 'Sitzungen für ein Jahr planen' }).click();
  const series = page.getByRole('dialog', { name: 'Sitzungen für ein Jahr planen' });
  await series.getByLabel('Titel der 1. Sitzung').fill(SPRING);
  await series.getByLabel('Datum der 1. Sitzung').fill(`${year}-03-12`);
  await series.getByLabel('Titel der 2. Sitzung').fill(`Herbstsitzung ${year}`);
  await series.getByLabel('Datum der 2. Sitzung').fill(`${year}-09-17`);
  await series.getByLabel('Beginn').fill('14:00');
  await series.getByLabel('Ende').fill('16:30');
  await series.getByLabel('Ort').fill('Kreishaus Meschede, Raum 2');
  await expectNoAxeViolations(page);
  await check(page, '10-sitzungsreihe');
  await series.getByRole('button', { name: 'Sitzungen anlegen' }).click();
  await expect(series).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: `2 Sitzungen geplant: ${SPRING}, Herbstsitzung ${year}.` }),
  ).toBeVisible();
  // Each meeting of the series is then its own: the autumn one is cancelled alone, with confirmation
  // and away from the primary actions.
  await openMeeting(page, `Herbstsitzung ${year}`);
  await expect(
    page.locator('.bn-page__actions').getByRole('button', { name: 'Sitzung absagen' }),
  ).toHaveCount(0);
  await page
    .getByRole('region', { name: 'Weitere Aktionen' })
    .getByRole('button', { name: 'Sitzung absagen' })
    .click();
  const cancelDialog = page.getByRole('dialog', { name: 'Sitzung absagen?' });
  await cancelDialog.getByLabel('Grund der Absage').fill('Terminkollision mit den Herbstferien');
  await expectNoAxeViolations(page);
  await cancelDialog.getByRole('button', { name: 'Sitzung absagen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Die Sitzung ist abgesagt.' })).toBeVisible();
  await openMeeting(page, SPRING);
  const head = page.locator('.bn-meeting-head');
  await expect(page.getByRole('main')).toContainText(`12.03.${year}`);
  await expect(head).toContainText('von 14:00 bis 16:30 Uhr');
  await expect(head).toContainText('Kreishaus Meschede, Raum 2');
  await expect(head).toContainText('Geplant');
  // Months ahead "Sitzung eröffnen" is not offered; the page says from when it will be.
  await expect(page.getByRole('button', { name: 'Sitzung eröffnen' })).toHaveCount(0);
  await expect(page.getByRole('main')).toContainText(
    new RegExp(`Eröffnen lässt sich die Sitzung ab \\w+, 12\\.03\\.${year}, 13:00 Uhr`),
  );
  await check(page, '10-sitzung-geplant');

  await addItem(page, {
    title: 'Genehmigung der Niederschrift',
    kind: 'Beschluss',
    type: 'Verfahrensbeschluss',
    proposal: 'Die Niederschrift der Herbstsitzung wird genehmigt.',
  });
  await addItem(page, {
    title: 'Bericht des Bildungsbüros',
    kind: 'Information',
    presenter: 'Petra Schulte',
    duration: '20',
  });
  await addItem(page, {
    title: 'Information der Schulaufsicht',
    kind: 'Information',
    presenter: 'Ulrike Hartmann',
  });
  await addItem(
    page,
    {
      title: 'Arbeitsauftrag KAoA',
      kind: 'Beschluss',
      type: 'Arbeitsauftrag',
      field: KAOA,
      proposal:
        'Das Regionale Bildungsbüro erhält den Arbeitsauftrag, mit den weiterführenden Schulen ein Konzept für die Praxisphasen der Klassen 8 bis 10 zu erarbeiten.',
      presenter: 'Petra Schulte',
      duration: '30',
    },
    '10-top-dialog',
  );
  // The decision comes before the information of the school supervision: TOP 4 moves up.
  await page.getByRole('button', { name: 'TOP 4 nach oben' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Die Tagesordnung ist neu geordnet.' }),
  ).toBeVisible();
  const kaoa = page.getByRole('article', { name: 'TOP 3: Arbeitsauftrag KAoA' });
  await expect(kaoa).toContainText(KAOA);
  await expect(kaoa).toContainText('Beschluss – Arbeitsauftrag');
  await expect(page.getByRole('article', { name: 'TOP 4: Information der Schulaufsicht' })).toBeVisible();

  // Papers: one for TOP 3 (the guest's item) and one for TOP 2.
  const pdf = minimalPdf('Konzept KAoA');
  await page.getByRole('button', { name: 'Vorlage zu TOP 3 hochladen' }).click();
  let dialog = page.getByRole('dialog');
  await dialog.getByLabel('Titel der Vorlage').fill('Konzept Praxisphasen KAoA');
  await dialog
    .getByLabel('Datei')
    .setInputFiles({ name: 'konzept-kaoa.pdf', mimeType: 'application/pdf', buffer: pdf });
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Vorlage hochladen' }).click();
  await expect(dialog).toHaveCount(0);
  const paper = kaoa.getByRole('link', { name: /Konzept Praxisphasen KAoA, Fassung 1 herunterladen/ });
  await expect(paper).toBeVisible();
  const downloadPromise = page.waitForEvent('download');
  await paper.click();
  const download = await downloadPromise;
  expect(fs.readFileSync((await download.path())!).equals(pdf)).toBe(true);
  await page.getByRole('button', { name: 'Vorlage zu TOP 2 hochladen' }).click();
  dialog = page.getByRole('dialog');
  await dialog.getByLabel('Titel der Vorlage').fill('Sachstandsbericht des Bildungsbüros');
  await dialog
    .getByLabel('Datei')
    .setInputFiles({ name: 'sachstand.pdf', mimeType: 'application/pdf', buffer: minimalPdf('Sachstand') });
  await dialog.getByRole('button', { name: 'Vorlage hochladen' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('article', { name: 'TOP 2: Bericht des Bildungsbüros' })).toContainText(
    'Sachstandsbericht des Bildungsbüros',
  );

  // An advisory guest of the employment agency, for TOP 3 only.
  const guests = page.getByRole('region', { name: 'Gäste (beratend)' });
  await guests.getByLabel('Name').fill('Frank Lorenz');
  await guests.getByLabel('E-Mail-Adresse').fill(network.email('frank.lorenz'));
  await guests.getByLabel('Thema oder Institution').fill('Agentur für Arbeit Meschede-Soest, Berufsberatung');
  await guests.getByLabel('Eingeladen zu').selectOption({ label: 'TOP 3: Arbeitsauftrag KAoA' });
  await guests.getByRole('button', { name: 'Gast einladen' }).click();
  await expect(guests.getByRole('listitem').filter({ hasText: 'Frank Lorenz' })).toContainText(
    'eingeladen zu TOP 3: Arbeitsauftrag KAoA',
  );

  // Invitations, with a look first: who receives what (the guest his item only), who has no address.
  const invitations = page.getByRole('region', { name: 'Einladungen', exact: true });
  const preview = await sendInvitations(page, '10-einladungen-vorschau');
  expect(preview).toContain('Nicht per E-Mail erreichbar (1)');
  expect(preview).toContain('Helga Brandt (Mitglied): keine E-Mail-Adresse hinterlegt');
  expect(preview).toMatch(/Frank Lorenz \(Gast \(beratend\), [^)]+\)Einladung nur zu TOP 3/);
  expect(preview).toContain('Jens Wagner (Stellvertretung');
  expect(preview).toContain('Petra Schulte (Mitglied ohne Stimmrecht');
  // Afterwards the page says what was sent, and to whom not.
  await expect(
    page.getByRole('status').filter({ hasText: 'Einladung an 7 Personen versandt.' }),
  ).toContainText('1 nicht erreichbar: Helga Brandt (keine E-Mail-Adresse hinterlegt).');
  await expect(head).toContainText('Eingeladen');
  const recipients = invitations.getByRole('table', { name: 'Eingeladene und Antworten' });
  await expect(recipients.getByRole('row', { name: /Frank Lorenz/ })).toContainText('Gast (beratend)');
  await check(page, '10-einladungen');

  const mail = await mailTo(network.email('martin.vogel'), new RegExp(`^Einladung: ${SPRING}`));
  const names = mail.attachments.map((a) => a.filename ?? '');
  expect(names).toContain('Tagesordnung.pdf');
  expect(names.some((n) => n.endsWith('.ics'))).toBe(true);
  const pdfPart = mail.attachments.find((a) => a.filename === 'Tagesordnung.pdf')!;
  expect(pdfPart.content.subarray(0, 5).toString()).toBe('%PDF-');
  const ics = mail.attachments.find((a) => a.filename?.endsWith('.ics'))!;
  expect(ics.content.toString()).toContain('METHOD:REQUEST');
  expect(mail.text).toContain('Kreishaus Meschede, Raum 2');
  expect(mail.text).toContain('TOP 3 Arbeitsauftrag KAoA');
  // The guest's invitation lists his item only.
  const guestMail = await mailTo(network.email('frank.lorenz'), new RegExp(`^Einladung: ${SPRING}`));
  expect(guestMail.text).toContain('TOP 3 Arbeitsauftrag KAoA');
  expect(guestMail.text).not.toContain('TOP 2 Bericht');

  // One member answers "my deputy attends"; the office sees it.
  await reply(page, network.email('claudia.richter'), new RegExp(`^Einladung: ${SPRING}`), 'deputy');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: SPRING })).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: 'Eingeladene und Antworten' })
      .getByRole('row', { name: /Claudia Richter/ }),
  ).toContainText('Stellvertretung nimmt teil');
  const springUrl = page.url();
  await page.context().close();

  // On a phone (390 px) the planned meeting and the look before an update fit the screen; cancelling
  // the dialog sends nothing.
  const phone = await openAs(browser, network.admin, new URL(springUrl).pathname, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await expect(phone.getByRole('heading', { level: 1, name: SPRING })).toBeVisible();
  await check(phone, '10-sitzung-telefon');
  await phone.getByRole('button', { name: 'Einladungen erneut verschicken' }).click();
  const update = phone.getByRole('alertdialog', { name: 'Einladungen verschicken?' });
  await expect(update).toContainText('Aktualisierte Einladung an 7 Personen per E-Mail.');
  await expectNoAxeViolations(phone);
  await check(phone, '10-einladungen-vorschau-telefon');
  expect(
    await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(1);
  await update.getByRole('button', { name: 'Abbrechen' }).click();
  await expect(update).toHaveCount(0);
  await phone.context().close();

  // Journey 4: on a tablet the meeting page needs no sideways scrolling.
  const tablet = await openAs(browser, network.admin, new URL(springUrl).pathname, {
    viewport: { width: 820, height: 1180 },
    hasTouch: true,
  });
  await expect(tablet.getByRole('heading', { level: 1, name: SPRING })).toBeVisible();
  await expect(tablet.getByRole('article', { name: 'TOP 3: Arbeitsauftrag KAoA' })).toContainText(
    'Das Regionale Bildungsbüro erhält den Arbeitsauftrag',
  );
  await check(tablet, '10-sitzung-tablet');
  const overflow = await tablet.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);

  // Journey 5: a special meeting held yesterday takes the KAoA work order by consensus.
  await planMeeting(tablet, {
    title: SPECIAL,
    day: berlinDay(-1),
    from: '10:00',
    to: '12:00',
    place: 'Kreishaus Meschede, Raum 2',
  });
  await addItem(tablet, {
    title: 'Arbeitsauftrag Berufsorientierung',
    kind: 'Beschluss',
    type: 'Arbeitsauftrag',
    field: KAOA,
    proposal: 'Das Bildungsbüro organisiert ab Februar Praxistage für alle Klassen 8.',
  });
  const guestForm = tablet.getByRole('region', { name: 'Gäste (beratend)' });
  await guestForm.getByLabel('Name').fill('Birgit Sommer');
  await guestForm.getByLabel('Thema oder Institution').fill('IHK Arnsberg');
  await guestForm.getByRole('button', { name: 'Gast einladen' }).click();
  await expect(guestForm.getByRole('listitem').filter({ hasText: 'Birgit Sommer' })).toContainText(
    'der ganzen Sitzung',
  );
  await sendInvitations(tablet);
  await expect(
    tablet.getByRole('status').filter({ hasText: /^Einladung an \d+ Personen versandt/ }),
  ).toBeVisible();
  // The meeting took place yesterday, so the members' reply links ended with it (410): the office
  // enters what it heard by phone, under its own name.
  await reply(tablet, network.email('claudia.richter'), new RegExp(`^Einladung: ${SPECIAL}`), 'deputy', 410);
  const answers = tablet.getByRole('table', { name: 'Eingeladene und Antworten' });
  for (const [name, label] of [
    ['Claudia Richter', 'Stellvertretung nimmt teil'],
    ['Ulrike Hartmann', 'nimmt teil'],
  ] as const) {
    const entry = answers.getByRole('form', { name: `Rückmeldung von ${name}` });
    await entry.getByLabel(`Rückmeldung von ${name}`).selectOption({ label });
    await entry.getByRole('button', { name: 'Eintragen' }).click();
    await expect(
      tablet.getByRole('status').filter({ hasText: `Die Rückmeldung von ${name} ist eingetragen.` }),
    ).toBeVisible();
    await expect(answers.getByRole('row', { name: new RegExp(name) })).toContainText('(telefonisch)');
  }

  await tablet.getByRole('button', { name: 'Sitzung eröffnen' }).click();
  await expect(tablet.getByRole('status').filter({ hasText: 'Die Sitzung ist eröffnet.' })).toBeVisible();
  // Opened after its time (held yesterday): what is left is writing the minutes.
  await expect(tablet.locator('.bn-meeting-head')).toContainText('Nachbereitung: Niederschrift offen');

  // Attendance is the first step, above the agenda: "alle anwesend", taken from the replies, so
  // Claudia Richter (who sent her deputy) is already represented by Jens Wagner.
  const attendance = tablet.getByRole('region', { name: 'Schritt 1: Anwesenheit' });
  const agendaHeading = tablet.getByRole('heading', { level: 2, name: 'Tagesordnung' });
  expect((await attendance.boundingBox())!.y).toBeLessThan((await agendaHeading.boundingBox())!.y);
  await expect(attendance.getByLabel(/^Claudia Richter \(/)).toHaveValue('represented');
  await expect(attendance.getByLabel(/^Claudia Richter \(/)).toContainText('vertreten durch Jens Wagner');
  for (const who of ['Ulrike Hartmann', 'Dr. Thomas Berger', 'Martin Vogel', 'Helga Brandt', 'Petra Schulte'])
    await expect(attendance.getByLabel(new RegExp(`^${who.replace('.', '\\.')} \\(`))).toHaveValue('present');
  await expect(attendance).toContainText('5 anwesend · 1 vertreten · 0 entschuldigt · 0 abwesend');
  // One change by exception and back, through the select and "Alle anwesend".
  await attend(attendance, 'Helga Brandt', 'entschuldigt');
  await expect(attendance).toContainText('4 anwesend · 1 vertreten · 1 entschuldigt');
  await attendance.getByRole('button', { name: 'Alle anwesend' }).click();
  await attend(attendance, 'Claudia Richter', 'vertreten durch Jens Wagner');
  await check(tablet, '10-anwesenheit');
  await attendance.getByRole('button', { name: 'Anwesenheit speichern' }).click();
  await expect(
    tablet.getByRole('status').filter({ hasText: 'Die Anwesenheit ist gespeichert.' }),
  ).toBeVisible();

  // Round 1: the Land side's member objects; the proposal is blocked and reworked.
  // "Alle stimmen zu" is the default; the exceptions are the objection (with its reason) and an
  // abstention. The guest and the office's team lead (no vote) give advice, which never counts.
  let form = tablet.getByRole('region', { name: 'Beschluss erfassen zu TOP 1 (Runde 1)' });
  await expect(form.getByRole('button', { name: 'Alle stimmen zu – Ergebnis feststellen' })).toBeVisible();
  await expect(form.getByLabel(/^Position von Petra Schulte/)).toHaveCount(0);
  await position(
    form,
    /^Dr\. Thomas Berger/,
    'Einwand',
    'Die Praxistage müssen erst mit den Schulleitungen abgestimmt werden.',
  );
  await position(form, 'Helga Brandt', 'Enthaltung');
  await form
    .getByLabel('Rat von Birgit Sommer (Gast)')
    .fill('Die Betriebe der Region stellen genügend Plätze bereit.');
  await form
    .getByLabel('Rat von Petra Schulte (ohne Stimmrecht)')
    .fill('Das Bildungsbüro kann die Abstimmung mit den Schulleitungen bis Januar übernehmen.');
  await form.getByRole('button', { name: 'Ergebnis feststellen (2 Ausnahme(n))' }).click();
  await expect(form.getByRole('alert')).toContainText('Es liegt ein Einwand vor');
  await form.getByRole('radio', { name: /überarbeiten/ }).check();
  await check(tablet, '10-beschluss-einwand');
  await form.getByRole('button', { name: 'Ergebnis festhalten' }).click();
  const item = tablet.getByRole('article', { name: 'TOP 1: Arbeitsauftrag Berufsorientierung' });
  const round1 = item.getByRole('region', { name: 'Runde 1', exact: true });
  await expect(round1).toContainText('nicht beschlossen');
  await expect(round1).toContainText('überarbeitet');
  await expect(round1).toContainText(
    'Einwand – Die Praxistage müssen erst mit den Schulleitungen abgestimmt werden.',
  );
  await expect(round1).toContainText('Claudia Richter, vertreten durch Jens Wagner');
  await expect(round1).toContainText('Rat (beratend, zählt nicht)');
  await expect(round1).toContainText(
    'Birgit Sommer (Gast): Die Betriebe der Region stellen genügend Plätze bereit.',
  );
  await expect(round1).toContainText('Petra Schulte (ohne Stimmrecht): Das Bildungsbüro kann');
  // The advice did not count: no position of theirs in the round.
  await expect(round1.getByRole('listitem').filter({ hasText: /^Petra Schulte: / })).toHaveCount(0);

  // Round 2: reworked in the room, consented by all; the decision gets its number.
  form = tablet.getByRole('region', { name: 'Beschluss erfassen zu TOP 1 (Runde 2)' });
  await form
    .getByLabel('Beschlussvorschlag')
    .fill(
      'Das Bildungsbüro organisiert ab Februar Praxistage für alle Klassen 8, abgestimmt mit den Schulleitungen und der Schulaufsicht.',
    );
  await form.getByRole('button', { name: 'Alle stimmen zu – Ergebnis feststellen' }).click();
  const round2 = item.getByRole('region', { name: 'Runde 2', exact: true });
  await expect(round2).toContainText('Beschluss gefasst');
  await expect(round2).toContainText(/Beschluss LK-\d{4}-\d{2}/);
  await expect(item).toContainText('beschlossen');
  await expect(tablet.getByRole('region', { name: /Beschluss erfassen zu TOP 1/ })).toHaveCount(0);
  await check(tablet, '10-beschluss-gefasst');
  const number = ((await round2.locator('.bn-decision-number').textContent()) ?? '').replace(
    'Beschluss ',
    '',
  );
  for (const who of ['Ulrike Hartmann', 'Dr. Thomas Berger', 'Martin Vogel', 'Helga Brandt'])
    await expect(round2.getByRole('listitem').filter({ hasText: who })).toContainText('Zustimmung');
  // The decision is in the register with its number.
  await tablet.goto(`/n/${network.id}/lenkungskreis/beschluesse`);
  await expect(tablet.getByRole('main')).toContainText(number);
  await expect(tablet.getByRole('main')).toContainText('Arbeitsauftrag Berufsorientierung');
  await check(tablet, '10-register');
  await tablet.context().close();
});
