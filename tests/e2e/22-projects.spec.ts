import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import {
  check,
  expectDialogAccessible,
  expectFitsViewport,
  expectNoAxeViolations,
  fillDate,
  shot,
} from './support';

/**
 * Journey 10 (projects): the office sets up a project, adds tasks with a checklist, a milestone and a
 * partner, sees the rolled-up progress, and is warned about open tasks when closing it; a committee
 * member reads the project without its tasks.
 */
test('projects: the office runs a project with tasks; the committee reads it without tasks', async ({
  browser,
  network,
}) => {
  const office = await network.account('office');
  const committee = await network.account('committee');
  const page = await network.open(browser, office, '/arbeitsprogramm/projekte');
  await expect(page.getByRole('heading', { level: 1, name: 'Projekte' })).toBeVisible();
  await check(page, '22-projekte-leer');

  await page.getByRole('button', { name: 'Projekt anlegen' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Titel').fill('zdi-Netzwerk');
  await dialog.getByLabel('Beschreibung').fill('MINT-Angebote mit dem zdi-Zentrum und den Schulen.');
  await dialog.getByLabel('Projektleitung').selectOption({ label: 'Petra Schulte' });
  await fillDate(dialog, 'Beginn', '2027-01-15');
  await fillDate(dialog, 'Ende', '2027-12-31');
  await expectDialogAccessible(page);
  await dialog.getByRole('button', { name: 'Projekt anlegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'zdi-Netzwerk' })).toBeVisible();
  await expect(page.getByText('Noch keine Aufgaben oder Arbeitsaufträge')).toBeVisible();

  // Two tasks inline; a checklist on the first decides its progress.
  const addTask = page.getByRole('form', { name: 'Aufgabe hinzufügen' });
  for (const title of ['MINT-Tag vorbereiten', 'Schülerlabor buchen']) {
    await addTask.getByLabel('Aufgabe').fill(title);
    await addTask.getByRole('button', { name: 'Aufgabe hinzufügen' }).click();
    await expect(page.getByRole('heading', { level: 3, name: title })).toBeVisible();
  }
  for (const label of ['Raum reservieren', 'Programm abstimmen']) {
    const field = page.getByLabel('Neuer Punkt für „MINT-Tag vorbereiten“');
    await field.fill(label);
    await field.press('Enter');
    await expect(page.getByRole('checkbox', { name: label })).toBeVisible();
  }
  await page.getByRole('checkbox', { name: 'Raum reservieren' }).click();
  await expect(page.getByRole('checkbox', { name: 'Raum reservieren' })).toBeChecked();
  await expect(page.getByText('1 von 2 Punkten')).toBeVisible();
  await page.getByRole('button', { name: 'Aufgabe „Schülerlabor buchen“ als erledigt markieren' }).click();
  // (50 + 100) / 2 = 75 %
  const progress = page.getByRole('region', { name: 'Fortschritt' });
  await expect(progress).toContainText('75 %');
  await expect(progress).toContainText('1 von 2 Aufgaben erledigt');

  const milestone = page.getByRole('form', { name: 'Meilenstein hinzufügen' });
  await milestone.getByLabel('Meilenstein').fill('MINT-Tag');
  await fillDate(milestone, 'Fällig', '2027-06-20');
  await milestone.getByRole('button', { name: 'Meilenstein hinzufügen' }).click();
  await expect(page.getByRole('region', { name: 'Meilensteine' })).toContainText('MINT-Tag');
  const partner = page.getByRole('form', { name: 'Partner eintragen' });
  await partner.getByLabel('Name der Einrichtung').fill('zdi-Zentrum HSK');
  await partner.getByLabel('Rolle im Projekt').fill('Koordination MINT');
  await partner.getByRole('button', { name: 'Partner eintragen' }).click();
  await expect(page.getByRole('region', { name: 'Partner' })).toContainText(
    'zdi-Zentrum HSK – Koordination MINT',
  );
  await check(page, '22-projekt-buero');
  await page.setViewportSize({ width: 390, height: 844 });
  await expectFitsViewport(page);
  await page.setViewportSize({ width: 1280, height: 900 });

  // The committee reads the project: progress, milestones, partners, but no tasks.
  const reader = await network.open(browser, committee, '/arbeitsprogramm/projekte');
  await expect(reader.getByRole('button', { name: 'Projekt anlegen' })).toHaveCount(0);
  await reader.getByRole('link', { name: 'zdi-Netzwerk' }).click();
  await expect(reader.getByRole('heading', { level: 1, name: 'zdi-Netzwerk' })).toBeVisible();
  await expect(reader.getByRole('region', { name: 'Fortschritt' })).toContainText('75 %');
  await expect(reader.getByRole('heading', { name: 'Aufgaben' })).toHaveCount(0);
  await expect(reader.getByText('MINT-Tag vorbereiten')).toHaveCount(0);
  await check(reader, '22-projekt-lenkungskreis');
  await reader.context().close();

  // Closing with an open task: the dialog names it; the office closes anyway.
  await page.getByRole('button', { name: 'Projekt abschließen' }).click();
  const confirm = page.getByRole('alertdialog');
  await confirm.getByRole('button', { name: 'Abschließen' }).click();
  await expect(confirm.getByRole('alert')).toContainText('MINT-Tag vorbereiten');
  await expectNoAxe(page);
  await confirm.getByRole('button', { name: 'Trotzdem abschließen' }).click();
  await expect(page.getByText('Das Projekt ist abgeschlossen.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Projekt wieder öffnen' })).toBeVisible();
  await page.getByRole('link', { name: 'Alle Projekte' }).click();
  await expect(page.getByRole('region', { name: 'Abgeschlossene Projekte' }).first()).toContainText(
    'zdi-Netzwerk',
  );
  await check(page, '22-projekte');
  await page.context().close();
});

/** Axe over the confirmation (React Aria's alertdialog). */
async function expectNoAxe(page: Page) {
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await expectNoAxeViolations(page, '[role="alertdialog"]');
}

/** Both pages with data at desk and phone width (the roll-up of checklists shows), and the committee's view. */
test('the project list and page read well at 1280 and 390 px; a committee member reads the project', async ({
  browser,
  network,
}) => {
  const office = await network.account('office');
  const api = office.api;
  const n = `/networks/${network.id}/work`;
  const staff = await api.get<Array<{ userId: string; name: string }>>(`${n}/office-staff`);
  const lead = staff.find((s) => s.name === 'Petra Schulte')!.userId;
  const p = await api.post<{ id: string }>(`${n}/projects`, {
    title: 'Praxisphasen',
    description: 'Praxisphasen für Schülerinnen und Schüler ab Klasse 8 in Betrieben der Region (KAoA).',
    leadId: lead,
    startOn: '2027-01-15',
    endOn: '2027-12-31',
    reportDueOn: '2027-03-15',
  });
  const t1 = await api.post<{ id: string }>(`${n}/projects/${p.id}/tasks`, {
    title: 'Betriebe für Praxisplätze gewinnen',
    assigneeId: lead,
    dueOn: '2027-04-30',
    weight: 2,
  });
  for (const label of ['Liste der Ausbildungsbetriebe abgleichen', 'Anschreiben abstimmen', 'Versand'])
    await api.post(`${n}/projects/${p.id}/tasks/${t1.id}/checklist`, { label });
  await api.call('PATCH', `${n}/projects/${p.id}/tasks/${t1.id}/checklist/0`, { done: true });
  const t2 = await api.post<{ id: string; version: number }>(`${n}/projects/${p.id}/tasks`, {
    title: 'Anforderungen an das Portal beschreiben',
    dueOn: '2027-02-28',
  });
  await api.call('PATCH', `${n}/projects/${p.id}/tasks/${t2.id}`, { version: t2.version, status: 'done' });
  await api.post(`${n}/projects/${p.id}/milestones`, { title: 'Portal in Betrieb', dueOn: '2027-08-31' });
  await api.post(`${n}/projects/${p.id}/partners`, { name: 'IHK Arnsberg', role: 'Betriebskontakte' });
  await api.post(`${n}/projects`, { title: 'Schulwegweiser', leadId: lead });
  for (const width of [1280, 390]) {
    const page = await network.open(browser, office, '/arbeitsprogramm/projekte', {
      viewport: { width, height: 900 },
    });
    await expectFitsViewport(page);
    await shot(page, `22-projects-${width}`);
    await page.getByRole('link', { name: 'Praxisphasen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Praxisphasen' })).toBeVisible();
    await expect(page.getByText('1 von 3 Punkten')).toBeVisible();
    await expectFitsViewport(page);
    await shot(page, `22-project-${width}`);
    await page.context().close();
  }
  const committee = await network.account('committee');
  const reader = await network.open(browser, committee, `/arbeitsprogramm/projekte/${p.id}`);
  await expect(reader.getByRole('heading', { level: 1, name: 'Praxisphasen' })).toBeVisible();
  // Tasks are the office's internals: the member sees the project, not its task list.
  await expect(reader.getByText('Betriebe für Praxisplätze gewinnen')).toHaveCount(0);
  await shot(reader, '22-project-committee-1280');
  await reader.context().close();
});
