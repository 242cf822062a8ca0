import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addTeamMember, fillProvider } from './public-support';
import { check, expectNoAxeViolations, fillDate, minimalPdf, nav, newPage, shot } from './support';

const LAND_SIGNER = 'Schulaufsicht, Bezirksregierung Arnsberg';
const COUNTY_SIGNER = 'Landrat';

async function addField(page: Page, n: number, name: string, owner: string) {
  await page.getByRole('button', { name: 'Handlungsfeld hinzufügen' }).click();
  const group = page.getByRole('group', { name: `Neues Handlungsfeld ${n}` });
  await expect(group.getByLabel('Name des Handlungsfelds')).toBeFocused();
  await group.getByLabel('Name des Handlungsfelds').fill(name);
  await group.getByLabel('Bisher zuständig').selectOption({ label: owner });
}

async function consent(page: Page, party: 'Land' | 'Kommune (Schulträger)', by: string, on: string) {
  const region = page.getByRole('region', { name: `Zustimmung: ${party}` });
  await region.getByLabel('Unterzeichnet von').fill(by);
  await fillDate(region, 'Datum der Unterschrift', on);
  await region.getByRole('button', { name: `Zustimmung „${party}“ erfassen` }).click();
  await expect(region).toContainText(`Zugestimmt: unterzeichnet von ${by}`);
}

async function askScope(page: Page, subject: string, on: string) {
  await page.getByLabel('Handlungsfeld oder Angelegenheit').selectOption({ label: subject });
  await fillDate(page, 'Stichtag', on);
  await page.getByRole('button', { name: 'Prüfen' }).click();
  const answer = page.getByTestId('scope-answer');
  const [y, m, d] = on.split('-');
  await expect(answer).toContainText(`${subject} am ${d}.${m}.${y}`);
  return answer;
}

/** JavaScript a fresh visitor downloads for a page (no cache): the sum of all script bodies. */
async function scriptBytes(page: Page, url: string) {
  const sizes = new Map<string, number>();
  page.on('response', async (r) => {
    if (r.request().resourceType() !== 'script') return;
    try {
      sizes.set(r.url(), (await r.body()).length);
    } catch {
      /* a response without a body */
    }
  });
  await page.goto(url);
  await expect(page.locator('main h1')).toBeVisible();
  await page.waitForLoadState('networkidle');
  return [...sizes.values()].reduce((a, b) => a + b, 0);
}

