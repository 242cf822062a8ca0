import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContextOptions, expect, type Locator, type Page } from '@playwright/test';

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

/** Axe over the page, or only over `include` (a CSS selector), e.g. an open dialog or popover. */
export async function expectNoAxeViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  const results = await (include ? builder.include(include) : builder).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** Axe over the dialog that is open now (a React Aria modal or a popover such as the calendar). */
export async function expectDialogAccessible(page: Page) {
  await expect(page.getByRole('dialog').last()).toBeVisible();
  await expectNoAxeViolations(page, '[role="dialog"]');
}

/** No sideways scrolling: the page is no wider than the window (issue 8, point 2). */
export async function expectFitsViewport(page: Page) {
  // Polled: after a resize, charts and other observers re-lay out a frame or two later.
  const width = () =>
    page.evaluate(() => ({
      scrollWidth: document.scrollingElement!.scrollWidth,
      innerWidth: window.innerWidth,
    }));
  await expect
    .poll(
      async () => {
        const { scrollWidth, innerWidth } = await width();
        return scrollWidth <= innerWidth ? 'fits' : `${scrollWidth} px wide in a ${innerWidth} px window`;
      },
      { message: `${page.url()} needs sideways scrolling` },
    )
    .toBe('fits');
  // A table must not hide its columns in a scrolled region either: it fits or stacks as cards.
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.bn-table-wrap')]
      .filter((r) => r.scrollWidth > r.clientWidth + 1)
      .map((r) => `${r.getAttribute('aria-label') ?? r.id}: ${r.scrollWidth} > ${r.clientWidth}`),
  );
  expect(wide, `tables wider than their place on ${page.url()}`).toEqual([]);
}

/**
 * Types a date into a German date field (components/ui/date-fields.tsx), TT.MM.JJJJ, segment by segment
 * as a keyboard user does. Month and year go first: a day segment allows only the days of the month it
 * shows (31 after a 30-day month would be cut). `iso` is 'YYYY-MM-DD'.
 */
export async function fillDate(scope: Page | Locator, label: string, iso: string) {
  const [y, m, d] = iso.split('-');
  await typeSegments(scope, label, `${m}${y}`, d!);
}

/** Types 'HH:MM' into a German time field. */
export async function fillTime(scope: Page | Locator, label: string, time: string) {
  const segments = dateField(scope, label).getByRole('spinbutton');
  await segments.first().click();
  await segments.first().page().keyboard.type(time.replace(':', ''));
}

/** Types 'YYYY-MM-DDTHH:MM' into a German date-and-time field. */
export async function fillDateTime(scope: Page | Locator, label: string, local: string) {
  const [day, time] = local.split('T');
  const [y, m, d] = day!.split('-');
  await typeSegments(scope, label, `${m}${y}${time!.replace(':', '')}`, d!);
}

/** The field (a group of segments) by its label; its text reads e.g. "14.12.2026, 12:00". */
export const dateField = (scope: Page | Locator, label: string) =>
  scope.getByRole('group', { name: label, exact: true });

/**
 * Asserts what a date field shows, e.g. "14.12.2026, 12:00". React Aria wraps the time in bidi
 * isolation marks (U+2066…U+2069) that nobody sees; they are left out of the comparison.
 */
export async function expectDateField(scope: Page | Locator, label: string, text: string) {
  const field = dateField(scope, label);
  await expect
    .poll(async () => ((await field.textContent()) ?? '').replace(/[\u2066-\u2069]/g, ''))
    .toBe(text);
}

async function typeSegments(scope: Page | Locator, label: string, fromMonth: string, day: string) {
  const segments = dateField(scope, label).getByRole('spinbutton');
  const keyboard = segments.first().page().keyboard;
  await segments.nth(1).click();
  await keyboard.type(fromMonth);
  await segments.first().click();
  await keyboard.type(day);
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
