import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContextOptions, expect, type Page } from '@playwright/test';

/** The first administrator of the empty installation of the first-run setup journey (01). */
export const ADMIN = {
  name: 'Anna Becker',
  email: 'anna.becker@example.org',
  password: 'Sauerland-2026!',
};
export const NETWORK = { name: 'Regionales Bildungsnetzwerk Hochsauerlandkreis', regionKey: '05958' };

const screens = path.resolve('test-results/screens');
fs.mkdirSync(screens, { recursive: true });

/** Pages come from browser.newContext(): AxeBuilder needs a regular context. */
export async function newPage(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', ...options });
  const page = await context.newPage();
  return page;
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** The page has rendered: a heading, no spinner, a window title of the form "Seite – Bildungsnetz". */
export async function ready(page: Page) {
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.locator('.bn-loading')).toHaveCount(0);
  await expect(page).toHaveTitle(/ – Bildungsnetz$/);
}

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(screens, `${name}.png`), fullPage: true });
}

/** Every page a journey visits is checked by axe and photographed. */
export async function check(page: Page, name: string) {
  await ready(page);
  await expectNoAxeViolations(page);
  await shot(page, name);
}

/** Signs in through the form (journeys 02, 07, 08 test it; the others start signed in, fixtures.ts). */
export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/anmelden');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page).toHaveURL(/\/n\/[0-9a-f-]+\/start$/);
  await ready(page);
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /Benutzermenü/ }).click();
  await page.getByRole('menuitem', { name: 'Abmelden' }).click();
  await expect(page).toHaveURL(/\/anmelden/);
}

export const nav = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' });

/** A minimal but valid one-page PDF with a correct cross-reference table. */
export function minimalPdf(text = 'Bildungsnetz'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 24 Tf 72 760 Td (${text}) Tj ET`;
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
