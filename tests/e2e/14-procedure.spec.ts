import { nextWorkingDay } from '../../src/contracts/working-days';
import { expect, test } from './fixtures';
import { linkIn, mailTo } from './mail';
import { berlinDay, SPRING } from './meeting-support';
import { COMMITTEE, jointField, recordMembers, sendInvitations, springMeeting } from './seed';
import { check, expectDateField, expectNoAxeViolations, nav, newPage, shot } from './support';

const TITLE = 'Arbeitsauftrag Praktikumsbörse KAoA';
const PROPOSAL =
  'Der Lenkungskreis beauftragt das Bildungsbüro, bis zum Sommer 2027 eine kreisweite Praktikumsbörse für die Jahrgangsstufe 9 aufzubauen.';

/** The personal link in the mail the member received. */
async function voteLink(address: string) {
  const mail = await mailTo(address, /^Umlaufverfahren: /);
  expect(mail.subject).toBe(`Umlaufverfahren: ${TITLE}`);
  expect(mail.text).toContain('Schweigen gilt nicht als Zustimmung.');
  return linkIn(mail, /^\/umlauf\/[A-Za-z0-9_-]+$/);
}

test('written procedure: started after a look at who is reached, two consent by their links, a paper answer is recorded, one stays silent', async ({
  browser,
  network,
}) => {
  // The contract with KAoA joint (journey 09), the committee (journeys 10 and 13), and the spring
  // meeting's invitations sent (journey 10): its personal reply links are in the members' mail.
  const field = 'Übergang Schule – Beruf (KAoA)';
  const fieldId = await jointField(network.admin.api, network.id, field);
  await recordMembers(network, [
    ...COMMITTEE,
    ...(
      [
        ['Dr. Jana Hoffmann', 'jana.hoffmann', 'land'],
        ['Klaus Neumann', 'klaus.neumann', 'municipality'],
        ['Sabine Krämer', 'sabine.kraemer', 'other'],
      ] as const
    ).map(([name, local, side]) => ({
      name,
      local,
      side,
      function: '',
      institution: '',
      voting: true,
      termFrom: '2025-02-01',
    })),
  ]);
  const spring = await springMeeting(network, fieldId);
  await sendInvitations(network, spring.meetingId);
  const page = await network.open(browser, network.admin);

  await nav(page).getByRole('link', { name: 'Umlaufverfahren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Umlaufverfahren' })).toBeFocused();
  await check(page, '14-umlaufverfahren');

  // Journey 6: the team lead starts a written procedure; the deadline defaults to ten days, noon.
  await page.getByRole('button', { name: 'Umlaufverfahren starten' }).click();
  const dialog = page.getByRole('dialog', { name: 'Umlaufverfahren starten' });
  // … moved to the next working day in NRW when ten days on is a weekend or a public holiday.
  const due = nextWorkingDay(berlinDay(10));
  await expectDateField(dialog, 'Frist (Datum und Uhrzeit)', `${due.split('-').reverse().join('.')}, 12:00`);
  await dialog.getByLabel('Titel').fill(TITLE);
  await dialog.getByLabel('Beschlussvorschlag').fill(PROPOSAL);
  await expect(dialog.getByLabel('Art des Beschlusses')).toHaveValue('work_order');
  // Before anything goes out the dialog shows who receives the proposal, and names the voting member
  // without an e-mail address: silence is not consent, so her answer must come by phone or on paper.
  await expect(dialog.getByRole('heading', { name: /^Erhalten per E-Mail/ })).toBeVisible();
  const unreachable = dialog.getByRole('status').filter({ hasText: 'Nicht per E-Mail erreichbar (1)' });
  await expect(unreachable).toContainText('Helga Brandt (Mitglied): keine E-Mail-Adresse hinterlegt');
  await expect(unreachable).toContainText('Schweigen gilt nicht als Zustimmung');
  // Deputies and members without a vote are not asked.
  await expect(dialog).not.toContainText('Jens Wagner');
  await expect(dialog).not.toContainText('Petra Schulte (');
  // A work order needs a field of action: the form does not go out without one.
  await dialog.getByRole('button', { name: 'Starten und versenden' }).click();
  await expect(dialog).toBeVisible();
  expect(
    await dialog
      .getByLabel('Handlungsfeld')
      .evaluate((el) => (el as HTMLSelectElement).validity.valueMissing),
  ).toBe(true);
  await dialog.getByLabel('Handlungsfeld').selectOption({ label: field });
  await expectNoAxeViolations(page);
  await shot(page, '14-umlaufverfahren-starten');
  await dialog.getByRole('button', { name: 'Starten und versenden' }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Umlaufverfahren: ${TITLE}` })).toBeFocused();
  // The page says what went out and who still has to be asked.
  await expect(page.getByRole('main')).toContainText(
    'Umlaufverfahren gestartet: Beschlussvorschlag an 7 Mitglieder versandt.',
  );
  await expect(page.getByRole('status').filter({ hasText: 'Nicht per E-Mail erreichbar (1)' })).toContainText(
    'Helga Brandt',
  );
  const answers = page.getByRole('region', { name: 'Antworten der Stimmberechtigten' }).first();
  await expect(answers).toContainText('Schweigen gilt nicht als Zustimmung');
  await expect(answers.getByRole('row', { name: /^Dr\. Jana Hoffmann/ })).toContainText('keine Antwort');
  await expect(page.getByRole('main')).toContainText(`${due.split('-').reverse().join('.')}, 12:00 Uhr`);
  await check(page, '14-umlaufverfahren-offen');
  const detailUrl = page.url();

  // Dr. Jana Hoffmann answers on her phone; a bare objection is refused until she gives a reason.
  const phone = await newPage(browser, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await phone.goto(await voteLink(network.email('jana.hoffmann')));
  await expect(phone.getByRole('heading', { level: 1, name: `Umlaufverfahren: ${TITLE}` })).toBeVisible();
  await expect(phone.getByRole('main')).toContainText(PROPOSAL);
  await expect(phone.getByTestId('current-answer')).toHaveText('keine Antwort');
  await check(phone, '14-umlauf-telefon');
  await phone.getByRole('radio', { name: 'Einwand' }).check();
  await phone.getByRole('button', { name: 'Antwort absenden' }).click();
  await expect(phone.getByRole('alert')).toContainText('Bitte begründen Sie Ihren Einwand.');
  await expect(phone.getByLabel('Begründung (Pflichtfeld bei einem Einwand)')).toBeFocused();
  await expectNoAxeViolations(phone);
  await shot(phone, '14-umlauf-telefon-einwand');
  await phone.getByRole('radio', { name: 'Zustimmung' }).check();
  await phone.getByRole('button', { name: 'Antwort absenden' }).click();
  await expect(
    phone.getByRole('status').filter({ hasText: 'Ihre Antwort „Zustimmung“ ist gespeichert.' }),
  ).toBeVisible();
  await expect(phone.getByTestId('current-answer')).toHaveText('Zustimmung');
  await check(phone, '14-umlauf-telefon-zugestimmt');
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await phone.context().close();

  // Klaus Neumann consents at his desk, with the keyboard.
  const desk = await newPage(browser);
  await desk.goto(await voteLink(network.email('klaus.neumann')));
  await expect(desk.getByRole('heading', { level: 1, name: `Umlaufverfahren: ${TITLE}` })).toBeVisible();
  await desk.keyboard.press('Tab');
  await expect(desk.getByRole('link', { name: 'Zum Inhalt springen' })).toBeFocused();
  await desk.getByRole('radio', { name: 'Zustimmung' }).focus();
  await desk.keyboard.press('Space');
  await expect(desk.getByRole('radio', { name: 'Zustimmung' })).toBeChecked();
  await desk.getByRole('button', { name: 'Antwort absenden' }).focus();
  await desk.keyboard.press('Enter');
  await expect(desk.getByTestId('current-answer')).toHaveText('Zustimmung');
  await check(desk, '14-umlauf-zugestimmt');
  // A link that is not (or no longer) known says so instead of failing silently.
  await desk.goto('/umlauf/abcdefghijklmnopqrstuvwxyz012345');
  await expect(desk.getByRole('heading', { level: 1, name: 'Link ungültig' })).toBeVisible();
  await check(desk, '14-umlauf-unbekannt');
  await desk.context().close();

  // Helga Brandt answers on paper; the office records it under its own name.
  await page.goto(detailUrl);
  const record = page.getByRole('form', { name: 'Antwort von Helga Brandt' });
  await record.getByLabel('Antwort', { exact: true }).selectOption({ label: 'Zustimmung' });
  await record.getByLabel('Eingang').selectOption({ label: 'auf Papier' });
  await expectNoAxeViolations(page);
  await record.getByRole('button', { name: 'Antwort eintragen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Die Antwort von Helga Brandt ist eingetragen.' }),
  ).toBeVisible();
  await expect(answers.getByRole('row', { name: /^Helga Brandt/ })).toContainText(
    'auf Papier, erfasst durch Anna Becker',
  );
  await expect(page.getByRole('status').filter({ hasText: 'Nicht per E-Mail erreichbar' })).toHaveCount(0);

  // Sabine Krämer never answers: the office sees who is missing; silence does not count as consent.
  await page.reload();
  await expect(answers.getByRole('row', { name: /^Dr\. Jana Hoffmann/ })).toContainText('Zustimmung');
  await expect(answers.getByRole('row', { name: /^Klaus Neumann/ })).toContainText('Zustimmung');
  await expect(answers.getByRole('row', { name: /^Sabine Krämer/ })).toContainText('keine Antwort');
  await expect(answers).toContainText(/\d+ Antwort(en)? fehl/);
  await check(page, '14-umlaufverfahren-antworten');

  await nav(page).getByRole('link', { name: 'Umlaufverfahren' }).click();
  await expect(page.getByRole('row', { name: new RegExp(TITLE) })).toContainText('offen');
  await check(page, '14-umlaufverfahren-liste');
  await nav(page).getByRole('link', { name: 'Start' }).click();
  const card = page.getByRole('article', { name: 'Umlaufverfahren mit Frist' });
  await expect(card.getByRole('link', { name: TITLE })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Nächste Sitzungen' })).toBeVisible();
  await check(page, '14-start');

  // The reply page of the spring meeting's invitation, from the link in the member's mail.
  const member = await newPage(browser, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await member.goto(
    linkIn(
      await mailTo(network.email('claudia.richter'), new RegExp(`^Einladung: ${SPRING}`)),
      /^\/antwort\/[A-Za-z0-9_-]+$/,
    ),
  );
  await expect(member.getByRole('heading', { level: 1, name: /^Ihre Sitzung: / })).toBeVisible();
  await check(member, '14-antwort-telefon');
  // Claudia Richter has a deputy, so she can send him.
  await member.getByRole('radio', { name: 'Meine Stellvertretung nimmt teil' }).check();
  await member.getByRole('button', { name: 'Rückmeldung senden' }).click();
  await expect(member.getByRole('status')).toContainText('die Teilnahme Ihrer Stellvertretung ist vermerkt');
  await check(member, '14-antwort-telefon-gesendet');
  await member.context().close();
  await page.context().close();
});
