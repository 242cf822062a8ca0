import { expect, type Locator, type Page } from '@playwright/test';

/** The provider's details a journey enters in the public page editor (invented examples). */
export const PROVIDER = {
  description:
    'Land und Hochsauerlandkreis arbeiten im Regionalen Bildungsnetzwerk zusammen, damit junge Menschen gut durch Schule und Übergänge kommen.',
  provider: 'Hochsauerlandkreis – Regionales Bildungsbüro',
  street: 'Steinstraße 27',
  postalCode: '59872',
  city: 'Meschede',
  phone: '0291 94-0',
  representative: 'Der Landrat des Hochsauerlandkreises',
  responsible: 'Leitung des Bildungsbüros, Steinstraße 27, 59872 Meschede',
};

/** Fills "Über das Netzwerk" and "Anbieter und Kontakt" of the network page form. */
export async function fillProvider(editor: Locator, slug: string) {
  const about = editor.getByRole('group', { name: 'Über das Netzwerk' });
  await about.getByLabel('Kurze Beschreibung').fill(PROVIDER.description);
  await about.getByLabel('Adresse der Seite').fill(slug);
  const provider = editor.getByRole('group', { name: 'Anbieter und Kontakt' });
  await provider.getByLabel('Anbieter', { exact: true }).fill(PROVIDER.provider);
  await provider.getByLabel('Straße und Hausnummer').fill(PROVIDER.street);
  await provider.getByLabel('Postleitzahl').fill(PROVIDER.postalCode);
  await provider.getByLabel('Ort', { exact: true }).fill(PROVIDER.city);
  await provider.getByLabel('Telefon').fill(PROVIDER.phone);
  await provider.getByLabel('Kontakt-E-Mail-Adresse').fill(`bildungsbuero@${slug}.example`);
  await provider.getByLabel('Vertretungsberechtigt').fill(PROVIDER.representative);
  await provider.getByLabel('Verantwortlich nach § 18 Abs. 2 MStV').fill(PROVIDER.responsible);
}

/** Adds a team member at the end of the team list of the network page form. */
export async function addTeamMember(
  editor: Locator,
  m: { name: string; function: string; phone: string; email: string },
) {
  const team = editor.getByRole('group', { name: 'Team des Bildungsbüros' });
  await team.getByRole('button', { name: 'Teammitglied hinzufügen' }).click();
  // The new row is named "Neues Teammitglied" until a name is typed; then it carries the name.
  await team.getByRole('group', { name: 'Neues Teammitglied' }).getByLabel('Name').fill(m.name);
  const row = team.getByRole('group', { name: m.name });
  await expect(row.getByLabel('Name')).toBeFocused();
  await row.getByLabel('Funktion').fill(m.function);
  await row.getByLabel('Telefon').fill(m.phone);
  await row.getByLabel('E-Mail-Adresse').fill(m.email);
}

/** No page may scroll sideways: the document is never wider than the window. */
export async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `page ${page.url()} is wider than the window`).toBeLessThanOrEqual(1);
}
