import type { Page } from '@playwright/test';
import { expect, type Network, test } from './fixtures';
import { berlinDay, KAOA } from './meeting-support';
import { COMMITTEE, jointField, recordMembers } from './seed';
import { check, expectDialogAccessible, expectFitsViewport, ready, shot } from './support';

/**
 * Journey 10, the office's follow-up: the committee took a goal decision and a work-plan decision in
 * yesterday's meeting; the office sets the goal from the decision, drafts the field's work plan with
 * the goal and a measure, marks it agreed by the work-plan decision and publishes it.
 */

const ENTITLED = ['Ulrike Hartmann', 'Dr. Thomas Berger', 'Martin Vogel', 'Claudia Richter', 'Helga Brandt'];
const GOAL = 'Alle Klassen 8 machen eine Potenzialanalyse.';

/** Yesterday's meeting took two decisions by consensus: a goal and the work plan of KAoA. */
async function decisions(network: Network) {
  const api = network.admin.api;
  const n = network.id;
  const fieldId = await jointField(api, n);
  const ids = await recordMembers(network, COMMITTEE);
  const day = berlinDay(-1);
  const m = await api.post<{ id: string }>(`/networks/${n}/meetings`, {
    title: 'Lenkungskreis Sondersitzung',
    startsAt: `${day}T10:00`,
    endsAt: `${day}T12:00`,
    location: 'Kreishaus Meschede, Raum 2',
  });
  const items = [
    { title: 'Ziel Potenzialanalyse Klasse 8', decisionType: 'goal' },
    { title: 'Arbeitsplanung KAoA', decisionType: 'work_plan' },
  ];
  let detail: { items: { id: string }[] } | undefined;
  for (const i of items)
    detail = await api.post(`/networks/${n}/meetings/${m.id}/items`, {
      ...i,
      kind: 'decision',
      fieldId,
      proposal: `${i.title}: der Lenkungskreis beschließt.`,
    });
  await api.post(`/networks/${n}/meetings/${m.id}/hold`);
  await api.put(`/networks/${n}/meetings/${m.id}/attendance`, {
    entries: ENTITLED.map((name) => ({ memberId: ids[name], status: 'present', deputyId: null })),
  });
  for (const item of detail!.items)
    await api.post(`/networks/${n}/meetings/${m.id}/items/${item.id}/rounds`, {
      proposal: 'Beschluss wie vorgeschlagen.',
      positions: ENTITLED.map((name) => ({ memberId: ids[name], stance: 'consent' })),
    });
}

async function fits(page: Page) {
  await page.setViewportSize({ width: 390, height: 844 });
  await expectFitsViewport(page);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Photographs the page at desk and phone width into the run's screens folder. */
async function shots(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await shot(page, `20-${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the office sets a goal from a decision and has the work plan agreed and published', async ({
  browser,
  network,
}) => {
  await decisions(network);
  const page = await network.open(browser, network.admin, '/arbeitsprogramm/ziele');
  await check(page, '20-goals-empty');

  await page.getByRole('button', { name: 'Ziel anlegen' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Beschluss', { exact: true }).selectOption({ index: 1 });
  await expect(dialog.getByLabel('Handlungsfeld')).toHaveValue(/.+/);
  await dialog.getByLabel('Ziel', { exact: true }).fill(GOAL);
  await dialog
    .getByLabel('Messbarer Zielwert oder Meilenstein')
    .fill('100 % der Klassen 8 bis Ende des Schuljahres');
  await expectDialogAccessible(page);
  await dialog.getByRole('button', { name: 'Ziel anlegen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Das Ziel wurde angelegt.' })).toBeVisible();
  const section = page.getByRole('region', { name: KAOA });
  await expect(section.getByRole('link', { name: GOAL })).toBeVisible();
  await fits(page);
  await shots(page, 'goals');

  await section.getByRole('link', { name: GOAL }).click();
  await ready(page);
  await expect(page.getByRole('heading', { level: 1, name: GOAL })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Fassung 1: Ziel gesetzt/ })).toBeVisible();
  await check(page, '20-goal');
  await fits(page);
  await shots(page, 'goal');

  await page.goto(page.url().replace(/ziele\/.*$/, 'planung'));
  await ready(page);
  await page.getByRole('button', { name: `Arbeitsplanung anlegen: ${KAOA}` }).click();
  await ready(page);
  await expect(page.getByRole('heading', { level: 1, name: /Arbeitsplanung \d{4}: / })).toBeVisible();

  await page.getByRole('button', { name: 'Neue Fassung' }).click();
  const v = page.getByRole('dialog');
  await v.getByRole('button', { name: 'Eintrag hinzufügen' }).click();
  await v.getByLabel('Art').selectOption('goal');
  await v.getByLabel('Ziel', { exact: true }).selectOption({ label: GOAL });
  await v.getByRole('button', { name: 'Eintrag hinzufügen' }).click();
  await v.getByLabel('Art').nth(1).selectOption('event');
  await v.getByLabel('Titel').fill('Fachtag Berufsorientierung');
  await expectDialogAccessible(page);
  await v.getByRole('button', { name: 'Neue Fassung' }).click();
  await expect(page.getByText('Fassung 2 wurde als Entwurf gespeichert.')).toBeVisible();
  await expect(page.getByRole('link', { name: GOAL })).toBeVisible();

  await page.getByRole('button', { name: 'Als beschlossen markieren' }).click();
  const a = page.getByRole('dialog');
  await a.getByLabel('Beschluss', { exact: true }).selectOption({ index: 1 });
  await a.getByRole('button', { name: 'Als beschlossen markieren' }).click();
  await expect(page.getByText('Fassung 2 ist als beschlossen markiert.')).toBeVisible();
  await page.getByLabel('Auf der öffentlichen Netzwerkseite zeigen').click();
  await expect(
    page.getByText('Die beschlossene Fassung steht jetzt auf der öffentlichen Netzwerkseite.'),
  ).toBeVisible();
  await expect(page.getByLabel('Auf der öffentlichen Netzwerkseite zeigen')).toBeChecked();
  await check(page, '20-plan');
  await fits(page);
  await shots(page, 'plan');

  await page.getByRole('link', { name: 'Alle Arbeitsplanungen' }).click();
  await ready(page);
  await expect(page.getByText('Fassung 2 beschlossen')).toBeVisible();
  await check(page, '20-plans');
  await fits(page);
  await shots(page, 'plans');
});