test('contract: the amendment "Ganztag" with both consents becomes joint and public', async ({
  browser,
  network,
}) => {
  const page = await network.open(browser, network.admin);

  // The section "Kooperationsvertrag" in the navigation; no contract yet.
  await nav(page).getByRole('link', { name: 'Fassungen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kooperationsvertrag' })).toBeVisible();
  await check(page, '09-vertrag-anlegen');

  const create = page.getByRole('region', { name: 'Kooperationsvertrag anlegen' });
  await create
    .getByLabel('Vertragspartei Land')
    .fill('Land Nordrhein-Westfalen, vertreten durch die Bezirksregierung Arnsberg');
  await create
    .getByLabel('Vertragspartei Kommune (Schulträger)')
    .fill('Hochsauerlandkreis, vertreten durch den Landrat');
  await create.getByRole('button', { name: 'Unterzeichnende Person hinzufügen' }).click();
  const first = create.getByRole('group', { name: 'Unterzeichnende Person 1' });
  await first.getByLabel('Vertragspartei').selectOption({ label: 'Land' });
  await first.getByLabel('Name').fill('Dr. Maria Koch');
  await first.getByLabel('Funktion').fill('Regierungspräsidentin');
  await create.getByRole('button', { name: 'Unterzeichnende Person hinzufügen' }).click();
  const second = create.getByRole('group', { name: 'Unterzeichnende Person 2' });
  await second.getByLabel('Vertragspartei').selectOption({ label: 'Kommune (Schulträger)' });
  await second.getByLabel('Name').fill('Dr. Karl Schneider');
  await second.getByLabel('Funktion').fill('Landrat');
  await create.getByRole('button', { name: 'Kooperationsvertrag anlegen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Der Kooperationsvertrag ist angelegt.' }),
  ).toBeVisible();
  const parties = page.getByRole('region', { name: 'Vertragsparteien' });
  await expect(parties).toContainText('Dr. Karl Schneider, Landrat');

  // The original version of 2012 with two fields, consented by both parties.
  await page.getByRole('link', { name: 'Erste Fassung erfassen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Erste Fassung erfassen' })).toBeVisible();
  await page.getByLabel('Titel', { exact: true }).fill('Kooperationsvertrag Regionales Bildungsnetzwerk');
  await fillDate(page, 'Wirksam ab', '2012-01-01');
  await addField(page, 1, 'Übergang Schule – Beruf (KAoA)', 'Land NRW (Schulaufsicht)');
  await addField(page, 2, 'Inklusion', 'Land NRW (Schulaufsicht)');
  await check(page, '09-erste-fassung-formular');
  await page.getByRole('button', { name: 'Fassung speichern' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Fassung 1: / })).toBeVisible();
  await consent(page, 'Land', LAND_SIGNER, '2011-12-01');
  await consent(page, 'Kommune (Schulträger)', COUNTY_SIGNER, '2011-12-05');
  await expect(page.getByRole('status').filter({ hasText: 'Fassung 1 ist in Kraft' })).toBeVisible();

  // The amendment "Ganztag", effective 1 August 2026.
  await nav(page).getByRole('link', { name: 'Fassungen' }).click();
  await page.getByRole('link', { name: 'Änderungsvereinbarung entwerfen' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Änderungsvereinbarung entwerfen' }),
  ).toBeVisible();
  await page.getByLabel('Titel', { exact: true }).fill('Ganztag');
  await page
    .getByLabel('Zusammenfassung')
    .fill('Der Lenkungskreis hat empfohlen, den Ganztag als gemeinsames Handlungsfeld aufzunehmen.');
  await fillDate(page, 'Wirksam ab', '2026-08-01');
  await addField(page, 1, 'Ganztag', 'Schulträger');
  // The fields joint today can be ended by the amendment.
  await expect(page.getByRole('group', { name: /Handlungsfelder sind heute gemeinsam/ })).toContainText(
    'Inklusion',
  );
  await check(page, '09-aenderung-formular');
  await page.getByRole('button', { name: 'Entwurf speichern' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fassung 2: Ganztag' })).toBeVisible();
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Tritt in Kraft, sobald beide Vertragsparteien zugestimmt haben.' }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Handlungsfelder dieser Fassung' })).toContainText('Ganztag');

  // The signed PDF as attachment, downloadable.
  const pdf = minimalPdf('Aenderungsvereinbarung Ganztag');
  const attachments = page.getByRole('region', { name: 'Anlagen' });
  await expect(attachments.getByLabel('Bezeichnung')).toHaveValue('Unterzeichnete Fassung');
  await attachments
    .getByLabel('Datei')
    .setInputFiles({ name: 'aenderung-ganztag.pdf', mimeType: 'application/pdf', buffer: pdf });
  await attachments.getByRole('button', { name: 'Anlage hochladen' }).click();
  const link = attachments.getByRole('link', { name: /Unterzeichnete Fassung/ });
  await expect(link).toBeVisible();
  const downloadPromise = page.waitForEvent('download');
  await link.click();
  const download = await downloadPromise;
  expect(fs.readFileSync((await download.path())!).equals(pdf)).toBe(true);
  await check(page, '09-fassung-entwurf');

  // The Land consents: still a draft. Then the county: in force.
  await consent(page, 'Land', LAND_SIGNER, '2026-06-10');
  await expect(page.getByRole('region', { name: 'Zustimmung: Land' })).toContainText('10.06.2026');
  await expect(page.locator('.bn-dl').first()).toContainText('Entwurf');
  await consent(page, 'Kommune (Schulträger)', COUNTY_SIGNER, '2026-06-12');
  await expect(page.getByRole('status').filter({ hasText: 'Fassung 2 ist in Kraft' })).toBeVisible();
  await expect(page.locator('.bn-dl').first()).toContainText('In Kraft');
  await check(page, '09-fassung-in-kraft');

  // The contract page: versions with consents and the history.
  await nav(page).getByRole('link', { name: 'Fassungen' }).click();
  const versions = page.getByRole('region', { name: 'Fassungen des Kooperationsvertrags' });
  const row = versions.getByRole('row', { name: /Ganztag/ });
  await expect(row).toContainText('01.08.2026');
  await expect(row).toContainText('In Kraft');
  await expect(row).toContainText('Land: zugestimmt');
  await expect(row).toContainText('Kommune (Schulträger): zugestimmt');
  const history = page.getByRole('region', { name: 'Verlauf' }).getByRole('listitem');
  expect(await history.count()).toBeGreaterThan(3);
  await check(page, '09-vertrag');

  // Fields of action: Ganztag is joint today, and not yet on a day before the effective date.
  await nav(page).getByRole('link', { name: 'Handlungsfelder' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Handlungsfelder' })).toBeVisible();
  const ganztag = page.getByRole('article', { name: 'Ganztag' });
  await expect(ganztag).toContainText('gemeinsam seit 01.08.2026');
  await expect(ganztag).toContainText('Bisher zuständig: Schulträger');
  await check(page, '09-handlungsfelder');
  await ganztag.getByRole('button', { name: 'Ganztag bearbeiten' }).click();
  const dialog = page.getByRole('dialog');
  await dialog
    .getByLabel('Beschreibung')
    .fill('Rechtsanspruch auf Ganztagsbetreuung ab dem Schuljahr 2026/27.');
  await expectNoAxeViolations(page);
  await shot(page, '09-handlungsfeld-bearbeiten');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(ganztag).toContainText('Rechtsanspruch auf Ganztagsbetreuung');
  await fillDate(page, 'Stand am', '2026-07-31');
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await expect(page.getByRole('heading', { name: 'Handlungsfelder am 31.07.2026' })).toBeVisible();
  await expect(ganztag).toContainText('gemeinsam ab 01.08.2026');

  // Zuständigkeit prüfen: joint after the effective date, the school operator before.
  await nav(page).getByRole('link', { name: 'Zuständigkeit prüfen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zuständigkeit prüfen' })).toBeVisible();
  let answer = await askScope(page, 'Ganztag', '2026-09-01');
  await expect(answer.getByRole('heading')).toHaveText(/Gemeinsam/);
  await expect(answer).toContainText('Fassung 2');
  await check(page, '09-zustaendigkeit-gemeinsam');
  answer = await askScope(page, 'Ganztag', '2026-07-31');
  await expect(answer.getByRole('heading')).toHaveText(
    /Nicht gemeinsam: bleibt in der Zuständigkeit des Schulträgers/,
  );
  await check(page, '09-zustaendigkeit-nicht-gemeinsam');

  // The responsibility catalogue: add a matter linked to Ganztag, then delete it again.
  await nav(page).getByRole('link', { name: 'Zuständigkeitskatalog' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Zuständigkeitskatalog' })).toBeVisible();
  await check(page, '09-katalog');
  await page.getByRole('button', { name: 'Angelegenheit hinzufügen' }).click();
  const add = page.getByRole('dialog');
  await add.getByLabel('Angelegenheit').fill('Räume für die Ganztagsbetreuung');
  await add.getByLabel('Bereich').selectOption({ label: 'Äußere Schulangelegenheit' });
  await add.getByLabel('Zuständig').selectOption({ label: 'Schulträger' });
  await add.getByLabel('Handlungsfeld').selectOption({ label: 'Ganztag' });
  await expectNoAxeViolations(page);
  await add.getByRole('button', { name: 'Speichern' }).click();
  const matter = page.getByRole('row', { name: /Räume für die Ganztagsbetreuung/ });
  await expect(matter).toContainText('Ganztag');
  await matter.getByRole('button', { name: 'Räume für die Ganztagsbetreuung löschen' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Löschen' }).click();
  await expect(matter).toHaveCount(0);

  // The public page editor: team, a body's description and the provider's details, published at once.
  await nav(page).getByRole('link', { name: 'Öffentliche Seite' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Öffentliche Seite' })).toBeVisible();
  const editor = page.getByRole('region', { name: 'Netzwerkseite' });
  await addTeamMember(editor, {
    name: 'Petra Schulte',
    function: 'Leitung des Bildungsbüros',
    phone: '0291 94-1234',
    email: 'bildungsbuero@example.org',
  });
  await editor
    .getByRole('group', { name: 'Lenkungskreis' })
    .getByLabel('Beschreibung')
    .fill('Land und Kreis steuern das Netzwerk gemeinsam und entscheiden im Konsens.');
  await fillProvider(editor, `vertrag-${network.id.slice(0, 8)}`);
  await editor.getByLabel('Öffentliche Seite veröffentlichen').check();
  await editor.getByRole('button', { name: 'Netzwerkseite speichern' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Die Netzwerkseite ist gespeichert und veröffentlicht.' }),
  ).toBeVisible();
  await check(page, '09-oeffentliche-seite-bearbeiten');
  const publicHref = await page.getByRole('link', { name: 'Öffentliche Seite ansehen' }).getAttribute('href');
  expect(publicHref).toMatch(/^\/netzwerk\/[a-z0-9-]+$/);
  await page.context().close();

  // Signed out, in a fresh browser: the public page lists Ganztag as joint since 1 August 2026.
  const visitor = await newPage(browser);
  const scripts = await scriptBytes(visitor, publicHref!);
  fs.mkdirSync(path.resolve('test-results'), { recursive: true });
  fs.writeFileSync(path.resolve('test-results/09-public-js-bytes.txt'), `${scripts}\n`);
  console.log(`JS transferred for ${publicHref}: ${scripts} bytes`);
  // The signed-in app (React Aria, the features) stays out of the public pages' bundle.
  expect(scripts).toBeLessThan(560_000);
  await expect(visitor.getByRole('region', { name: 'So arbeitet das Netzwerk' })).toContainText(
    'entscheiden im Konsens',
  );
  const fields = visitor.getByRole('region', { name: 'Gemeinsame Handlungsfelder' });
  await expect(fields.getByRole('article', { name: 'Ganztag' })).toContainText('seit 01.08.2026');
  await expect(fields).toContainText('Inklusion');
  await expect(
    visitor
      .getByRole('region', { name: 'Team des Bildungsbüros' })
      .getByRole('link', { name: '0291 94-1234' }),
  ).toHaveAttribute('href', 'tel:0291941234');
  await expect(visitor.getByRole('region', { name: 'Veranstaltungen' })).toContainText(
    'Derzeit sind keine öffentlichen Veranstaltungen angekündigt.',
  );
  await check(visitor, '09-oeffentlich');

  // The legal pages, and feedback on barriers that reaches the office.
  const legal = visitor.getByRole('navigation', { name: 'Rechtliches' });
  await legal.getByRole('link', { name: 'Impressum' }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: 'Impressum' })).toBeFocused();
  await check(visitor, '09-oeffentlich-impressum');
  await legal.getByRole('link', { name: 'Datenschutz' }).click();
  await expect(visitor.getByRole('heading', { level: 1 })).toContainText('Datenschutz');
  await check(visitor, '09-oeffentlich-datenschutz');
  await legal.getByRole('link', { name: 'Barrierefreiheit' }).click();
  await expect(visitor.getByRole('heading', { level: 1 })).toContainText('Barrierefreiheit');
  await check(visitor, '09-oeffentlich-barrierefreiheit');
  const honeypot = visitor.locator('input[name="website"]');
  await expect(honeypot).toHaveAttribute('tabindex', '-1');
  await expect(honeypot).not.toBeInViewport();
  await visitor.getByLabel('Name (optional)').fill('Erika Muster');
  await visitor.getByLabel('E-Mail-Adresse (optional)').fill('erika.muster@example.org');
  await visitor
    .getByLabel('Nachricht', { exact: true })
    .fill('Die Tabelle der Handlungsfelder ist mit dem Screenreader schwer zu lesen.');
  await visitor.getByRole('button', { name: 'Nachricht senden' }).click();
  await expect(
    visitor.getByText('Vielen Dank. Ihre Nachricht ist beim Bildungsbüro eingegangen.'),
  ).toBeVisible();
  await check(visitor, '09-oeffentlich-rueckmeldung');
  await visitor.context().close();

  // On a phone.
  const phone = await newPage(browser, {
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  await phone.goto(publicHref!);
  await expect(phone.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(phone.getByRole('region', { name: 'Gemeinsame Handlungsfelder' })).toContainText('Ganztag');
  await check(phone, '09-telefon-oeffentlich');
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await phone.context().close();

  // The sign-in page lists the public pages, this network's among them.
  const signedOut = await newPage(browser);
  await signedOut.goto('/anmelden');
  await expect(
    signedOut.getByRole('region', { name: 'Öffentliche Seiten' }).getByRole('link', { name: network.name }),
  ).toHaveAttribute('href', publicHref!);
  await check(signedOut, '09-anmelden-oeffentliche-seiten');
  await signedOut.context().close();

  // The feedback mail is in the outbox.
  const office = await network.open(browser, network.admin);
  await nav(office).getByRole('link', { name: 'Postausgang' }).click();
  await expect(office.getByRole('heading', { level: 1, name: 'Postausgang' })).toBeVisible();
  await expect(office.getByRole('main')).toContainText(/Rückmeldung über die öffentliche Seite/);
  await check(office, '09-postausgang-rueckmeldung');
  await office.context().close();
});
