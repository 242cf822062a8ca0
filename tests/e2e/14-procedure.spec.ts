import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { check, expectNoAxeViolations, lastMailTo, nav, newPage, shot, signIn } from './support';

const TITLE = 'Arbeitsauftrag Praktikumsbörse KAoA';
const PROPOSAL =
  'Der Lenkungskreis beauftragt das Bildungsbüro, bis zum Sommer 2027 eine kreisweite Praktikumsbörse für die Jahrgangsstufe 9 aufzubauen.';

/** Wall-clock day in Europe/Berlin, `days` from today. */
function berlinDay(days = 0) {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + days * 86_400_000));
}

/** A field of action joint today: the one spec 09 agreed, or one recorded here through the API. */
async function jointField(page: Page, networkId: string, origin: string): Promise<string> {
  const api = `/api/networks/${networkId}`;
  const fields = (await (await page.request.get(`${api}/fields`)).json()) as {
    name: string;
    joint: boolean;
  }[];
  const joint = fields.find((f) => f.name.includes('KAoA') && f.joint) ?? fields.find((f) => f.joint);
  if (joint) return joint.name;
  const headers = { origin };
  if ((await page.request.get(`${api}/contract`)).status() === 404) {
    const c = await page.request.put(`${api}/contract`, {
      headers,
      data: {
        title: 'Kooperationsvertrag Regionales Bildungsnetzwerk',
        landPartyName: 'Land Nordrhein-Westfalen',
        municipalityPartyName: 'Hochsauerlandkreis',
      },
    });
    expect(c.status(), await c.text()).toBeLessThan(300);
  }
  const v = await page.request.post(`${api}/contract/versions`, {
    headers,
    data: {
      title: 'Übergang Schule – Beruf',
      effectiveFrom: '2024-01-01',
      addFields: [{ name: 'Übergang Schule – Beruf (KAoA)', previousOwner: 'land' }],
    },
  });
  expect(v.status(), await v.text()).toBe(201);
  const versionId = (await v.json()).id as string;
  for (const party of ['land', 'municipality']) {
    const r = await page.request.post(`${api}/contract/versions/${versionId}/consents`, {
      headers,
      data: { party, signedBy: party === 'land' ? 'Schulaufsicht' : 'Landrat', signedOn: '2023-12-01' },
    });
    expect(r.status(), await r.text()).toBeLessThan(300);
  }
  return 'Übergang Schule – Beruf (KAoA)';
}

/** The members spec 13 records through the page; recorded here through the API when it did not run. */
async function ensureMembers(page: Page, networkId: string, origin: string) {
  const api = `/api/networks/${networkId}/committee`;
  const have = ((await (await page.request.get(api)).json()) as { name: string }[]).map((m) => m.name);
  for (const [name, email, side] of [
    ['Dr. Jana Hoffmann', 'jana.hoffmann@example.org', 'land'],
    ['Klaus Neumann', 'klaus.neumann@example.org', 'municipality'],
    ['Sabine Krämer', 'sabine.kraemer@example.org', 'other'],
  ] as const) {
    if (have.includes(name)) continue;
    const r = await page.request.post(api, {
      headers: { origin },
      data: { name, email, side, voting: true, termFrom: '2025-02-01' },
    });
    expect(r.status(), await r.text()).toBe(201);
  }
}

/** The personal link in the mail the member received. */
async function voteLink(address: string) {
  const mail = await lastMailTo(address);
  expect(mail.subject).toBe(`Umlaufverfahren: ${TITLE}`);
  expect(mail.text).toContain('Schweigen gilt nicht als Zustimmung.');
  const link = mail.text?.match(/https?:\/\/\S+(\/umlauf\/[A-Za-z0-9_-]+)/)?.[1];
  expect(link, `personal link in: ${mail.text}`).toBeTruthy();
  return link!;
}

