import JSZip from 'jszip';
import { PDFParse } from 'pdf-parse';
import { expect, test } from './fixtures';
import { mailTo } from './mail';
import { berlinDay, SPECIAL } from './meeting-support';
import { heldSpecialMeeting, plannedMeeting, sendInvitations } from './seed';
import {
  dateField,
  expectDateField,
  expectDialogAccessible,
  expectFitsViewport,
  expectNoAxeViolations,
  fillDate,
  fillTime,
  minimalPdf,
  ready,
  shot,
} from './support';

/**
 * Issue 8, points 2 and 3: every list fits the page at 1280 px and on a phone (390 px), and dates and
 * times read the German way (TT.MM.JJJJ, "14:00 Uhr", "von … bis … Uhr") on pages, in mails and in
 * the minutes as PDF and Word, whatever the browser's language.
 */

const GERMAN_DATE_TIME = /\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2} Uhr/;
const dotted = (day: string) => day.split('-').reverse().join('.');

test('every list fits at 1280 px and 390 px; dates and times are German on pages, in mails and minutes', async ({
  browser,
  network,
}) => {
  // A network as the office leaves it after a while: contract, committee, a held meeting with a
  // decision, a planned one with invitations out, a written procedure, a document.
  const held = await heldSpecialMeeting(network);
  const n = network.id;
  const api = network.admin.api;
  const planned = await plannedMeeting(network, 'Herbstsitzung des Lenkungskreises', 40);
  await api.post(`/networks/${n}/meetings/${planned.id}/items`, {
    title: 'Bericht des Bildungsbüros',
    kind: 'information',
  });
  await sendInvitations(network, planned.id);
  const fields = await api.get<{ id: string; name: string }[]>(`/networks/${n}/fields?on=${berlinDay()}`);
  await api.post(`/networks/${n}/procedures`, {
    title: 'Fachtag Übergang Kita – Grundschule',
    proposal: 'Das Bildungsbüro richtet im Frühjahr einen Fachtag zum Übergang Kita – Grundschule aus.',
    decisionType: 'work_order',
    fieldId: fields[0]!.id,
    deadline: `${berlinDay(12)}T12:00`,
  });
  await api.upload(
    `/networks/${n}/files`,
    { visibility: 'members' },
    { name: 'Jahresbericht-des-Regionalen-Bildungsbueros-Hochsauerlandkreis-2026.pdf', buffer: minimalPdf() },
  );
  await api.post(`/networks/${n}/meetings/${held.meetingId}/minutes/draft`);

  // ── Point 2: the list pages, in a browser set to English (the forms must not follow it). ──
  const page = await network.open(browser, network.admin, '/start', { locale: 'en-US' });
  const procedures = await api.get<{ id: string }[]>(`/networks/${n}/procedures`);
  const versions = await api.get<{ versions: { id: string }[] }>(`/networks/${n}/contract`);
  const lists = [
    '/start',
    '/dokumente',
    '/verwaltung/benutzer',
    '/verwaltung/protokoll',
    '/verwaltung/postausgang',
    '/vertrag',
    `/vertrag/fassungen/${versions.versions[0]!.id}`,
    '/vertrag/handlungsfelder',
    '/vertrag/katalog',
    '/lenkungskreis/sitzungen',
    `/lenkungskreis/sitzungen/${held.meetingId}`,
    '/lenkungskreis/beschluesse',
    '/lenkungskreis/umlaufverfahren',
    `/lenkungskreis/umlaufverfahren/${procedures[0]!.id}`,
    '/lenkungskreis/mitglieder',
  ];
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    for (const path of lists) {
      await page.goto(`/n/${n}${path}`);
      await ready(page);
      await expectFitsViewport(page);
      await expectNoAxeViolations(page);
    }
    await page.goto('/konto');
    await ready(page);
    await expectFitsViewport(page);
    await expectNoAxeViolations(page);
  }

  // On a phone the rows are cards: each value carries its column's name.
  await page.goto(`/n/${n}/lenkungskreis/beschluesse`);
  await ready(page);
  const decision = page.getByRole('row', { name: new RegExp(held.decisionNumber) });
  await expect(decision.locator('[data-label="Nummer und Datum"]')).toContainText(held.decisionNumber);
  await shot(page, '16-beschluesse-390');
  await page.setViewportSize({ width: 1280, height: 800 });
  // At 1280 px the register is a table, and "Gefasst in" stays on one line with its meeting.
  const source = decision.locator('.bn-decision-source');
  await expect(source).toContainText(`Gefasst in: ${SPECIAL}`);
  const lines = await source.evaluate((el) => Math.round(el.getBoundingClientRect().height / 24));
  expect(lines).toBe(1);
  await shot(page, '16-beschluesse-1280');

  // ── Point 3 on a page: the office plans a meeting with the German fields, in an English browser. ──
  await page.goto(`/n/${n}/lenkungskreis/sitzungen`);
  await ready(page);
  const form = page.getByRole('region', { name: 'Sitzung planen' });
  const year = Number(berlinDay().slice(0, 4)) + 1;
  await form.getByLabel('Titel').fill('Sommersitzung des Lenkungskreises');
  // Without a date the form does not go out, and says so in German, not in the browser's language.
  await form.getByRole('button', { name: 'Sitzung planen' }).click();
  await expect(form.getByText('Bitte geben Sie ein Datum ein (TT.MM.JJJJ).')).toBeVisible();
  await expect(dateField(form, 'Datum').getByRole('spinbutton').first()).toBeFocused();
  await expectNoAxeViolations(page);
  await fillDate(form, 'Datum', `${year}-06-03`);
  await fillTime(form, 'Beginn', '09:30');
  await fillTime(form, 'Ende', '11:00');
  await expectDateField(form, 'Datum', `03.06.${year}`);
  await expectDateField(form, 'Beginn', '09:30');
  // The calendar: a dialog with the month in German, opened from the field and used by keyboard.
  await dateField(form, 'Datum').getByRole('button').click();
  await expect(page.getByRole('dialog').getByRole('heading')).toHaveText(`Juni ${year}`);
  await expectDialogAccessible(page);
  await shot(page, '16-kalender');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expectDateField(form, 'Datum', `04.06.${year}`);
  await form.getByRole('button', { name: 'Sitzung planen' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Sommersitzung des Lenkungskreises' }),
  ).toBeVisible();
  await expect(page.locator('.bn-meeting-head')).toContainText(`04.06.${year}`);
  await expect(page.locator('.bn-meeting-head')).toContainText('von 09:30 bis 11:00 Uhr');
  await expectFitsViewport(page);

  // Timestamps on a list: "02.12.2026, 14:00 Uhr".
  await page.goto(`/n/${n}/verwaltung/postausgang`);
  await ready(page);
  await expect(page.getByRole('main')).toContainText(GERMAN_DATE_TIME);

  // ── In a mail: the invitation names the day and the hours the German way. ──
  const memberMail = await mailTo(network.email('ulrike.hartmann'), /^Einladung: Herbstsitzung/);
  const day = dotted(berlinDay(40));
  expect(memberMail.subject).toBe(`Einladung: Herbstsitzung des Lenkungskreises am ${day}`);
  expect(memberMail.text).toMatch(
    new RegExp(`Termin: \\w+, ${day.replace(/\./g, '\\.')}, von 10:00 bis 12:00 Uhr`),
  );
  expect(memberMail.text).not.toMatch(/\b(AM|PM)\b|\d{1,2}\/\d{1,2}\/\d{4}/);

  // ── In the minutes, as PDF and as Word. ──
  const yesterday = dotted(berlinDay(-1)).replace(/\./g, '\\.');
  // The minutes' head: "Datum: 01.12.2026" and "Zeit: von 10:00 bis 12:00 Uhr".
  const termin = new RegExp(`Datum:\\s*${yesterday}\\s*Zeit:\\s*von 10:00 bis 12:00 Uhr`);
  const pdf = await api.ctx.get(`/api/networks/${n}/meetings/${held.meetingId}/minutes/1/pdf`);
  expect(pdf.status()).toBe(200);
  const parser = new PDFParse({ data: await pdf.body() });
  const text = (await parser.getText()).text;
  await parser.destroy();
  expect(text.replace(/\s+/g, ' ')).toMatch(termin);
  const docx = await api.ctx.get(`/api/networks/${n}/meetings/${held.meetingId}/minutes/1/docx`);
  expect(docx.status()).toBe(200);
  const xml = await (await JSZip.loadAsync(await docx.body())).file('word/document.xml')!.async('string');
  expect(xml.replace(/<[^>]+>/g, '')).toMatch(termin);
  await page.context().close();
});
