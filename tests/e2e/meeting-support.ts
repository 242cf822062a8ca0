import { expect, type Locator, type Page } from '@playwright/test';
import { linkIn, mailTo } from './mail';
import { expectNoAxeViolations, fillDate, fillTime, nav, shot } from './support';

/** Helpers of the meeting journeys (10-meeting, 11-minutes, 12-guest). */

export const SPRING = 'Frühjahrssitzung des Lenkungskreises';
export const SPECIAL = 'Sondersitzung des Lenkungskreises';
export const KAOA = 'Übergang Schule – Beruf (KAoA)';

/** Wall-clock day in Europe/Berlin, `days` from today. */
export function berlinDay(days = 0) {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + days * 86_400_000));
}

/** Berlin wall-clock day and time `minutes` from now: { day: '2026-11-26', time: '14:05' }. */
export function berlinNow(minutes: number) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(Date.now() + minutes * 60_000))
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/** The personal reply link from an invitation mail, answered as the member would on the reply page. */
export async function reply(
  page: Page,
  address: string,
  subject: RegExp,
  answer: 'attending' | 'deputy' | 'excused',
  expected = 200,
) {
  // The link reaches the member by mail only: read it where the member would.
  const token = linkIn(await mailTo(address, subject), /^\/antwort\/[A-Za-z0-9_-]+$/)
    .split('/')
    .pop();
  const origin = new URL(page.url()).origin;
  const res = await page.request.post(`/api/meeting-replies/${token}`, {
    headers: { origin },
    data: { reply: answer },
  });
  expect(res.status()).toBe(expected);
}

export async function addItem(
  page: Page,
  item: {
    title: string;
    kind: 'Information' | 'Beratung' | 'Beschluss';
    type?: string;
    field?: string;
    approves?: string;
    proposal?: string;
    presenter?: string;
    duration?: string;
  },
  shotName?: string,
) {
  await page.getByRole('button', { name: 'Tagesordnungspunkt hinzufügen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tagesordnungspunkt hinzufügen' });
  await dialog.getByLabel('Titel des Tagesordnungspunkts').fill(item.title);
  await dialog.getByLabel('Art', { exact: true }).selectOption({ label: item.kind });
  if (item.type) await dialog.getByLabel('Art des Beschlusses').selectOption({ label: item.type });
  if (item.field) await dialog.getByLabel('Handlungsfeld').selectOption({ label: item.field });
  if (item.approves)
    await dialog
      .getByLabel('Genehmigt die Niederschrift der Sitzung …')
      .selectOption({ label: item.approves });
  if (item.proposal)
    await dialog
      .getByLabel(item.kind === 'Beschluss' ? 'Beschlussvorschlag' : 'Erläuterung')
      .fill(item.proposal);
  if (item.presenter) await dialog.getByLabel('Berichterstattung').fill(item.presenter);
  if (item.duration) await dialog.getByLabel('Dauer in Minuten').fill(item.duration);
  if (shotName) {
    await expectNoAxeViolations(page);
    await shot(page, shotName);
  }
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: 'Der Tagesordnungspunkt ist aufgenommen.' }),
  ).toBeVisible();
}

export async function planMeeting(
  page: Page,
  m: { title: string; day: string; from: string; to: string; place: string },
) {
  await openMeetings(page);
  const form = page.getByRole('region', { name: 'Sitzung planen' });
  await form.getByLabel('Titel').fill(m.title);
  await fillDate(form, 'Datum', m.day);
  await fillTime(form, 'Beginn', m.from);
  await fillTime(form, 'Ende', m.to);
  await form.getByLabel('Ort').fill(m.place);
  await form.getByRole('button', { name: 'Sitzung planen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: m.title })).toBeVisible();
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const nameOf = (who: RegExp | string) =>
  typeof who === 'string' ? escapeRe(who) : who.source.replace(/^\^/, '');

/**
 * One exception to "alle stimmen zu" in the open decision form: the member's position (Einwand with
 * its reason, Enthaltung); everyone left alone consents.
 */
export async function position(form: Locator, who: RegExp | string, stance: string, reason?: string) {
  await form.getByLabel(new RegExp(`^Position von ${nameOf(who)}`)).selectOption({ label: stance });
  if (reason) await form.getByLabel(new RegExp(`^Begründung des Einwands von ${nameOf(who)}`)).fill(reason);
}

/** One member's attendance where it differs from "alle anwesend" (a select per member). */
export async function attend(attendance: Locator, who: string, status: string) {
  await attendance.getByLabel(new RegExp(`^${escapeRe(who)} \\(`)).selectOption({ label: status });
}

/**
 * A mass action with a look first: the dialog lists who receives what and who cannot be reached;
 * checked with axe while open, then confirmed. Returns the dialog's text for assertions.
 */
export async function confirmAudience(page: Page, title: string, confirm: string, shotName?: string) {
  const dialog = page.getByRole('alertdialog', { name: title });
  await expect(dialog.getByRole('heading', { name: /^Erhalten per E-Mail/ })).toBeVisible();
  await expectNoAxeViolations(page);
  if (shotName) await shot(page, shotName);
  const text = (await dialog.textContent()) ?? '';
  await dialog.getByRole('button', { name: confirm }).click();
  await expect(dialog).toHaveCount(0);
  return text;
}

/** "Einladungen verschicken" through its preview dialog. */
export async function sendInvitations(page: Page, shotName?: string) {
  await page
    .getByRole('region', { name: 'Einladungen', exact: true })
    .getByRole('button', { name: /^Einladungen (erneut )?verschicken$/ })
    .click();
  return confirmAudience(page, 'Einladungen verschicken?', 'Jetzt verschicken', shotName);
}

/** The meetings page through the navigation (behind the menu button up to 900 pixels, styles.css). */
export async function openMeetings(page: Page) {
  const toggle = nav(page).getByRole('button', { name: 'Menü' });
  const narrow = (page.viewportSize()?.width ?? 1280) <= 900;
  if (narrow) {
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
  } else {
    await expect(toggle).toBeHidden();
  }
  await nav(page).getByRole('link', { name: 'Sitzungen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sitzungen' })).toBeVisible();
}

/** Opens a meeting from the list by its title. */
export async function openMeeting(page: Page, title: string) {
  await openMeetings(page);
  await page.getByRole('link', { name: title }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}
