import fs from 'node:fs';
import { expect, openAs, test } from './fixtures';
import { mailTo } from './mail';
import {
  addItem,
  berlinDay,
  KAOA,
  openMeetings,
  planMeeting,
  position,
  reply,
  SPECIAL,
  SPRING,
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
  await planMeeting(page, {
    title: SPRING,
    day: `${year}-03-12`,
    from: '14:00',
    to: '16:30',
    place: 'Kreishaus Meschede, Raum 2',
  });
  const head = page.locator('.bn-meeting-head');
  await expect(page.getByRole('main')).toContainText(`12.03.${year}`);
  await expect(head).toContainText('von 14:00 bis 16:30 Uhr');
  await expect(head).toContainText('Kreishaus Meschede, Raum 2');
  await expect(head).toContainText('geplant');
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

  // Opening the meeting months ahead is refused with the server's reason.
  await page.getByRole('button', { name: 'Sitzung eröffnen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'noch nicht begonnen' })).toBeVisible();

  // Invitations: mails with agenda PDF and calendar entry; the partner without e-mail gets hers by hand.
  const invitations = page.getByRole('region', { name: 'Einladungen', exact: true });
  await invitations.getByRole('button', { name: 'Einladungen verschicken' }).click();
  await expect(
    invitations.getByRole('status').filter({ hasText: 'Einladungen sind im Postausgang' }),
  ).toBeVisible();
  await expect(
    invitations.getByRole('status').filter({ hasText: 'bitte persönlich zustellen' }),
  ).toContainText('Helga Brandt');
  await expect(head).toContainText('eingeladen');
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
  await tablet.getByRole('button', { name: 'Einladungen verschicken' }).click();
  await expect(
    tablet.getByRole('status').filter({ hasText: 'Einladungen sind im Postausgang' }),
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
  await expect(tablet.locator('.bn-meeting-head')).toContainText('durchgeführt');

  // Attendance, prefilled from the replies: Claudia Richter is represented by her deputy.
  const attendance = tablet.getByRole('region', { name: 'Anwesenheit' });
  await expect(
    attendance
      .getByRole('group', { name: /^Claudia Richter/ })
      .getByRole('radio', { name: 'vertreten durch Jens Wagner' }),
  ).toBeChecked();
  await expect(
    attendance.getByRole('group', { name: /^Ulrike Hartmann/ }).getByRole('radio', { name: 'anwesend' }),
  ).toBeChecked();
  for (const who of ['Dr. Thomas Berger', 'Martin Vogel', 'Helga Brandt', 'Petra Schulte'])
    await attendance
      .getByRole('group', { name: new RegExp(`^${who}`) })
      .getByRole('radio', { name: 'anwesend' })
      .check();
  await check(tablet, '10-anwesenheit');
  await attendance.getByRole('button', { name: 'Anwesenheit speichern' }).click();
  await expect(
    tablet.getByRole('status').filter({ hasText: 'Die Anwesenheit ist gespeichert.' }),
  ).toBeVisible();

  // Round 1: the Land side's member objects; the proposal is blocked and reworked.
  let form = tablet.getByRole('region', { name: 'Beschluss erfassen zu TOP 1 (Runde 1)' });
  await position(form, /^Ulrike Hartmann/, 'Zustimmung');
  await position(
    form,
    /^Dr\. Thomas Berger/,
    'Einwand',
    'Die Praxistage müssen erst mit den Schulleitungen abgestimmt werden.',
  );
  await position(form, /^Martin Vogel/, 'Zustimmung');
  await position(form, /^Claudia Richter, vertreten durch Jens Wagner/, 'Zustimmung');
  await position(form, /^Helga Brandt/, 'Enthaltung');
  await form
    .getByLabel('Rat von Birgit Sommer (beratend – zählt nicht)')
    .fill('Die Betriebe der Region stellen genügend Plätze bereit.');
  await form.getByRole('button', { name: 'Ergebnis feststellen' }).click();
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

  // Round 2: reworked in the room, consented by all; the decision gets its number.
  form = tablet.getByRole('region', { name: 'Beschluss erfassen zu TOP 1 (Runde 2)' });
  await form
    .getByLabel('Beschlussvorschlag')
    .fill(
      'Das Bildungsbüro organisiert ab Februar Praxistage für alle Klassen 8, abgestimmt mit den Schulleitungen und der Schulaufsicht.',
    );
  for (const who of [
    /^Ulrike Hartmann/,
    /^Dr\. Thomas Berger/,
    /^Martin Vogel/,
    /^Claudia Richter/,
    /^Helga Brandt/,
  ])
    await position(form, who, 'Zustimmung');
  await form.getByRole('button', { name: 'Ergebnis feststellen' }).click();
  const round2 = item.getByRole('region', { name: 'Runde 2', exact: true });
  await expect(round2).toContainText('Beschluss gefasst');
  await expect(round2).toContainText(/Beschluss LK-\d{4}-\d{2}/);
  await expect(item).toContainText('beschlossen');
  await expect(tablet.getByRole('region', { name: /Beschluss erfassen zu TOP 1/ })).toHaveCount(0);
  await check(tablet, '10-beschluss-gefasst');
  await tablet.context().close();
});
