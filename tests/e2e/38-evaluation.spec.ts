import { expect, test } from './fixtures';
import { check, expectFitsViewport } from './support';

/**
 * Journey 16 (evaluation): the office builds the yearly survey of the network's actors from the
 * standard instrument, adds a question shown only to those who feel left out, opens it and makes
 * anonymous links; a participant answers on her phone; with five answers the results show bars, a
 * data table and last year's means of the same instrument. (Last year's survey is answered through the
 * API: the browser adds nothing there.)
 */

type Survey = { id: string; version: number; questionList: { id: string; key: string | null }[] };

test('the office builds a survey with a condition, a participant answers by link, results compare with last year', async ({
  browser,
  network,
}) => {
  const api = network.admin.api;
  const n = network.id;
  const answer = (url: string, answers: object) =>
    api.post(`/survey-answers/${new URL(url).pathname.split('/befragung/')[1]}`, { answers });

  // Last year: the same instrument, five answers.
  const last = await api.post<Survey>(`/networks/${n}/surveys`, {
    title: 'Jährliche Befragung der Netzwerkakteure 2025',
    subjectKind: 'network',
    year: 2025,
    instrument: 'network-actors-annual',
  });
  await api.post(`/networks/${n}/surveys/${last.id}/status`, { status: 'open', version: last.version });
  const lastLinks = await api.post<{ urls: string[] }>(`/networks/${n}/surveys/${last.id}/links`, {
    count: 5,
  });
  const key = (s: Survey, k: string) => s.questionList.find((q) => q.key === k)!.id;
  for (const url of lastLinks.urls)
    await answer(url, {
      [key(last, 'benefit')]: 3,
      [key(last, 'information')]: 3,
      [key(last, 'participation')]: 2,
    });

  const page = await network.open(browser, network.admin, '/veranstaltungen/befragungen');
  await expect(
    page.getByRole('link', { name: 'Jährliche Befragung der Netzwerkakteure 2025' }),
  ).toBeVisible();
  await check(page, '38-surveys');

  await page.getByLabel('Titel').fill('Jährliche Befragung der Netzwerkakteure 2026');
  await expect(page.getByLabel('Standardinstrument')).toHaveValue('network-actors-annual');
  await page.getByLabel('Jahr').fill('2026');
  await page.getByRole('button', { name: 'Befragung anlegen' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Jährliche Befragung der Netzwerkakteure 2026' }),
  ).toBeVisible();

  // A free-text question only for those who do not feel involved (answer 1 or 2 to question 3).
  await page.getByLabel('Art der Frage').selectOption('text');
  await page.getByLabel('Frage', { exact: true }).fill('Was fehlt Ihnen, um sich zu beteiligen?');
  await page
    .getByLabel('Nur zeigen, wenn diese frühere Frage …')
    .selectOption({ label: '3. Ich kann mich an Entscheidungen des Netzwerks beteiligen.' });
  await page.getByLabel('… so beantwortet wurde').selectOption('2');
  await page.getByRole('button', { name: 'Frage hinzufügen' }).click();
  await expect(
    page.getByText(
      'Nur wenn „3. Ich kann mich an Entscheidungen des Netzwerks beteiligen.“ mit 2 beantwortet wurde.',
    ),
  ).toBeVisible();
  await check(page, '38-builder');

  await page.getByRole('button', { name: 'Befragung öffnen' }).click();
  await expect(page.getByRole('button', { name: 'Befragung schließen' })).toBeVisible();
  await page.getByLabel('Anzahl anonymer Links').fill('5');
  await page.getByRole('button', { name: 'Links erzeugen' }).click();
  const urls = (await page.getByLabel('5 Antwortlinks').inputValue()).split('\n');
  expect(urls).toHaveLength(5);
  await expect(page.getByText('Zu wenige Antworten.').first()).toBeVisible();

  // A participant answers on her phone; the condition reveals the free-text question.
  const phone = await browser.newContext({ locale: 'de-DE', viewport: { width: 390, height: 844 } });
  const p = await phone.newPage();
  await p.goto(new URL(urls[0]!).pathname);
  await expect(
    p.getByRole('heading', { level: 1, name: 'Jährliche Befragung der Netzwerkakteure 2026' }),
  ).toBeVisible();
  await p
    .getByRole('group', { name: /Zusammenarbeit im Bildungsnetzwerk nützt/ })
    .getByLabel('4 – trifft eher zu')
    .check();
  await p
    .getByRole('group', { name: /gut informiert/ })
    .getByLabel('5 – trifft voll zu')
    .check();
  await expect(p.getByLabel('Was fehlt Ihnen, um sich zu beteiligen?')).toHaveCount(0);
  await p
    .getByRole('group', { name: /an Entscheidungen/ })
    .getByLabel('2 – trifft eher nicht zu')
    .check();
  await p.getByLabel('Was fehlt Ihnen, um sich zu beteiligen?').fill('Sitzungstermine am Nachmittag');
  await expectFitsViewport(p);
  await check(p, '38-answer-390');
  await p.getByRole('button', { name: 'Antworten absenden' }).click();
  await expect(p.getByRole('heading', { level: 1, name: 'Vielen Dank!' })).toBeVisible();
  await p.reload();
  await expect(p.getByText('Mit diesem Link wurde schon geantwortet. Vielen Dank!')).toBeVisible();
  await phone.close();

  const now = await api.get<Survey>(`/networks/${n}/surveys?subjectKind=network`).then(async (list) => {
    const id = (list as unknown as { id: string; year: number }[]).find((s) => s.year === 2026)!.id;
    return api.get<Survey>(`/networks/${n}/surveys/${id}`);
  });
  for (const [i, url] of urls.slice(1).entries())
    await answer(url, {
      [key(now, 'benefit')]: 4 + (i % 2),
      [key(now, 'information')]: 4,
      [key(now, 'participation')]: 4,
    });

  await page.reload();
  await expect(
    page.getByText(
      '5 Antworten. Vergleich mit „Jährliche Befragung der Netzwerkakteure 2025“ (5 Antworten).',
    ),
  ).toBeVisible();
  const table = page.getByRole('table', {
    name: 'Verteilung: Die Zusammenarbeit im Bildungsnetzwerk nützt meiner Einrichtung.',
  });
  await expect(table.getByRole('row', { name: 'Mittelwert 2025 3' })).toBeVisible();
  await expect(table.getByRole('row', { name: /^Mittelwert 4,4$/ })).toBeVisible();
  await expect(page.locator('.bn-survey-chart[aria-hidden="true"] svg').first()).toBeVisible();
  // The free texts (one answer) and the unanswered choice stay hidden below five.
  await expect(
    page.getByRole('region', { name: 'Ergebnisse' }).getByText('Zu wenige Antworten.'),
  ).toHaveCount(3);
  await check(page, '38-results');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectFitsViewport(page);
  await check(page, '38-results-390');
});