test('written procedure: started with a 10-day deadline, two consent by their links, one stays silent', async ({
  browser,
}) => {
  // Four browsers and an accessibility scan of every page they visit.
  test.setTimeout(240_000);
  const page = await newPage(browser);
  await signIn(page);
  const networkId = page.url().match(/\/n\/([0-9a-f-]+)\//)![1]!;
  const origin = new URL(page.url()).origin;
  const field = await jointField(page, networkId, origin);
  await ensureMembers(page, networkId, origin);

  await nav(page).getByRole('link', { name: 'Umlaufverfahren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Umlaufverfahren' })).toBeFocused();
  await check(page, '14-umlaufverfahren');

  // Journey 6: the team lead starts a written procedure; the deadline defaults to ten days, noon.
  await page.getByRole('button', { name: 'Umlaufverfahren starten' }).click();
  const dialog = page.getByRole('dialog', { name: 'Umlaufverfahren starten' });
  await expect(dialog.getByLabel('Frist (Datum und Uhrzeit)')).toHaveValue(`${berlinDay(10)}T12:00`);
  await dialog.getByLabel('Titel').fill(TITLE);
  await dialog.getByLabel('Beschlussvorschlag').fill(PROPOSAL);
  await expect(dialog.getByLabel('Art des Beschlusses')).toHaveValue('work_order');
  // A work order needs a field of action: the form does not go out without one.
  await dialog.getByRole('button', { name: 'Starten und Links verschicken' }).click();
  await expect(dialog).toBeVisible();
  expect(
    await dialog
      .getByLabel('Handlungsfeld')
      .evaluate((el) => (el as HTMLSelectElement).validity.valueMissing),
  ).toBe(true);
  await dialog.getByLabel('Handlungsfeld').selectOption({ label: field });
  await expectNoAxeViolations(page);
  await shot(page, '14-umlaufverfahren-starten');
  await dialog.getByRole('button', { name: 'Starten und Links verschicken' }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Umlaufverfahren: ${TITLE}` })).toBeFocused();
  const answers = page.getByRole('region', { name: 'Antworten der Stimmberechtigten' }).first();
  await expect(answers).toContainText('Schweigen gilt nicht als Zustimmung');
  await expect(answers.getByRole('row', { name: /^Dr\. Jana Hoffmann/ })).toContainText('keine Antwort');
  await expect(page.getByRole('main')).toContainText(
    `${berlinDay(10).split('-').reverse().join('.')}, 12:00 Uhr`,
  );
  await check(page, '14-umlaufverfahren-offen');
  const detailUrl = page.url();

  // Dr. Jana Hoffmann answers on her phone; a bare objection is refused until she gives a reason.
  const phone = await newPage(browser, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await phone.goto(await voteLink('jana.hoffmann@example.org'));
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
  await desk.goto(await voteLink('klaus.neumann@example.org'));
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

  // Sabine Krämer never answers: the office sees who is missing; silence does not count as consent.
  await page.goto(detailUrl);
  await expect(answers.getByRole('row', { name: /^Dr\. Jana Hoffmann/ })).toContainText('Zustimmung');
  await expect(answers.getByRole('row', { name: /^Klaus Neumann/ })).toContainText('Zustimmung');
  await expect(answers.getByRole('row', { name: /^Sabine Krämer/ })).toContainText('keine Antwort');
  await expect(answers).toContainText(/\d+ Antwort(en)? fehl/);
  await check(page, '14-umlaufverfahren-antworten');

  await nav(page).getByRole('link', { name: 'Umlaufverfahren' }).click();
  await expect(page.getByRole('row', { name: new RegExp(TITLE) })).toContainText('offen');
  await check(page, '14-umlaufverfahren-liste');
  await nav(page).getByRole('link', { name: 'Start' }).click();
  const card = page.getByRole('article', { name: 'Offene Umlaufverfahren' });
  await expect(card.getByRole('link', { name: TITLE })).toBeVisible();
  await expect(page.getByRole('article', { name: 'Nächste Sitzungen' })).toBeVisible();
  await check(page, '14-start');

  // The reply page of the spring meeting's invitation, if spec 10 sent it in this installation.
  const { simpleParser } = await import('mailparser');
  const mails = path.resolve('test-results/e2e-mail');
  let token: string | undefined;
  for (const f of fs.existsSync(mails) ? fs.readdirSync(mails).sort().reverse() : []) {
    const mail = await simpleParser(fs.readFileSync(path.join(mails, f)));
    const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
    if (!to.some((a) => a.value.some((v) => v.address === 'claudia.richter@example.org'))) continue;
    // The spring meeting lies ahead; replies to a meeting already held are closed.
    if (!/^(Einladung|Änderung): Frühjahrssitzung/.test(mail.subject ?? '')) continue;
    token = mail.text?.match(/\/antwort\/([A-Za-z0-9_-]+)/)?.[1];
    if (token) break;
  }
  if (token) {
    const member = await newPage(browser, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    await member.goto(`/antwort/${token}`);
    await expect(member.getByRole('heading', { level: 1, name: /^Einladung: / })).toBeVisible();
    await check(member, '14-antwort-telefon');
    const deputy = member.getByRole('radio', { name: 'Meine Stellvertretung nimmt teil' });
    if (await deputy.count()) {
      await deputy.check();
      await member.getByRole('button', { name: 'Rückmeldung senden' }).click();
      await expect(member.getByRole('status')).toContainText(
        'die Teilnahme Ihrer Stellvertretung ist vermerkt',
      );
      await check(member, '14-antwort-telefon-gesendet');
    }
    await member.context().close();
  }
  await page.context().close();
});
