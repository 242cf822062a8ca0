import fs from 'node:fs';
import type { Page } from '@playwright/test';
import JSZip from 'jszip';
import { escapeRegExp, expect, type Network, test } from './fixtures';
import { linkIn, mailTo } from './mail';
import { SPRING } from './meeting-support';
import { COMMITTEE, jointField, recordMembers, sendInvitations, springMeeting } from './seed';
import { check, minimalPdf } from './support';

/*
 * Journeys 4 and 9: a committee member prepares the spring meeting on a tablet from the invitation
 * mail's personal link ("Ihre Sitzung"), without an account; and the questions (Rückfragen) the office
 * answers from its Start page.
 */

const TABLET = { viewport: { width: 768, height: 1024 }, isMobile: true, hasTouch: true };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

/** The page never scrolls sideways. */
async function fitsTheWidth(page: Page) {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [
    document.scrollingElement!.scrollWidth,
    window.innerWidth,
  ]);
  expect(scrollWidth, `page ${page.url()} is wider than the viewport`).toBeLessThanOrEqual(innerWidth);
}

/** The spring meeting with times on every item (journey 9 reads the agenda with times). */
async function springWithTimes(network: Network) {
  await recordMembers(network, COMMITTEE);
  const spring = await springMeeting(network, await jointField(network.admin.api, network.id));
  // TOP 1 and TOP 4 get durations too, so every item has its planned start.
  const detail = await network.admin.api.get<{
    items: Array<{ id: string; title: string; kind: string; proposal: string; presenter: string }>;
  }>(`/networks/${network.id}/meetings/${spring.meetingId}`);
  for (const [title, minutes] of [
    ['Genehmigung der Niederschrift', 10],
    ['Information der Schulaufsicht', 15],
  ] as const) {
    const item = detail.items.find((i) => i.title === title)!;
    await network.admin.api.put(`/networks/${network.id}/meetings/${spring.meetingId}/items/${item.id}`, {
      ...(
        await network.admin.api.get<{ items: Array<Record<string, unknown>> }>(
          `/networks/${network.id}/meetings/${spring.meetingId}`,
        )
      ).items.find((i) => i.id === item.id),
      durationMinutes: minutes,
    });
  }
  await sendInvitations(network, spring.meetingId);
  return spring;
}

async function openFromMail(page: Page, network: Network, local: string) {
  const mail = await mailTo(network.email(local), new RegExp(`^Einladung: ${escapeRegExp(SPRING)}`));
  await page.goto(linkIn(mail, /^\/antwort\/[A-Za-z0-9_-]+$/));
  await expect(page.getByRole('heading', { level: 1, name: `Ihre Sitzung: ${SPRING}` })).toBeVisible();
}

