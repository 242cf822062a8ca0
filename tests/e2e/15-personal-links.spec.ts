import { expect, test } from './fixtures';
import { linkIn, mailTo } from './mail';
import { check, newPage } from './support';

const TITLE = 'Sitzungsbeginn künftig um 15 Uhr';

/** Local wall-clock time in Berlin, days from now, as the office types it. */
function berlinLocal(days: number) {
  const d = new Date(Date.now() + days * 86_400_000);
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  return { day: `${p.year}-${p.month}-${p.day}`, at: `${p.year}-${p.month}-${p.day}T12:00` };
}

/**
 * Personal links act for their owner only: the member answers through the link in the mail, the
 * office enters an answer received on paper under its own name, a link ends with the member's term,
 * and the member replaces their calendar link on the account page. Everything it needs it creates.
 */
test('personal links: a vote on paper entered by the office, a link after the term, the calendar link', async ({
  browser,
  network,
}) => {
  const ADMIN = network.admin;
  const api = ADMIN.api;
  const MARIA = { name: 'Maria Vogel', email: network.email('maria.vogel') };
  const JONAS = { name: 'Jonas Richter', email: network.email('jonas.richter') };
  const page = await network.open(browser, ADMIN);
  const net = { id: network.id };
  const base = `/networks/${net.id}`;
  const maria = await api.post<{ id: string }>(`${base}/committee`, {
    ...MARIA,
    side: 'land',
    voting: true,
    termFrom: '2024-01-01',
  });
  const jonas = await api.post<{ id: string }>(`${base}/committee`, {
    ...JONAS,
    side: 'municipality',
    voting: true,
    termFrom: '2024-01-01',
  });
  await api.post(`${base}/committee`, {
    name: ADMIN.name,
    email: ADMIN.email,
    side: 'office',
    voting: false,
    termFrom: '2024-01-01',
  });
  const proc = await api.post<{ id: string }>(`${base}/procedures`, {
    title: TITLE,
    proposal: 'Die Sitzungen des Lenkungskreises beginnen künftig um 15 Uhr.',
    decisionType: 'procedural',
    deadline: berlinLocal(10).at,
  });

  // The member's link comes by mail; the Postausgang does not show it.
  const link = linkIn(await mailTo(MARIA.email), /^\/umlauf\/[A-Za-z0-9_-]+$/);
  const member = await newPage(browser, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await member.goto(link);
  await expect(member.getByRole('heading', { level: 1, name: `Umlaufverfahren: ${TITLE}` })).toBeVisible();
  await check(member, '15-umlauf-link');

  // Jonas answered on paper: the office enters it, by keyboard, under its own name.
  await page.goto(`/n/${net.id}/lenkungskreis/umlaufverfahren/${proc.id}`);
  await expect(page.getByRole('heading', { level: 2, name: /telefonisch oder auf Papier/ })).toBeVisible();
  await check(page, '15-umlauf-eintragen');
  const form = page.getByRole('form', { name: `Antwort von ${JONAS.name}` });
  await form.getByLabel('Antwort', { exact: true }).selectOption({ label: 'Enthaltung' });
  await form.getByLabel('Eingang').selectOption({ label: 'auf Papier' });
  await form.getByRole('button', { name: 'Antwort eintragen' }).focus();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: `Die Antwort von ${JONAS.name} ist eingetragen.` }),
  ).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(JONAS.name) });
  await expect(row).toContainText('Enthaltung');
  await expect(row).toContainText(`auf Papier, erfasst durch ${ADMIN.name}`);
  await check(page, '15-umlauf-erfasst');
  expect(jonas.id).toBeTruthy();

  // Jonas sends his apologies by phone for the next meeting: the office enters it in the invitations table.
  const day = berlinLocal(7).day;
  const mtg = await api.post<{ id: string }>(`${base}/meetings`, {
    title: 'Sitzung Personal Links',
    startsAt: `${day}T14:00`,
    endsAt: `${day}T16:00`,
    location: 'Kreishaus',
  });
  await api.post(`${base}/meetings/${mtg.id}/items`, { title: 'Bericht', kind: 'information' });
  await api.post(`${base}/meetings/${mtg.id}/invitations`, {});
  await page.goto(`/n/${net.id}/lenkungskreis/sitzungen/${mtg.id}`);
  const table = page.getByRole('table', { name: 'Eingeladene und Antworten' });
  const entry = table.getByRole('form', { name: `Rückmeldung von ${JONAS.name}` });
  await entry.getByLabel(`Rückmeldung von ${JONAS.name}`).selectOption({ label: 'entschuldigt' });
  await entry.getByRole('button', { name: 'Eintragen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Die Rückmeldung von ${JONAS.name} ist eingetragen.` }),
  ).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(JONAS.name) })).toContainText('(telefonisch)');
  await check(page, '15-rueckmeldung-telefon');

  // Maria's term ends: her link says so instead of taking an answer.
  await api.put(`${base}/committee/${maria.id}`, {
    ...MARIA,
    side: 'land',
    voting: true,
    termFrom: '2024-01-01',
    termTo: berlinLocal(-1).day,
  });
  await member.goto(link);
  await expect(member.getByRole('heading', { level: 1, name: 'Dieser Link gilt nicht mehr' })).toBeVisible();
  await expect(member.getByRole('main')).toContainText('Amtszeit im Lenkungskreis ist beendet');
  await check(member, '15-link-abgelaufen');

  // The calendar link came once, with the first invitation; on the account page Anna replaces it, and
  // the link from the mail stops at once.
  const invitation = await mailTo(ADMIN.email, /Sitzung Personal Links/);
  const fromMail = linkIn(invitation, /^\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/);
  expect((await page.request.get(fromMail)).status()).toBe(200);
  await page.goto('/konto');
  await expect(
    page.getByRole('heading', { level: 2, name: 'Kalender-Abo für den Lenkungskreis' }),
  ).toBeVisible();
  await expect(page.getByRole('main')).toContainText(`Für ${network.name} besteht ein Kalender-Abo-Link.`);
  await page.getByRole('button', { name: 'Kalender-Abo-Link neu erzeugen' }).click();
  const field = page.getByLabel(`Ihr neuer Kalender-Abo-Link für ${network.name}`);
  await expect(field).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/);
  const first = await field.inputValue();
  expect((await page.request.get(new URL(first).pathname)).status()).toBe(200);
  expect((await page.request.get(fromMail)).status()).toBe(410);
  await check(page, '15-kalender-abo');
  await page.getByRole('button', { name: 'Kalender-Abo-Link neu erzeugen' }).click();
  await expect(field).not.toHaveValue(first);
  const second = await field.inputValue();
  expect((await page.request.get(new URL(first).pathname)).status()).toBe(410);
  expect((await page.request.get(new URL(second).pathname)).status()).toBe(200);
  await member.context().close();
  await page.context().close();
});
