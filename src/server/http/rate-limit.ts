import { createHash } from 'node:crypto';
import { lt, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.js';
import type { Deps } from '../lib/context.js';
import { sendRateLimited } from './error-handler.js';
import { rateLimitBucket } from './rate-limit.tables.js';

/**
 * A route that anyone may write to without an account declares `config: { rateLimit: true }` (the
 * defaults PUBLIC_WRITE_RATE_LIMIT / PUBLIC_WRITE_RATE_WINDOW_MINUTES) or its own `{ max,
 * windowSeconds }`; one hook counts per route and client address and answers 429 beyond the limit.
 */
export type RateLimitDeclaration = true | { max?: number; windowSeconds?: number };

declare module 'fastify' {
  interface FastifyContextConfig {
    rateLimit?: RateLimitDeclaration;
  }
}

/** Counts one request in its bucket and returns the count within the current window. */
export async function hitBucket(db: Db, key: string, now: Date, windowSeconds: number) {
  const nowIso = now.toISOString();
  const resetAt = new Date(now.getTime() + windowSeconds * 1000);
  // One atomic upsert: concurrent requests on any instance each get their own count. A window that has
  // passed starts again at 1.
  const [row] = await db
    .insert(rateLimitBucket)
    .values({ key, hits: 1, resetAt })
    .onConflictDoUpdate({
      target: rateLimitBucket.key,
      set: {
        hits: sql`CASE WHEN ${rateLimitBucket.resetAt} <= ${nowIso}::timestamptz THEN 1 ELSE ${rateLimitBucket.hits} + 1 END`,
        resetAt: sql`CASE WHEN ${rateLimitBucket.resetAt} <= ${nowIso}::timestamptz THEN excluded.reset_at ELSE ${rateLimitBucket.resetAt} END`,
      },
    })
    .returning({ hits: rateLimitBucket.hits, resetAt: rateLimitBucket.resetAt });
  return row!;
}

/** Deletes buckets whose window has passed. */
export async function pruneBuckets(db: Db, now: Date) {
  await db.delete(rateLimitBucket).where(lt(rateLimitBucket.resetAt, now));
}

const PRUNE_EVERY_MS = 60_000;

export function registerRateLimit(app: FastifyInstance, deps: Deps) {
  let lastPrune = 0;
  // onRequest, before the body is read: a flood is refused before it costs parsing or a transaction.
  app.addHook('onRequest', async (req, reply) => {
    const declared = req.routeOptions.config?.rateLimit;
    if (!declared) return;
    const defaults = deps.config.publicWriteRateLimit;
    const max = (declared !== true && declared.max) || defaults.max;
    const windowSeconds = (declared !== true && declared.windowSeconds) || defaults.windowSeconds;
    const now = deps.now();
    if (now.getTime() - lastPrune >= PRUNE_EVERY_MS) {
      lastPrune = now.getTime();
      await pruneBuckets(deps.db, now);
    }
    // The address is personal data: only a hash of it is stored.
    const address = createHash('sha256').update(req.ip).digest('base64url').slice(0, 22);
    const key = `${req.routeOptions.method} ${req.routeOptions.url} ${address}`;
    const bucket = await hitBucket(deps.db, key, now, windowSeconds);
    if (bucket.hits <= max) return;
    const retryAfter = Math.max(1, Math.ceil((bucket.resetAt.getTime() - now.getTime()) / 1000));
    req.log.info({ route: req.routeOptions.url }, 'rate limited');
    return sendRateLimited(req, reply, retryAfter);
  });
}