test('journey 9: a Land member prepares on a tablet: agenda with times, proposal, paper inline, all papers, note, reply, calendar', async ({
  browser,
  network,
}) => {
  await springWithTimes(network);
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', ...TABLET });
  const page = await context.newPage();
  await openFromMail(page, network, 'ulrike.hartmann');
  const main = page.getByRole('main');
  await expect(main).toContainText(network.name);
  await expect(main).toContainText('Guten Tag, Ulrike Hartmann.');
  // "Freitag, 12.03.2027, von 14:00 bis 16:30 Uhr", whatever the year of the run.
  await expect(page.getByTestId('meeting-when')).toHaveText(
    /^[A-Z][a-z]+tag, 12\.03\.\d{4}, von 14:00 bis 16:30 Uhr$/,
  );
  await fitsTheWidth(page);
  await check(page, '16-ihre-sitzung-tablet');

  // The agenda with times: 14:00, 14:10, 14:30, 15:00.
  const top3 = page.getByRole('article', { name: 'TOP 3: Arbeitsauftrag KAoA' });
  await expect(page.getByRole('article', { name: 'TOP 1: Genehmigung der Niederschrift' })).toContainText(
    'ab 14:00 Uhr · 10 Minuten',
  );
  await expect(page.getByRole('article', { name: 'TOP 2: Bericht des Bildungsbüros' })).toContainText(
    'ab 14:10 Uhr · 20 Minuten',
  );
  await expect(top3).toContainText('ab 14:30 Uhr · 30 Minuten · Beschluss');
  await expect(page.getByRole('article', { name: 'TOP 4: Information der Schulaufsicht' })).toContainText(
    'ab 15:00 Uhr',
  );
  // The proposal of TOP 3.
  await expect(top3).toContainText('Beschlussvorschlag');
  await expect(top3).toContainText('ein Konzept für die Praxisphasen der Klassen 8 bis 10 zu erarbeiten');

  // The paper opens in the browser (a new tab; the PDF is served inline).
  const paperLink = top3.getByRole('link', { name: /Konzept Praxisphasen KAoA lesen \(PDF\)/ });
  await expect(paperLink).toHaveAttribute('target', '_blank');
  const paper = await page.request.get((await paperLink.getAttribute('href'))!);
  expect(paper.status()).toBe(200);
  expect(paper.headers()['content-type']).toBe('application/pdf');
  expect(paper.headers()['content-disposition']).toMatch(/^inline; filename="?konzept-kaoa\.pdf"?/);
  expect((await paper.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // "Alle Unterlagen" as one file.
  const zipDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Alle Unterlagen herunterladen (ZIP)' }).click();
  const zipFile = await zipDownload;
  expect(zipFile.suggestedFilename()).toMatch(/^Unterlagen .*\.zip$/);
  const zip = await JSZip.loadAsync(fs.readFileSync((await zipFile.path())!));
  expect(Object.keys(zip.files).sort()).toEqual(['TOP 2 – sachstand.pdf', 'TOP 3 – konzept-kaoa.pdf']);
  expect(
    (await zip.file('TOP 3 – konzept-kaoa.pdf')!.async('nodebuffer')).equals(minimalPdf('Konzept KAoA')),
  ).toBe(true);

  // A private note on TOP 3; it is still there when she comes back.
  await top3.getByText('Private Notiz').click();
  await top3.getByLabel('Ihre Notiz zu TOP 3: Arbeitsauftrag KAoA').fill('Frage zu Praktikumsplätzen');
  await top3.getByRole('button', { name: 'Notiz speichern' }).click();
  await expect(top3.getByRole('status').filter({ hasText: 'Ihre Notiz ist gespeichert.' })).toBeVisible();
  await check(page, '16-ihre-sitzung-notiz');

  // She answers "ich komme".
  await page.getByRole('radio', { name: 'Ich komme' }).check();
  await page.getByRole('button', { name: 'Rückmeldung senden' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ihre Teilnahme ist vermerkt' })).toBeVisible();
  await expect(page.getByTestId('current-reply')).toHaveText('Sie nehmen teil.');

  // She adds the meeting to her calendar.
  const icsDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Zum Kalender hinzufügen' }).click();
  const ics = fs.readFileSync((await (await icsDownload).path())!, 'utf8');
  expect(ics).toContain('BEGIN:VEVENT');
  expect(ics).toContain(`SUMMARY:${SPRING}`);
  expect(ics).toContain('DTSTART;TZID=Europe/Berlin:');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: `Ihre Sitzung: ${SPRING}` })).toBeVisible();
  await expect(
    page
      .getByRole('article', { name: 'TOP 3: Arbeitsauftrag KAoA' })
      .getByLabel('Ihre Notiz zu TOP 3: Arbeitsauftrag KAoA'),
  ).toHaveValue('Frage zu Praktikumsplätzen');
  await expect(page.getByTestId('current-reply')).toHaveText('Sie nehmen teil.');
  await fitsTheWidth(page);
  await check(page, '16-ihre-sitzung-geantwortet');

  // Another member does not see her note.
  const other = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', ...PHONE });
  const otherPage = await other.newPage();
  await openFromMail(otherPage, network, 'thomas.berger');
  await expect(otherPage.getByRole('main')).not.toContainText('Frage zu Praktikumsplätzen');
  await fitsTheWidth(otherPage);
  await check(otherPage, '16-ihre-sitzung-telefon');
  await other.close();
  await context.close();
});

test('journey 4: a county member on a tablet reads the papers, sees the proposal of TOP 3 and subscribes to her calendar', async ({
  browser,
  network,
}) => {
  await recordMembers(network, COMMITTEE);
  const spring = await springMeeting(network, await jointField(network.admin.api, network.id));
  await sendInvitations(network, spring.meetingId);
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', ...TABLET });
  const page = await context.newPage();
  await openFromMail(page, network, 'claudia.richter');
  await expect(page.getByRole('main')).toContainText(network.name);
  await fitsTheWidth(page);
  await check(page, '16-j4-ihre-sitzung');

  const top3 = page.getByRole('article', { name: 'TOP 3: Arbeitsauftrag KAoA' });
  await expect(top3).toContainText('Beschlussvorschlag');
  await expect(top3).toContainText('Das Regionale Bildungsbüro erhält den Arbeitsauftrag');
  for (const [item, title] of [
    ['TOP 2: Bericht des Bildungsbüros', 'Sachstandsbericht des Bildungsbüros'],
    ['TOP 3: Arbeitsauftrag KAoA', 'Konzept Praxisphasen KAoA'],
  ] as const) {
    const href = await page
      .getByRole('article', { name: item })
      .getByRole('link', { name: new RegExp(`^${title} lesen \\(PDF\\)`) })
      .getAttribute('href');
    const res = await page.request.get(href!);
    expect(res.headers()['content-disposition']).toMatch(/^inline;/);
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
  }

  // The calendar by subscription: a personal address, shown once, that serves her meetings.
  await page.getByRole('button', { name: 'Kalenderabo einrichten' }).click();
  const address = page.getByLabel('Abo-Adresse zum Kopieren');
  await expect(address).toHaveValue(/\/api\/calendar\/[A-Za-z0-9_-]+\.ics$/);
  await expect(page.getByRole('link', { name: 'Abo im Kalenderprogramm öffnen' })).toHaveAttribute(
    'href',
    /^webcal:\/\//,
  );
  const feed = await page.request.get(new URL(await address.inputValue()).pathname);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain(`SUMMARY:${SPRING}`);
  await fitsTheWidth(page);
  await check(page, '16-j4-kalenderabo');
  await context.close();
});

test('Rückfragen: a member asks on TOP 3, the office sees it on Start and answers, the other members read the answer', async ({
  browser,
  network,
}) => {
  await springWithTimes(network);
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', ...PHONE });
  const member = await context.newPage();
  await openFromMail(member, network, 'ulrike.hartmann');
  const top3 = member.getByRole('article', { name: 'TOP 3: Arbeitsauftrag KAoA' });
  await top3.getByText('Rückfrage an das Bildungsbüro stellen').click();
  await top3.getByRole('button', { name: 'Rückfrage senden' }).click();
  await expect(top3.getByText('Bitte schreiben Sie Ihre Rückfrage (mindestens 3 Zeichen).')).toBeVisible();
  await check(member, '16-rueckfrage-fehler');
  await top3
    .getByLabel('Ihre Rückfrage zu TOP 3: Arbeitsauftrag KAoA')
    .fill('Wie viele Praktikumsplätze stellt die IHK bereit?');
  await top3.getByRole('button', { name: 'Rückfrage senden' }).click();
  await expect(top3.getByRole('status').filter({ hasText: 'beim Bildungsbüro angekommen' })).toBeVisible();
  await expect(top3).toContainText('Sie');
  await expect(top3).toContainText('Noch nicht beantwortet.');
  await fitsTheWidth(member);

  // The office finds the open question on its Start page and answers on the meeting page.
  const office = await network.open(browser, network.admin);
  const card = office.getByRole('article', { name: 'Offene Rückfragen' });
  await expect(card).toContainText('TOP 3 Arbeitsauftrag KAoA');
  await expect(card).toContainText('Ulrike Hartmann');
  await check(office, '16-start-offene-rueckfragen');
  await card.getByRole('link', { name: /TOP 3 Arbeitsauftrag KAoA/ }).click();
  const questions = office.getByRole('region', { name: 'Rückfragen der Mitglieder' });
  await expect(questions).toContainText('Wie viele Praktikumsplätze stellt die IHK bereit?');
  await questions.getByLabel('Antwort an Ulrike Hartmann').fill('Im ersten Jahr 40 Plätze, die Liste folgt.');
  await questions.getByRole('button', { name: 'Antwort senden' }).click();
  await expect(questions.getByRole('status')).toContainText('Die Antwort steht jetzt');
  await check(office, '16-buero-rueckfrage-beantwortet');
  await office.goto(`/n/${network.id}/start`);
  await expect(office.getByRole('article', { name: 'Offene Rückfragen' })).toContainText(
    'Keine offenen Rückfragen.',
  );
  await office.context().close();

  // Another member reads question and answer on his page.
  await openFromMail(member, network, 'thomas.berger');
  const his = member.getByRole('article', { name: 'TOP 3: Arbeitsauftrag KAoA' });
  await expect(his).toContainText('Ulrike Hartmann');
  await expect(his).toContainText('Wie viele Praktikumsplätze stellt die IHK bereit?');
  await expect(his).toContainText('Im ersten Jahr 40 Plätze, die Liste folgt.');
  await fitsTheWidth(member);
  await check(member, '16-rueckfrage-beantwortet');
  await context.close();
});

test('signed in: a committee member reaches "Ihre Sitzung" from Start, answers there and finds her notes from the mail link', async ({
  browser,
  network,
}) => {
  await springWithTimes(network);
  const member = await network.account('committee'); // Martin Vogel, county side, by his address
  const page = await network.open(browser, member, '/start', PHONE);
  await page.getByRole('link', { name: SPRING }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: `Ihre Sitzung: ${SPRING}` })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(network.name);
  await expect(page.getByRole('region', { name: 'Eingeladene und Antworten' })).toHaveCount(0);
  const top3 = page.getByRole('article', { name: 'TOP 3: Arbeitsauftrag KAoA' });
  await expect(top3).toContainText('ab 14:30 Uhr');
  await top3.getByText('Private Notiz').click();
  await top3.getByLabel('Ihre Notiz zu TOP 3: Arbeitsauftrag KAoA').fill('Mit dem Schulamt abstimmen');
  await top3.getByRole('button', { name: 'Notiz speichern' }).click();
  await expect(top3.getByRole('status').filter({ hasText: 'Ihre Notiz ist gespeichert.' })).toBeVisible();
  await page.getByRole('radio', { name: 'Ich bin verhindert' }).check();
  await page.getByRole('button', { name: 'Rückmeldung senden' }).click();
  await expect(page.getByTestId('current-reply')).toHaveText('Sie sind verhindert.');
  await fitsTheWidth(page);
  await check(page, '16-angemeldet-ihre-sitzung');
  await page.context().close();

  // The mail link of the same invitation shows the same note and reply.
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', ...TABLET });
  const link = await context.newPage();
  await openFromMail(link, network, 'martin.vogel');
  await expect(link.getByTestId('current-reply')).toHaveText('Sie sind verhindert.');
  await expect(
    link
      .getByRole('article', { name: 'TOP 3: Arbeitsauftrag KAoA' })
      .getByLabel('Ihre Notiz zu TOP 3: Arbeitsauftrag KAoA'),
  ).toHaveValue('Mit dem Schulamt abstimmen');
  await context.close();
});
