import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { berlinDay, berlinNow } from './meeting-support';
import { heldSpecialMeeting } from './seed';
import { check, expectFitsViewport, fillDate, ready } from './support';

/**
 * Journey 10 "From decision to work", end to end as the people do it: the team lead turns yesterday's
 * work-order decision into an order for Petra Schulte; Petra finds it on her desk, takes it up, runs it in
 * the project "Praxisphasen" with two tasks; before the autumn meeting the office takes her report into
 * the agenda, the meeting opens and freezes it, the minutes list it; the register says what became of the
 * decision, and its trace joins decision → order → report → agenda item, both ways.
 */

const AUTUMN = 'Herbstsitzung des Lenkungskreises';

const local = (t: { day: string; time: string }) => `${t.day}T${t.time}`;

/** Every page of the journey: rendered, axe-clean, fits its window, photographed (check). */
async function step(page: Page, name: string) {
  await check(page, `26-${name}`);
  await expectFitsViewport(page);
}

test('journey 10: from the decision to the order, the project, the report in the next meeting and the trace', async ({
  browser,
  network,
}) => {
  // 1. Yesterday's special meeting took the KAoA work order; the autumn meeting is planned for today.
  const held = await heldSpecialMeeting(network);
  const decision = held.decisionNumber;
  const n = network.id;
  const office = await network.account('office');
  const autumn = await network.admin.api.post<{ id: string }>(`/networks/${n}/meetings`, {
    title: AUTUMN,
    startsAt: local(berlinNow(30)),
    endsAt: local(berlinNow(150)),
    location: 'Kreishaus Meschede, Raum 2',
  });
  const june = `${Number(berlinDay().slice(0, 4)) + 1}-06-30`;
  const viewport = { width: 1280, height: 900 };

  // 2. The team lead creates the order from the decision and gives it to Petra Schulte, due in June.
  const lead = await network.open(browser, network.admin, '/arbeitsprogramm/auftraege', { viewport });
  await expect(lead.getByRole('heading', { level: 1, name: 'Arbeitsaufträge' })).toBeVisible();
  await lead.getByRole('button', { name: 'Auftrag anlegen' }).click();
  const dialog = lead.getByRole('dialog', { name: 'Arbeitsauftrag aus einem Beschluss anlegen' });
  const option = dialog.getByLabel('Beschluss').locator('option', { hasText: decision });
  await dialog.getByLabel('Beschluss').selectOption((await option.getAttribute('value'))!);
  await expect(dialog.getByLabel('Titel')).toHaveValue('Arbeitsauftrag Berufsorientierung');
  await dialog.getByLabel('Titel').fill('Praxistage Klasse 8 organisieren');
  await dialog.getByLabel('Erwartetes Ergebnis').fill('Praxistage für alle Klassen 8 ab Februar');
  await dialog.getByLabel('Zuständig').selectOption({ label: 'Petra Schulte' });
  await fillDate(dialog, 'Fällig am', june);
  await step(lead, '01-auftrag-anlegen');
  await dialog.getByRole('button', { name: 'Auftrag anlegen' }).click();
  const title = /^AA-\d{4}-01 Praxistage Klasse 8 organisieren$/;
  await expect(lead.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const number = ((await lead.locator('main h1').textContent()) ?? '').slice(0, 10);
  const orderUrl = lead.url();
  await step(lead, '02-auftrag-neu');
  await lead.context().close();

  // 3. Petra finds it on Start and her desk, takes it up and starts work.
  const petra = await network.open(browser, office, '/start', { viewport });
  const card = petra.getByRole('article').filter({
    has: petra.getByRole('heading', { level: 2, name: 'Meine Arbeitsaufträge und Aufgaben' }),
  });
  await expect(card).toContainText(number);
  await step(petra, '03-start');
  await card.getByRole('link', { name: 'Zum Schreibtisch' }).click();
  await expect(petra.getByRole('heading', { level: 1, name: 'Mein Schreibtisch' })).toBeVisible();
  await step(petra, '04-schreibtisch');
  await petra
    .getByRole('link', { name: new RegExp(number) })
    .first()
    .click();
  await expect(petra.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await petra.getByRole('button', { name: 'Annehmen' }).click();
  await expect(petra.getByRole('status').filter({ hasText: 'angenommen' })).toBeVisible();
  await petra.getByRole('button', { name: 'Arbeit beginnen' }).click();
  await expect(petra.getByRole('status').filter({ hasText: 'in Arbeit' })).toBeVisible();
  await petra.getByLabel('Fortschritt (%)').fill('40');
  await petra.getByRole('button', { name: 'Speichern' }).click();
  await expect(petra.getByRole('progressbar', { name: /40 %/ })).toBeVisible();
  await step(petra, '05-auftrag-in-arbeit');

  // … sets up the project "Praxisphasen" with the order and two tasks.
  await petra.goto(`/n/${n}/arbeitsprogramm/projekte`);
  await ready(petra);
  await petra.getByRole('button', { name: 'Projekt anlegen' }).click();
  const create = petra.getByRole('dialog');
  await create.getByLabel('Titel').fill('Praxisphasen');
  await create
    .getByLabel('Beschreibung')
    .fill('Praxisphasen für Schülerinnen und Schüler ab Klasse 8 in Betrieben der Region (KAoA).');
  await create.getByLabel('Projektleitung').selectOption({ label: 'Petra Schulte' });
  await create.getByRole('button', { name: 'Projekt anlegen' }).click();
  await expect(petra.getByRole('heading', { level: 1, name: 'Praxisphasen' })).toBeVisible();

  await petra.getByRole('button', { name: 'Arbeitsauftrag zuordnen' }).click();
  const assign = petra.getByRole('dialog', { name: 'Arbeitsauftrag dem Projekt zuordnen' });
  await assign
    .getByLabel('Arbeitsauftrag')
    .selectOption({ label: `${number} Praxistage Klasse 8 organisieren` });
  await assign.getByRole('button', { name: 'Arbeitsauftrag zuordnen' }).click();
  await expect(petra.getByRole('region', { name: 'Arbeitsaufträge im Projekt' }).first()).toContainText(
    number,
  );

  const addTask = petra.getByRole('form', { name: 'Aufgabe hinzufügen' });
  for (const task of ['Betriebe für Praxisplätze gewinnen', 'Schulleitungen informieren']) {
    await addTask.getByLabel('Aufgabe').fill(task);
    await addTask.getByRole('button', { name: 'Aufgabe hinzufügen' }).click();
    await expect(petra.getByRole('heading', { level: 3, name: task })).toBeVisible();
  }
  for (const label of ['Liste der Ausbildungsbetriebe abgleichen', 'Anschreiben versenden']) {
    const field = petra.getByLabel('Neuer Punkt für „Betriebe für Praxisplätze gewinnen“');
    await field.fill(label);
    await field.press('Enter');
    await expect(petra.getByRole('checkbox', { name: label })).toBeVisible();
  }
  await petra.getByRole('checkbox', { name: 'Liste der Ausbildungsbetriebe abgleichen' }).click();
  await expect(petra.getByText('1 von 2 Punkten')).toBeVisible();
  await petra
    .getByRole('button', { name: 'Aufgabe „Schulleitungen informieren“ als erledigt markieren' })
    .click();
  // Rolled up by weight: checklist 50 %, done task 100 %, the order 40 % → 63 %.
  const progress = petra.getByRole('region', { name: 'Fortschritt' });
  await expect(progress).toContainText('63 %');
  await expect(progress).toContainText('1 von 2 Aufgaben erledigt');
  await step(petra, '06-projekt');

  // 4. Before the autumn meeting the office takes the due reports into its agenda.
  await petra.goto(`/n/${n}/lenkungskreis/sitzungen/${autumn.id}`);
  await expect(petra.getByRole('heading', { level: 1, name: AUTUMN })).toBeVisible();
  const offer = petra.getByRole('region', { name: 'Bericht aus dem Bildungsbüro' });
  const offerButton = offer.getByRole('button', {
    name: /^Bericht aus dem Bildungsbüro aufnehmen \(\d+ Berichte? fällig\)$/,
  });
  await expect(offerButton).toBeVisible();
  await step(petra, '07-sitzung-angebot');
  await offerButton.click();
  const report = petra.getByRole('dialog', { name: 'Bericht aus dem Bildungsbüro aufnehmen' });
  const label = `${number} Praxistage Klasse 8 organisieren`;
  await expect(report.getByLabel(`${label} aufnehmen`)).toBeChecked();
  await expect(report.getByLabel(`Fortschritt in %: ${label}`)).toHaveValue('40');
  await report
    .getByLabel(`Sachstand: ${label}`)
    .fill('Zwölf Betriebe haben Praxisplätze zugesagt; die Schulleitungen sind informiert.');
  await step(petra, '08-bericht-dialog');
  await report.getByRole('button', { name: 'In die Tagesordnung aufnehmen' }).click();
  await expect(
    petra.getByRole('status').filter({ hasText: /in die Tagesordnung aufgenommen/ }),
  ).toBeVisible();
  await expect(petra.getByRole('heading', { name: 'TOP 1: Bericht aus dem Bildungsbüro' })).toBeVisible();
  // What the item took is no longer offered as due.
  await expect(offer).toContainText('Die fälligen Sachstandsberichte stehen im Punkt');
  await step(petra, '09-tagesordnung');

  // 5. The meeting opens: the report is frozen into it; the minutes' draft lists it.
  await petra.getByRole('button', { name: 'Sitzung eröffnen' }).click();
  await expect(petra.getByText(/Die Sitzung ist eröffnet/)).toBeVisible();
  const minutes = petra.getByRole('region', { name: 'Niederschrift', exact: true });
  await minutes.getByRole('button', { name: 'Entwurf erzeugen' }).click();
  await expect(petra.getByRole('status').filter({ hasText: 'ist erzeugt' })).toBeVisible();
  await expect(minutes).toContainText(
    `Sachstandsbericht – Arbeitsauftrag ${number} Praxistage Klasse 8 organisieren: in Arbeit, 40 %`,
  );
  await step(petra, '10-niederschrift');
  await petra.goto(orderUrl);
  await ready(petra);
  // The order names its project and the meeting its report was given in.
  await expect(petra.getByRole('link', { name: 'Praxisphasen' })).toBeVisible();
  await expect(petra.getByRole('link', { name: AUTUMN })).toBeVisible();
  await step(petra, '11-auftrag-berichtet');
  await petra.context().close();

  // 6. The register says what became of the decision; its trace joins everything, both ways.
  const register = await network.open(browser, network.admin, '/lenkungskreis/beschluesse', { viewport });
  const row = register.getByRole('row', { name: new RegExp(decision) });
  await expect(row).toContainText(/Auftrag/);
  await step(register, '12-register');
  await row.getByRole('link', { name: `Verlauf von ${decision} anzeigen` }).click();
  await ready(register);
  await expect(register.locator('main h1')).toContainText(decision);
  const down = register.getByRole('region', { name: 'Was daraus folgte' });
  await expect(down).toContainText(number);
  await expect(down).toContainText(`Sachstandsbericht zu ${number}`);
  await expect(down).toContainText(`Bericht aus dem Bildungsbüro (${AUTUMN})`);
  await step(register, '13-verlauf-beschluss');
  await down.getByRole('link', { name: new RegExp(`^Verlauf von Sachstandsbericht zu ${number}`) }).click();
  await ready(register);
  await expect(register.locator('main h1')).toContainText(`Sachstandsbericht zu ${number}`);
  const up = register.getByRole('region', { name: 'Was hierher führte' });
  await expect(up).toContainText(decision);
  await expect(up).toContainText(number);
  await expect(register.getByRole('region', { name: 'Was daraus folgte' })).toContainText(
    'Bericht aus dem Bildungsbüro',
  );
  await step(register, '14-verlauf-bericht');
  await register.context().close();
});
