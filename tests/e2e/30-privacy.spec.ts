import { expect, test } from './fixtures';
import { linkIn, mailTo } from './mail';
import { check, expectDialogAccessible, expectFitsViewport, expectNoAxeViolations, newPage } from './support';

/**
 * GDPR in the address book: the office records a person's consent to mails from distribution lists;
 * the person gets the confirmation with the personal link "Keine weiteren E-Mails", opens it without an
 * account and withdraws with one click; the office sees the consent withdrawn "über persönlichen
 * Link", then erases the person (anonymised) and looks at Aufbewahrung & Löschung. On a phone too.
 * The person page here is the privacy part's slot (the people part builds the page around it).
 */
test('privacy: consent given, withdrawn through the link in the mail, person erased; retention page', async ({
  browser,
  network,
}) => {
  const office = await network.account('office');
  const address = network.email('jana.mueller-beispiel');
  const { id } = await office.api.post<{ id: string }>(`/networks/${network.id}/contacts/people`, {
    salutation: 'Frau',
    firstName: 'Jana',
    lastName: 'Müller-Beispiel',
    email: address,
    legalBasis: 'consent',
  });

  const page = await network.open(browser, office, `/netzwerk/personen/${id}`);
  const section = page.getByRole('region', { name: 'Datenschutz' });
  await expect(section.getByText('Einwilligung (Art. 6 Abs. 1 lit. a DSGVO)')).toBeVisible();
  await expect(section.getByText('Es sind keine Einwilligungen erfasst.')).toBeVisible();
  await check(page, '30-privacy-person-1280');

  await section.getByRole('button', { name: 'Einwilligung erfassen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Einwilligung erfassen' });
  await dialog.getByLabel('Zweck').selectOption({ label: 'E-Mails über Verteiler' });
  await dialog.getByLabel('Wie kam die Einwilligung?').selectOption({ label: 'Papier' });
  await dialog.getByLabel('Fassung des Einwilligungstextes').fill('Verteiler 2027-01');
  await expectDialogAccessible(page);
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByText('Die Einwilligung ist erfasst.')).toBeVisible();
  const row = section.getByRole('row').filter({ hasText: 'E-Mails über Verteiler' });
  await expect(row).toContainText('gültig');
  await expect(row).toContainText('Verteiler 2027-01');

  // The person's mail, as the SMTP sink received it: the personal link, no account needed.
  const mail = await mailTo(address, /Ihre Einwilligung/);
  const link = linkIn(mail, /^\/abmelden\/[A-Za-z0-9_-]{20,}$/);
  const visitor = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await visitor.goto(link);
  await expect(visitor.getByRole('heading', { level: 1, name: 'Keine weiteren E-Mails' })).toBeVisible();
  // The header names the distribution lists, not the steering committee the other link pages serve.
  await expect(visitor.getByRole('banner')).toContainText('Verteiler');
  await expect(visitor.getByRole('banner')).not.toContainText('Lenkungskreis');
  await expect(
    visitor.getByText(/E-Mails an Jana Müller-Beispiel über die Verteiler von „Regionales Bildungsnetzwerk/),
  ).toBeVisible();
  await check(visitor, '30-privacy-withdrawal-390');
  await expectFitsViewport(visitor);
  await visitor.getByRole('button', { name: 'Keine weiteren E-Mails' }).click();
  await expect(visitor.getByText(/Sie erhalten keine weiteren E-Mails über die Verteiler/)).toBeVisible();
  await check(visitor, '30-privacy-withdrawal-done-390');
  await visitor.context().close();

  await page.reload();
  await expect(row).toContainText(/widerrufen am \d\d\.\d\d\.\d{4} \(persönlicher Link\)/);

  // Erasure: the dialog says what happens; the record stays, anonymised.
  await section.getByRole('button', { name: 'Person löschen' }).click();
  const erase = page.getByRole('alertdialog', { name: 'Person löschen?' });
  await expect(erase).toContainText('„Gelöschte Person“');
  await erase.getByLabel('Grund der Löschung').fill('Auf eigenen Wunsch (Mail vom heutigen Tag)');
  await expectNoAxeViolations(page, '[role="alertdialog"]');
  await erase.getByRole('button', { name: 'Endgültig löschen' }).click();
  await expect(section.getByText(/Die Person wurde gelöscht \(anonymisiert\) am/)).toBeVisible();
  await expect(section.getByRole('button', { name: 'Person löschen' })).toHaveCount(0);
  await check(page, '30-privacy-person-erased-1280');
  // The withdrawal link no longer works.
  const gone = await page.request.get(`/api/consent-withdrawals/${link.split('/').pop()}`);
  expect(gone.status()).toBe(410);

  await page.goto(`/n/${network.id}/verwaltung/aufbewahrung`);
  await expect(page.getByRole('heading', { level: 1, name: 'Aufbewahrung & Löschung' })).toBeVisible();
  await expect(page.getByLabel('Personen ohne Aktivität (Monate)')).toHaveValue('36');
  await page.getByRole('button', { name: 'Fristen jetzt prüfen' }).click();
  await expect(page.getByText('0 Datensätze neu angeboten.')).toBeVisible();
  await expect(page.getByText('Keine Datensätze sind fällig.')).toBeVisible();
  await check(page, '30-privacy-retention-1280');

  await page.setViewportSize({ width: 390, height: 844 });
  await expectFitsViewport(page);
  await check(page, '30-privacy-retention-390');
  await page.goto(`/n/${network.id}/netzwerk/personen/${id}`);
  await expect(section).toBeVisible();
  await expectFitsViewport(page);
  await check(page, '30-privacy-person-erased-390');
  await page.context().close();
});
