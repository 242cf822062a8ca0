import fs from 'node:fs';
import { readPdf } from '../helpers/pdf';
import { expect, test } from './fixtures';
import { mailTo } from './mail';
import {
  addItem,
  berlinDay,
  berlinNow,
  confirmAudience,
  openMeeting,
  planMeeting,
  SPECIAL,
} from './meeting-support';
import { heldSpecialMeeting } from './seed';
import { check } from './support';

const LATER = 'Wintersitzung des Lenkungskreises';

test('minutes: drafted, edited per item, circulated, a member asks for a correction, recirculated, approved at the next meeting, frozen, PDF for the archive', async ({
  browser,
  network,
}) => {
  // Yesterday's special meeting, held with the committee, took the KAoA work order (journey 10).
  await heldSpecialMeeting(network);
  const page = await network.open(browser, network.admin);
  await openMeeting(page, SPECIAL);
  const head = page.locator('.bn-meeting-head');
  await expect(head).toContainText('Nachbereitung: Niederschrift offen');

  // Journey 7: the office generates the draft from what was recorded in the meeting.
  const minutes = page.getByRole('region', { name: 'Niederschrift', exact: true });
  await minutes.getByRole('button', { name: 'Entwurf erzeugen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Der Entwurf (Fassung 1) ist erzeugt.' }),
  ).toBeVisible();
  await expect(head).toContainText('Nachbereitung: Niederschrift in Arbeit');

  // One section per agenda item: what the meeting recorded stands read-only, with the decision number.
  const item = minutes.getByRole('region', { name: 'TOP 1 Arbeitsauftrag Berufsorientierung' });
  await expect(item).toContainText(/In der Sitzung festgehalten · Beschluss LK-\d{4}-\d{2}/);
  await expect(item).toContainText('Positionen: Zustimmung: ');
  const number = ((await item.locator('.bn-decision-number').textContent()) ?? '').replace('Beschluss ', '');
  const attendance = minutes.getByRole('region', { name: 'Anwesenheit' });
  await expect(attendance).toContainText('Ulrike Hartmann (Land, Schulamt für den Hochsauerlandkreis)');
  await minutes.getByLabel('Sitzungsleitung').fill('Ulrike Hartmann');
  await minutes.getByLabel('Protokollführung').fill('Petra Schulte');
  await minutes.getByLabel('Beginn (tatsächlich)').fill('10:05');
  await minutes.getByLabel('Ende (tatsächlich)').fill('11:50');
  await minutes
    .getByLabel('Eröffnung')
    .fill('Frau Hartmann begrüßt die Mitglieder und stellt die Beschlussfähigkeit fest.');
  await item
    .getByLabel('Beratung zu TOP 1')
    .fill('Die Teamleitung erläutert den Auftrag. Die IHK unterstützt die Suche nach Praktikumsplätzen.');
  await minutes.getByRole('button', { name: 'Als neue Fassung speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Fassung 2 ist gespeichert.' })).toBeVisible();
  const versions = minutes.getByRole('table', { name: 'Fassungen der Niederschrift' });
  await expect(versions.getByRole('row')).toHaveCount(3);
  await expect(item.getByLabel('Beratung zu TOP 1')).toHaveValue(/IHK unterstützt/);
  await check(page, '11-niederschrift-entwurf');

  await minutes.getByRole('button', { name: 'In Umlauf geben' }).click();
  await confirmAudience(page, 'Entwurf der Niederschrift in Umlauf geben?', 'In Umlauf geben');
  await expect(
    page.getByRole('status').filter({ hasText: 'Fassung 2 ist an die Mitglieder verschickt.' }),
  ).toBeVisible();
  await expect(versions.getByRole('row', { name: /Fassung 2/ })).toContainText('im Umlauf');
  await expect(minutes).toContainText('Diese Fassung ist im Umlauf.');
  await expect(head).toContainText('Nachbereitung: Niederschrift im Umlauf');
  await check(page, '11-niederschrift-umlauf');
  const circulated = await mailTo(network.email('martin.vogel'), /^Entwurf der Niederschrift: /);
  expect(circulated.attachments.map((a) => a.filename)).toContain('Niederschrift-Entwurf-2.pdf');

  // A member reads the circulated draft on the meeting page and asks for a correction of item 1.
  // On her phone: the page never scrolls sideways.
  const member = await network.open(browser, await network.account('committee'), '/start', {
    viewport: { width: 390, height: 844 },
  });
  await openMeeting(member, SPECIAL);
  const circulation = member.getByRole('region', { name: 'Niederschrift im Umlauf' });
  await expect(circulation).toContainText('Fassung 2');
  await circulation.getByLabel('Betrifft').selectOption({ label: 'TOP 1 Arbeitsauftrag Berufsorientierung' });
  await circulation
    .getByLabel('Ihr Korrekturwunsch')
    .fill('Bitte die Kammer ausschreiben: Industrie- und Handelskammer Arnsberg.');
  await circulation.getByRole('button', { name: 'Korrekturwunsch senden' }).click();
  await expect(
    member.getByRole('status').filter({ hasText: 'Ihr Korrekturwunsch ist beim Bildungsbüro.' }),
  ).toBeVisible();
  await expect(circulation.getByRole('region', { name: 'Ihre Korrekturwünsche' })).toContainText('offen');
  expect(await member.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await check(member, '11-korrekturwunsch-mitglied');

  // The office sees the request on the minutes, takes it over into a new version and recirculates.
  await page.reload();
  const requests = minutes.getByRole('region', { name: /^Korrekturwünsche/ });
  await expect(requests).toContainText('1 offener Korrekturwunsch');
  await expect(requests).toContainText('Martin Vogel zu Fassung 2 · TOP 1 Arbeitsauftrag Berufsorientierung');
  await requests.getByLabel('Vermerk zum Wunsch von Martin Vogel').fill('Übernommen in Fassung 3.');
  await requests.getByRole('button', { name: 'Übernehmen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'als übernommen vermerkt' })).toBeVisible();
  await expect(requests).toContainText('übernommen');
  const discussion = minutes.getByLabel('Beratung zu TOP 1');
  await discussion.fill(
    (await discussion.inputValue()).replace('Die IHK', 'Die Industrie- und Handelskammer Arnsberg'),
  );
  await minutes.getByRole('button', { name: 'Als neue Fassung speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Fassung 3 ist gespeichert.' })).toBeVisible();
  // Changed after circulation: version 3 must circulate before it can be approved.
  await expect(minutes).toContainText('genehmigt werden kann nur eine Fassung im Umlauf');
  await check(page, '11-niederschrift-geaendert');
  await minutes.getByRole('button', { name: 'In Umlauf geben' }).click();
  await confirmAudience(page, 'Entwurf der Niederschrift in Umlauf geben?', 'In Umlauf geben');
  await expect(
    page.getByRole('status').filter({ hasText: 'Fassung 3 ist an die Mitglieder verschickt.' }),
  ).toBeVisible();
  await member.reload();
  await expect(circulation).toContainText('Fassung 3');
  await expect(circulation).toContainText('Antwort des Bildungsbüros: Übernommen in Fassung 3.');
  await member.context().close();

  // The next meeting (today) approves the minutes by a procedural decision.
  const start = berlinNow(-5);
  const endHour = Math.min(Number(start.time.slice(0, 2)) + 2, 23);
  await planMeeting(page, {
    title: LATER,
    day: start.day,
    from: start.time,
    to: endHour === 23 ? '23:59' : `${String(endHour).padStart(2, '0')}${start.time.slice(2)}`,
    place: 'Kreishaus Meschede, Raum 2',
  });
  const [y, mo, d] = berlinDay(-1).split('-');
  await addItem(page, {
    title: 'Genehmigung der Niederschrift',
    kind: 'Beschluss',
    type: 'Verfahrensbeschluss',
    approves: `${SPECIAL} (${d}.${mo}.${y})`,
    proposal: 'Die Niederschrift der Sondersitzung wird in der umgelaufenen Fassung genehmigt.',
  });
  await page.getByRole('button', { name: 'Sitzung eröffnen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Die Sitzung ist eröffnet.' })).toBeVisible();
  // "Alle anwesend" is the default when nobody replied otherwise.
  const presence = page.getByRole('region', { name: 'Anwesenheit' });
  await presence.getByRole('button', { name: 'Anwesenheit speichern' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Die Anwesenheit ist gespeichert.' }),
  ).toBeVisible();
  const form = page.getByRole('region', { name: 'Beschluss erfassen zu TOP 1 (Runde 1)' });
  await form.getByRole('button', { name: 'Ergebnis feststellen' }).click();
  const round = page.getByRole('region', { name: 'Runde 1', exact: true });
  await expect(round).toContainText('Beschluss gefasst');
  const approval = ((await round.locator('.bn-decision-number').textContent()) ?? '').replace(
    'Beschluss ',
    '',
  );
  expect(approval).toMatch(/^LK-\d{4}-\d{2}$/);
  await check(page, '11-genehmigung');

  // The minutes are frozen: the editor gives way to the correction form.
  await openMeeting(page, SPECIAL);
  await expect(head).toContainText('Abgeschlossen');
  await expect(minutes.getByRole('status')).toContainText(
    `Die Niederschrift ist genehmigt (Beschluss ${approval})`,
  );
  await expect(versions.getByRole('row', { name: /Fassung 3/ })).toContainText(
    `genehmigt durch Beschluss ${approval}`,
  );
  await expect(versions.getByRole('row', { name: /Fassung 2/ })).toContainText('im Umlauf');
  await expect(minutes.getByRole('button', { name: 'Als neue Fassung speichern' })).toHaveCount(0);
  await expect(minutes.getByRole('button', { name: 'In Umlauf geben' })).toHaveCount(0);
  await check(page, '11-niederschrift-genehmigt');

  // The PDF for the county's document management system: letterhead, times, attendance, numbers.
  const downloadPromise = page.waitForEvent('download');
  await versions.getByRole('link', { name: 'Fassung 3 als PDF herunterladen' }).click();
  const download = await downloadPromise;
  const pdf = await readPdf(fs.readFileSync((await download.path())!));
  expect(pdf.tagged).toBe(true);
  expect(pdf.text).toContain('Regionales Bildungsnetzwerk');
  expect(pdf.text).toContain(`Niederschrift: ${SPECIAL}`);
  expect(pdf.text).toContain(`Datum: ${d}.${mo}.${y}`);
  expect(pdf.text).toContain('Zeit: von 10:05 bis 11:50 Uhr');
  expect(pdf.text).toContain('Sitzungsleitung: Ulrike Hartmann');
  expect(pdf.text).toContain('Protokollführung: Petra Schulte');
  expect(pdf.text).toContain('Industrie- und Handelskammer Arnsberg');
  expect(pdf.text).toContain(`Ergebnis: Beschluss ${number} gefasst.`);
  expect(pdf.text).toContain(`Genehmigt durch Beschluss: ${approval}`);
  expect(pdf.text).toMatch(/Entschuldigt\s/);
  expect(pdf.text).toContain(`Seite 1 von ${pdf.pages}`);
  expect(pdf.text).toContain('Ulrike Hartmann (Sitzungsleitung)');

  // A later correction is a new version with its reason; the approved version stays.
  const correction = minutes.getByRole('form', { name: 'Berichtigung' });
  await correction.getByLabel('Ende (tatsächlich)').fill('11:55');
  await correction
    .getByLabel('Grund der Berichtigung')
    .fill('Ende der Sitzung nach Hinweis von Frau Sommer berichtigt.');
  await correction.getByRole('button', { name: 'Berichtigung speichern' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Die Berichtigung ist als Fassung 4 gespeichert.' }),
  ).toBeVisible();
  await expect(versions.getByRole('row', { name: /Fassung 4/ })).toContainText(
    'Berichtigung: Ende der Sitzung nach Hinweis von Frau Sommer berichtigt.',
  );
  await expect(versions.getByRole('row', { name: /Fassung 3/ })).toContainText(
    `genehmigt durch Beschluss ${approval}`,
  );
  await check(page, '11-niederschrift-berichtigt');
  const wordPromise = page.waitForEvent('download');
  await versions.getByRole('link', { name: 'Fassung 4 als Word-Datei herunterladen' }).click();
  const word = await wordPromise;
  expect(
    fs
      .readFileSync((await word.path())!)
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');
  await page.context().close();
});
