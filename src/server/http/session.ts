import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Role } from '../../contracts/common.js';
import { runPrepared } from '../db/prepared.js';
import type { Actor, Deps } from '../lib/context.js';

/** The acting person and everything authorization needs about them, read once per request. */
export type ResolvedSession = {
  actor: Actor;
  twoFactorEnabled: boolean;
  /** Installation-wide administrator (creates networks). */
  platformAdmin: boolean;
  /**
   * networkId → the person's role there, whether that network demands a second factor, and what
   * /api/me shows of it; in the order of the networks' names.
   */
  memberships: Map<
    string,
    { role: Role; requireSecondFactor: boolean; name: string; regionKey: string; slug: string | null }
  >;
  /** The network whose pages the person opened last (where they land after sign-in), if any. */
  lastNetworkId: string | null;
  /** better-auth would extend this session now (updateAge passed): the hook lets it do so. */
  needsRefresh: boolean;
};

type CookieSettings = {
  secret: string;
  sessionCookie: string;
  dontRememberCookie: string;
  expiresInMs: number;
  updateAgeMs: number;
  refresh: boolean;
};

const settingsOf = new WeakMap<Deps['auth'], Promise<CookieSettings>>();

/** Cookie names, secret and lifetimes exactly as better-auth computed them from its options. */
function cookieSettings(auth: Deps['auth']): Promise<CookieSettings> {
  let s = settingsOf.get(auth);
  if (!s) {
    s = auth.$context.then((ctx) => ({
      secret: ctx.secret,
      sessionCookie: ctx.authCookies.sessionToken.name,
      dontRememberCookie: ctx.authCookies.dontRememberToken.name,
      expiresInMs: ctx.sessionConfig.expiresIn * 1000,
      updateAgeMs: ctx.sessionConfig.updateAge * 1000,
      refresh: !(ctx.options.session as { disableSessionRefresh?: boolean } | undefined)
        ?.disableSessionRefresh,
    }));
    settingsOf.set(auth, s);
  }
  return s;
}

/** The first value of a cookie in a Cookie header, URL-decoded as better-call decodes it. */
export function readCookie(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    let value = part.slice(eq + 1).trim();
    if (value.charCodeAt(0) === 34) value = value.slice(1, -1);
    try {
      return value.includes('%') ? decodeURIComponent(value) : value;
    } catch {
      return value;
    }
  }
  return null;
}

/**
 * The value of a cookie signed by better-call (`<value>.<base64 HMAC-SHA256(value, secret)>`), or null
 * when it is missing or its signature does not match. Same format and checks as `getSignedCookie`.
 */
export function verifySignedValue(signed: string, secret: string): string | null {
  const dot = signed.lastIndexOf('.');
  if (dot < 1) return null;
  const value = signed.slice(0, dot);
  const signature = signed.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith('=')) return null;
  const expected = createHmac('sha256', secret).update(value).digest('base64');
  const a = Buffer.from(signature);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b) ? value : null;
}

type Row = {
  expires_at: Date | string;
  user_id: string;
  name: string;
  email: string;
  two_factor_enabled: boolean | null;
  platform_admin: boolean;
  network_id: string | null;
  role: Role | null;
  require_second_factor: boolean | null;
  network_name: string | null;
  region_key: string | null;
  slug: string | null;
  last_opened_at: Date | string | null;
};

// One indexed query per request: session by its unique token, its user, and all of the user's
// memberships (a person belongs to a handful of networks), with what /api/me shows, so that the UI's
// most frequent call needs no second round trip. Written as SQL text on the driver because this runs
// for every signed-in request; no cache, so a sign-out or revocation on any instance counts from the
// next request on.
const SESSION_QUERY = `
SELECT s.expires_at, u.id AS user_id, u.name, u.email, u.two_factor_enabled,
       EXISTS (SELECT 1 FROM platform_admin p WHERE p.user_id = u.id) AS platform_admin,
       m.network_id, m.role, n.require_second_factor, n.name AS network_name, n.region_key, n.slug,
       m.last_opened_at
FROM session s
JOIN "user" u ON u.id = s.user_id
LEFT JOIN membership m ON m.user_id = s.user_id
LEFT JOIN network n ON n.id = m.network_id
WHERE s.token = $1 AND s.expires_at > $2
ORDER BY n.name`;

// better-auth's session tokens are generateId(32): letters and digits. Anything else is not ours.
const TOKEN = /^[A-Za-z0-9_-]{16,256}$/;

const SESSION_STATEMENT = {
  name: 'bn_session_lookup',
  types: ['text', 'timestamptz'],
  text: SESSION_QUERY,
} as const;

/**
 * A named prepared statement on both databases (db/prepared.ts): PGlite plans every parameterised
 * query anew, and planning this join costs several times its execution there; on PostgreSQL each
 * pooled connection parses it once and then only binds and executes.
 */
function querySession(database: Deps['database'], token: string, now: Date): Promise<Row[]> {
  return runPrepared<Row>(database, SESSION_STATEMENT, [token, now]);
}

async function resolve(deps: Deps, req: FastifyRequest): Promise<ResolvedSession | null> {
  const header = req.headers.cookie;
  if (!header) return null;
  const settings = await cookieSettings(deps.auth);
  const signed = readCookie(header, settings.sessionCookie);
  if (!signed) return null;
  const token = verifySignedValue(signed, settings.secret);
  if (!token || !TOKEN.test(token)) return null;
  // better-auth compares the expiry with the application server's clock; so do we.
  const now = Date.now();
  const rows = await querySession(deps.database, token, new Date(now));
  const first = rows[0];
  if (!first) return null;
  const memberships: ResolvedSession['memberships'] = new Map();
  let lastNetworkId: string | null = null;
  let lastOpened = 0;
  for (const r of rows) {
    const opened = r.last_opened_at ? new Date(r.last_opened_at).getTime() : 0;
    if (r.network_id && opened > lastOpened) {
      lastOpened = opened;
      lastNetworkId = r.network_id;
    }
    if (r.network_id && r.role)
      memberships.set(r.network_id, {
        role: r.role,
        requireSecondFactor: Boolean(r.require_second_factor),
        name: r.network_name ?? '',
        regionKey: r.region_key ?? '',
        slug: r.slug,
      });
  }
  const expiresAt = new Date(first.expires_at).getTime();
  // better-auth's rule: extend once the session is older than updateAge; not for "don't remember me".
  const needsRefresh =
    settings.refresh &&
    expiresAt - settings.expiresInMs + settings.updateAgeMs <= now &&
    !readCookie(header, settings.dontRememberCookie);
  return {
    actor: { userId: first.user_id, name: first.name, email: first.email },
    twoFactorEnabled: Boolean(first.two_factor_enabled),
    platformAdmin: Boolean(first.platform_admin),
    memberships,
    lastNetworkId,
    needsRefresh,
  };
}

const resolved = new WeakMap<FastifyRequest, Promise<ResolvedSession | null>>();

/** The session of this request, read from the database at most once per request. */
export function sessionOf(deps: Deps, req: FastifyRequest): Promise<ResolvedSession | null> {
  let p = resolved.get(req);
  if (!p) {
    p = resolve(deps, req);
    resolved.set(req, p);
  }
  return p;
}

/** The session ended while this request was being resolved: treat the request as anonymous. */
export function forgetSession(req: FastifyRequest): void {
  resolved.set(req, Promise.resolve(null));
}
