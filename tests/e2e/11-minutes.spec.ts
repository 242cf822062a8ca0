import fs from 'node:fs';
import { expect, test } from './fixtures';
import { mailTo } from './mail';
import { addItem, berlinDay, confirmAudience, openMeeting, planMeeting, SPECIAL } from './meeting-support';
import { heldSpecialMeeting } from './seed';
import { check } from './support';

const LATER = 'Wintersitzung des Lenkungskreises';

/** Berlin wall-clock day and time `minutes` from now: { day: '2026-11-26', time: '14:05' }. */
function berlinNow(minutes: number) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(Date.now() + minutes * 60_000))
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

test('minutes: drafted, edited, circulated, approved at the next meeting, then corrected as a new version', async ({
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
  const body = minutes.getByLabel('Text der Niederschrift');
  await expect(body).toHaveValue(/Arbeitsauftrag Berufsorientierung/);
  await body.fill(
    `${await body.inputValue()}\n\nErgänzung: Die IHK Arnsberg unterstützt die Suche nach Praktikumsplätzen.`,
  );
  await minutes.getByRole('button', { name: 'Als neue Fassung speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Fassung 2 ist gespeichert.' })).toBeVisible();
  const versions = minutes.getByRole('table', { name: 'Fassungen der Niederschrift' });
  await expect(versions.getByRole('row')).toHaveCount(3);
  await expect(body).toHaveValue(/Ergänzung: Die IHK Arnsberg/);

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
  const attendance = page.getByRole('region', { name: 'Anwesenheit' });
  await attendance.getByRole('button', { name: 'Anwesenheit speichern' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Die Anwesenheit ist gespeichert.' }),
  ).toBeVisible();
  const form = page.getByRole('region', { name: 'Beschluss erfassen zu TOP 1 (Runde 1)' });
  await form.getByRole('button', { name: 'Ergebnis feststellen' }).click();
  const round = page.getByRole('region', { name: 'Runde 1', exact: true });
  await expect(round).toContainText('Beschluss gefasst');
  const number = ((await round.locator('.bn-decision-number').textContent()) ?? '').replace('Beschluss ', '');
  expect(number).toMatch(/^LK-\d{4}-\d{2}$/);
  await check(page, '11-genehmigung');

  // The minutes are frozen: the editor gives way to the correction form.
  await openMeeting(page, SPECIAL);
  await expect(head).toContainText('Abgeschlossen');
  await expect(minutes.getByRole('status')).toContainText(
    `Die Niederschrift ist genehmigt (Beschluss ${number})`,
  );
  await expect(versions.getByRole('row', { name: /Fassung 2/ })).toContainText(
    `genehmigt durch Beschluss ${number}`,
  );
  await expect(minutes.getByRole('button', { name: 'Als neue Fassung speichern' })).toHaveCount(0);
  await expect(minutes.getByRole('button', { name: 'In Umlauf geben' })).toHaveCount(0);
  await check(page, '11-niederschrift-genehmigt');

  // A member asked for a correction: a new version with its reason; version 2 stays.
  const correction = minutes.getByRole('form', { name: 'Berichtigung' });
  const text = correction.getByLabel('Text der Niederschrift');
  await text.fill((await text.inputValue()).replace('IHK Arnsberg', 'Industrie- und Handelskammer Arnsberg'));
  await correction
    .getByLabel('Grund der Berichtigung')
    .fill('Name der Kammer auf Wunsch von Frau Sommer ausgeschrieben.');
  await correction.getByRole('button', { name: 'Berichtigung speichern' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Die Berichtigung ist als Fassung 3 gespeichert.' }),
  ).toBeVisible();
  await expect(versions.getByRole('row', { name: /Fassung 3/ })).toContainText(
    'Berichtigung: Name der Kammer auf Wunsch von Frau Sommer ausgeschrieben.',
  );
  await expect(versions.getByRole('row', { name: /Fassung 2/ })).toContainText(
    `genehmigt durch Beschluss ${number}`,
  );
  await check(page, '11-niederschrift-berichtigt');

  // The PDF for the county's document management system, and the Word file.
  let downloadPromise = page.waitForEvent('download');
  await versions.getByRole('link', { name: 'Fassung 3 als PDF herunterladen' }).click();
  let download = await downloadPromise;
  expect(
    fs
      .readFileSync((await download.path())!)
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
  downloadPromise = page.waitForEvent('download');
  await versions.getByRole('link', { name: 'Fassung 3 als Word-Datei herunterladen' }).click();
  download = await downloadPromise;
  expect(
    fs
      .readFileSync((await download.path())!)
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');
  await page.context().close();
});
