import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { heldSpecialMeeting } from './seed';
import { check, expectNoAxeViolations, fillDate, nav, shot } from './support';

/** Wall-clock day in Europe/Berlin, `days` from today, as a date field wants it. */
function berlinDay(days = 0) {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + days * 86_400_000));
}

async function openCommittee(page: Page) {
  await nav(page).getByRole('link', { name: 'Mitglieder', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mitglieder des Lenkungskreises' })).toBeFocused();
}

type NewMember = {
  name: string;
  email?: string;
  side: 'Land' | 'Kommune (Schulträger)' | 'Weitere Bildungsakteure' | 'Bildungsbüro';
  fn: string;
  institution: string;
  voting?: boolean;
  deputyOf?: string;
  from?: string;
};

async function addMember(page: Page, m: NewMember, shotName?: string) {
  await page.getByRole('button', { name: 'Mitglied hinzufügen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mitglied hinzufügen' });
  await dialog.getByLabel('Name', { exact: true }).fill(m.name);
  if (m.email) await dialog.getByLabel('E-Mail-Adresse (optional)').fill(m.email);
  await dialog.getByLabel('Seite').selectOption({ label: m.side });
  await dialog.getByLabel('Funktion', { exact: true }).fill(m.fn);
  await dialog.getByLabel('Einrichtung').fill(m.institution);
  const voting = dialog.getByRole('checkbox', { name: 'Stimmrecht' });
  if (m.side === 'Bildungsbüro') {
    // Office staff advise, they never vote: the box is off and cannot be ticked.
    await expect(voting).toBeDisabled();
    await expect(voting).not.toBeChecked();
    await expect(dialog).toContainText('Mitarbeitende des Bildungsbüros nehmen ohne Stimmrecht teil.');
  } else {
    await voting.setChecked(m.voting ?? true);
  }
  if (m.deputyOf) await dialog.getByLabel('Stellvertretung von').selectOption({ label: m.deputyOf });
  if (m.from) await fillDate(dialog, 'Amtszeit von', m.from);
  if (shotName) {
    await expectNoAxeViolations(page);
    await shot(page, shotName);
  }
  await dialog.getByRole('button', { name: 'Mitglied hinzufügen' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: `${m.name} ist in den Lenkungskreis aufgenommen.` }),
  ).toBeVisible();
}

/** A member's row in one side's table: the row's name begins with the member's name. */
const row = (page: Page, region: string, name: string) =>
  page
    .getByRole('region', { name: region, exact: true })
    .first()
    .getByRole('row', { name: new RegExp(`^${name}`) });

test('committee: the office records the members of both sides, deputies, the office and a former member', async ({
  browser,
  network,
}) => {
  // The committee of journey 10 already met yesterday and took a decision, now in the register.
  const { decisionNumber } = await heldSpecialMeeting(network);
  const page = await network.open(browser, network.admin);
  const steering = nav(page).getByRole('list', { name: 'Lenkungskreis' });
  await expect(steering.getByRole('link', { name: 'Beschlüsse' })).toBeVisible();
  await expect(steering.getByRole('link', { name: 'Umlaufverfahren' })).toBeVisible();
  await openCommittee(page);
  await check(page, '13-mitglieder');

  await addMember(
    page,
    {
      name: 'Dr. Jana Hoffmann',
      email: 'jana.hoffmann@example.org',
      side: 'Land',
      fn: 'Schulamtsdirektorin',
      institution: 'Schulamt für den Hochsauerlandkreis',
      from: '2025-02-01',
    },
    '13-mitglied-hinzufuegen',
  );
  await addMember(page, {
    name: 'Klaus Neumann',
    email: 'klaus.neumann@example.org',
    side: 'Kommune (Schulträger)',
    fn: 'Kreisdirektor',
    institution: 'Hochsauerlandkreis',
    from: '2025-02-01',
  });
  await addMember(page, {
    name: 'Sabine Krämer',
    email: 'sabine.kraemer@example.org',
    side: 'Weitere Bildungsakteure',
    fn: 'Teamleiterin Berufsberatung',
    institution: 'Agentur für Arbeit Meschede-Soest',
    from: '2025-02-01',
  });
  await addMember(page, {
    name: 'Thomas Wegener',
    email: 'thomas.wegener@example.org',
    side: 'Land',
    fn: 'Schulrat',
    institution: 'Schulamt für den Hochsauerlandkreis',
    deputyOf: 'Dr. Jana Hoffmann (Land)',
  });
  await addMember(
    page,
    {
      name: 'Anke Lorenz',
      email: 'anke.lorenz@example.org',
      side: 'Bildungsbüro',
      fn: 'Bildungsmonitoring',
      institution: 'Regionales Bildungsbüro',
    },
    '13-mitglied-buero',
  );

  // Each side in its own table: vote, term, deputy relation both ways.
  await expect(row(page, 'Land', 'Dr. Jana Hoffmann')).toContainText('vertreten durch Thomas Wegener');
  await expect(row(page, 'Land', 'Thomas Wegener')).toContainText('Stellvertretung von Dr. Jana Hoffmann');
  await expect(row(page, 'Land', 'Dr. Jana Hoffmann')).toContainText('seit 01.02.2025');
  await expect(row(page, 'Kommune (Schulträger)', 'Klaus Neumann')).toContainText(
    'Kreisdirektor, Hochsauerlandkreis',
  );
  await expect(row(page, 'Weitere Bildungsakteure', 'Sabine Krämer')).toContainText('ja');
  await expect(row(page, 'Bildungsbüro', 'Anke Lorenz').getByRole('cell').first()).toHaveText('nein');

  // Keyboard only: the deputy of the county's member, from the button to the saved row.
  await page.getByRole('button', { name: 'Mitglied hinzufügen' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Mitglied hinzufügen' });
  await expect(dialog).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.type('Martina Vogt');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('E-Mail-Adresse (optional)')).toBeFocused();
  await page.keyboard.type('martina.vogt@example.org');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Seite')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByLabel('Seite')).toHaveValue('municipality');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Fachbereichsleiterin Schule');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Hochsauerlandkreis');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('checkbox', { name: 'Stimmrecht' })).toBeFocused();
  await expect(dialog.getByRole('checkbox', { name: 'Stimmrecht' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Stellvertretung von')).toBeFocused();
  // Options: none, then the regular members in table order; type-ahead picks the county's member.
  await page.keyboard.type('Klaus');
  await expect(dialog.getByLabel('Stellvertretung von')).toHaveValue(/[0-9a-f-]{36}/);
  await expect(dialog.getByLabel('Stellvertretung von').locator('option:checked')).toHaveText(
    'Klaus Neumann (Kommune (Schulträger))',
  );
  // On through the term fields (the day stays today) to the dialog's submit button.
  const submit = dialog.getByRole('button', { name: 'Mitglied hinzufügen' });
  for (let i = 0; i < 12 && !(await submit.evaluate((b) => b === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(submit).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('Martina Vogt ist in den Lenkungskreis aufgenommen.');
  await expect(row(page, 'Kommune (Schulträger)', 'Martina Vogt')).toContainText(
    'Stellvertretung von Klaus Neumann',
  );

  // A member who left: the term ends yesterday, the record stays under "Frühere Mitglieder".
  await addMember(page, {
    name: 'Heinz Albers',
    email: 'heinz.albers@example.org',
    side: 'Kommune (Schulträger)',
    fn: 'Bürgermeister',
    institution: 'Stadt Brilon',
    from: '2020-01-01',
  });
  await row(page, 'Kommune (Schulträger)', 'Heinz Albers')
    .getByRole('button', { name: 'Heinz Albers bearbeiten' })
    .click();
  const edit = page.getByRole('dialog', { name: 'Heinz Albers bearbeiten' });
  await fillDate(edit, 'Amtszeit bis (optional)', berlinDay(-1));
  await edit.getByRole('button', { name: 'Speichern' }).click();
  await expect(edit).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('Die Angaben zu Heinz Albers sind gespeichert.');
  await expect(row(page, 'Frühere Mitglieder', 'Heinz Albers')).toContainText(
    `01.01.2020 – ${berlinDay(-1).split('-').reverse().join('.')}`,
  );
  await expect(
    page.getByRole('region', { name: 'Kommune (Schulträger)', exact: true }).getByText('Heinz Albers'),
  ).toHaveCount(0);
  await check(page, '13-mitglieder-liste');

  // A term cannot end before it begins: the server's message, shown in the dialog.
  await row(page, 'Frühere Mitglieder', 'Heinz Albers')
    .getByRole('button', { name: 'Heinz Albers bearbeiten' })
    .click();
  await fillDate(edit, 'Amtszeit bis (optional)', '2019-12-31');
  await edit.getByRole('button', { name: 'Speichern' }).click();
  await expect(edit.getByRole('alert')).toContainText('Die Amtszeit endet vor ihrem Beginn.');
  await expectNoAxeViolations(page);
  await edit.getByRole('button', { name: 'Abbrechen' }).click();

  // The register and the procedures are reachable from the same section of the navigation.
  await steering.getByRole('link', { name: 'Beschlüsse' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beschlüsse' })).toBeFocused();
  await check(page, '13-beschluesse');
  // The Excel export follows the filters on screen.
  const exportLink = page.getByRole('link', { name: 'Als Excel herunterladen' });
  await expect(exportLink).toHaveAttribute('href', /\/decisions\/export\.xlsx$/);
  await page.getByLabel('Stand', { exact: true }).selectOption({ label: 'offen' });
  await page.getByRole('button', { name: 'Filtern' }).click();
  await expect(exportLink).toHaveAttribute('href', /\/decisions\/export\.xlsx\?status=open$/);
  const xlsx = await page.request.get((await exportLink.getAttribute('href'))!);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  // With the meeting's decision in the register, the office follows it up.
  await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
  await expect(exportLink).toHaveAttribute('href', /\/decisions\/export\.xlsx$/);
  await expect(page.locator('.bn-loading')).toHaveCount(0);
  const first = page.getByRole('table', { name: 'Beschlusssammlung' }).getByRole('row').nth(1);
  await expect(first.getByRole('rowheader')).toContainText(decisionNumber);
  const number = decisionNumber;
  await first.getByRole('combobox', { name: `Stand von ${number}` }).selectOption({ label: 'in Umsetzung' });
  await expect(page.getByRole('status')).toContainText(`Stand von ${number}: in Umsetzung.`);
  await first.getByText(`Beschlusstext ${number}`).click();
  await check(page, '13-beschluesse-umsetzung');
  await page.context().close();
});
