import { randomBytes } from 'node:crypto';
import {
  type APIRequestContext,
  type Browser,
  type BrowserContextOptions,
  test as base,
  expect,
  type Page,
  request,
} from '@playwright/test';
import { linkIn, mailTo } from './mail';
import { OPERATOR } from './operator';
import { BASE_URL } from './ports';
import { ready } from './support';

/**
 * Each journey gets its own network, created the way an installation's operator and administrators
 * create one: through the app's HTTP API (the endpoints the UI calls), with the links people find in
 * their mail read from the SMTP sink. Nothing is written to the database directly and the product has
 * no test-only endpoint; journeys share nothing, so they run in any order and side by side.
 */

type Role = 'admin' | 'office' | 'committee' | 'guest' | 'partner';
type StorageState = Awaited<ReturnType<APIRequestContext['storageState']>>;

/** Who holds each role in a journey's network (the address is made unique per network). */
const PEOPLE: Record<Role, { name: string; local: string; password: string }> = {
  admin: { name: 'Anna Becker', local: 'anna.becker', password: 'Sauerland-2026!' },
  office: { name: 'Petra Schulte', local: 'petra.schulte', password: 'Buero-Meschede-1' },
  committee: { name: 'Martin Vogel', local: 'martin.vogel', password: 'Lenkung-Meschede-1' },
  guest: { name: 'Frank Lorenz', local: 'frank.lorenz', password: 'Agentur-Meschede-7' },
  partner: { name: 'Sabine Krämer', local: 'sabine.kraemer', password: 'Partner-Meschede-1' },
};

/** A thin client for the JSON API that sends the Origin header a browser would (CSRF check). */
export class Api {
  constructor(readonly ctx: APIRequestContext) {}

  async call<T = unknown>(method: string, path: string, data?: unknown): Promise<T> {
    const res = await this.ctx.fetch(`/api${path}`, {
      method,
      headers: { origin: BASE_URL },
      ...(data === undefined ? {} : { data }),
    });
    const body = await res.text();
    expect(res.ok(), `${method} /api${path} → ${res.status()}: ${body}`).toBe(true);
    return (body ? JSON.parse(body) : undefined) as T;
  }
  get = <T = unknown>(path: string) => this.call<T>('GET', path);
  post = <T = unknown>(path: string, data: unknown = {}) => this.call<T>('POST', path, data);
  put = <T = unknown>(path: string, data: unknown) => this.call<T>('PUT', path, data);
  delete = (path: string) => this.call('DELETE', path);

  /** A multipart upload as the browser's file forms send it (fields first, then the file). */
  async upload<T = unknown>(
    path: string,
    fields: Record<string, string>,
    file: { name: string; buffer: Buffer },
  ) {
    const res = await this.ctx.post(`/api${path}`, {
      headers: { origin: BASE_URL },
      multipart: { ...fields, file: { name: file.name, mimeType: 'application/pdf', buffer: file.buffer } },
    });
    const body = await res.text();
    expect(res.ok(), `POST /api${path} → ${res.status()}: ${body}`).toBe(true);
    return JSON.parse(body) as T;
  }
}

export type Account = {
  role: Role;
  name: string;
  email: string;
  password: string;
  userId: string;
  /** Cookies of a session opened through the sign-in API, for browser.newContext({ storageState }). */
  state: StorageState;
  api: Api;
};

/** Signs in through better-auth's sign-in endpoint, as the sign-in form does. */
export async function signInByApi(email: string, password: string) {
  const ctx = await request.newContext({ baseURL: BASE_URL });
  const res = await ctx.post('/api/auth/sign-in/email', {
    headers: { origin: BASE_URL },
    data: { email, password },
  });
  expect(res.status(), `sign-in of ${email}: ${await res.text()}`).toBe(200);
  const api = new Api(ctx);
  const me = await api.get<{ user: { id: string } }>('/me');
  return { ctx, api, userId: me.user.id, state: await ctx.storageState() };
}

