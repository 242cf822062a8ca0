import { expect, test } from './fixtures';
import { berlinDay, SPRING } from './meeting-support';
import { jointField } from './seed';
import { check, expectFitsViewport, expectNoAxeViolations } from './support';

/*
 * Journey 10, the reports' part: the office plans the next meeting and finds the offer "Bericht aus dem
 * Bildungsbüro" on its page; the committee does not. Here the offer has nothing due; the whole journey
 * with due reports, the freeze and the minutes is 26-decision-to-work.spec.ts (and the API tests in
 * src/server/modules/work/reports.routes.test.ts).
 */
test('reports: the planned meeting offers the office report to the office only', async ({
  browser,
  network,
}) => {
  await jointField(network.admin.api, network.id);
  const office = await network.account('office');
  const committee = await network.account('committee');
  const year = Number(berlinDay().slice(0, 4)) + 1;
  const meeting = await office.api.post<{ id: string }>(`/networks/${network.id}/meetings`, {
    title: SPRING,
    startsAt: `${year}-03-12T14:00`,
    endsAt: `${year}-03-12T16:00`,
    location: 'Kreishaus Meschede',
  });
  const path = `/lenkungskreis/sitzungen/${meeting.id}`;

  const page = await network.open(browser, office, path);
  const offer = page.getByRole('region', { name: 'Bericht aus dem Bildungsbüro' });
  await expect(offer).toBeVisible();
  await expect(offer).toContainText('Für diese Sitzung sind keine Sachstandsberichte fällig.');
  await check(page, '23-sitzung-bericht-angebot');
  await page.setViewportSize({ width: 390, height: 800 });
  await expectFitsViewport(page);

  const member = await network.open(browser, committee, path);
  await expect(member.getByRole('heading', { level: 1, name: SPRING })).toBeVisible();
  await expect(member.getByRole('region', { name: 'Bericht aus dem Bildungsbüro' })).toHaveCount(0);
  await expectNoAxeViolations(member);
});