/** Accepts an account invitation from the mail with the link, creating the account (no session). */
async function acceptFromMail(email: string, networkName: string, name: string, password: string) {
  const mail = await mailTo(email, new RegExp(`^Einladung: ${escapeRegExp(networkName)}$`));
  const token = linkIn(mail, /^\/einladung\/[A-Za-z0-9_-]+$/)
    .split('/')
    .pop()!;
  const anonymous = await request.newContext({ baseURL: BASE_URL });
  await new Api(anonymous).post(`/invitations/${token}/accept`, { name, password });
  await anonymous.dispose();
}

export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export type Network = {
  id: string;
  name: string;
  regionKey: string;
  /** The administrator, signed in; the only member of the network until the journey adds more. */
  admin: Account;
  /** An address unique to this network: `local@<network tag>.example.org`. */
  email(local: string): string;
  /** A signed-in account with this role, invited by the administrator and accepted from the mail. */
  account(role: Exclude<Role, 'admin'>): Promise<Account>;
  /** A new browser window signed in as `who`, on a page of the network (default: Start). */
  open(browser: Browser, who: Account, path?: string, options?: BrowserContextOptions): Promise<Page>;
};

export type Operator = Account & { createNetwork(name: string, regionKey: string): Promise<{ id: string }> };

/** Opens a signed-in browser window (locale and time zone as every journey uses them). */
export async function openAs(
  browser: Browser,
  who: Account,
  url: string,
  options: BrowserContextOptions = {},
) {
  const context = await browser.newContext({
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    ...options,
    storageState: who.state,
  });
  const page = await context.newPage();
  await page.goto(url);
  await ready(page);
  return page;
}

export const test = base.extend<{ network: Network }, { operator: Operator }>({
  operator: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
    async ({}, use) => {
      const { ctx, api, userId, state } = await signInByApi(OPERATOR.email, OPERATOR.password);
      await use({
        role: 'admin',
        name: OPERATOR.name,
        email: OPERATOR.email,
        password: OPERATOR.password,
        userId,
        state,
        api,
        createNetwork: (name, regionKey) => api.post<{ id: string }>('/networks', { name, regionKey }),
      });
      await ctx.dispose();
    },
    { scope: 'worker' },
  ],

  network: async ({ operator }, use) => {
    // The tag keeps names and mail addresses apart from every other journey's.
    const tag = randomBytes(4).toString('hex');
    const name = `Regionales Bildungsnetzwerk Hochsauerlandkreis ${tag}`;
    const regionKey = '05958';
    const email = (local: string) => `${local}@${tag}.example.org`;
    const { id } = await operator.createNetwork(name, regionKey);

    const contexts: APIRequestContext[] = [];
    const join = async (role: Role, invitedBy: Api): Promise<Account> => {
      const person = PEOPLE[role];
      const address = email(person.local);
      await invitedBy.post(`/networks/${id}/invitations`, { email: address, name: person.name, role });
      await acceptFromMail(address, name, person.name, person.password);
      const session = await signInByApi(address, person.password);
      contexts.push(session.ctx);
      return { role, name: person.name, email: address, password: person.password, ...session };
    };

    // The operator hands the network to its administrator and leaves it, as in production.
    const admin = await join('admin', operator.api);
    await admin.api.delete(`/networks/${id}/members/${operator.userId}`);

    const accounts = new Map<Role, Promise<Account>>();
    await use({
      id,
      name,
      regionKey,
      admin,
      email,
      account(role) {
        if (!accounts.has(role)) accounts.set(role, join(role, admin.api));
        return accounts.get(role)!;
      },
      open: (browser, who, path = '/start', options = {}) => openAs(browser, who, `/n/${id}${path}`, options),
    });
    await Promise.all(contexts.map((c) => c.dispose()));
  },
});

export { expect };
