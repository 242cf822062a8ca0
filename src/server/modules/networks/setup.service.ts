import { randomBytes } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import type { SetupInput } from '../../../contracts/networks.js';
import type { Db } from '../../db/client.js';
import { DomainError } from '../../http/errors.js';
import type { Actor, Deps } from '../../lib/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { hashPassword } from '../auth/auth.js';
import { account, user } from '../auth/auth.tables.js';
import { seedBodies } from '../structure/structure.service.js';
import { slugFor } from './networks.rules.js';
import { membership, network, platformAdmin } from './networks.tables.js';
import { getNetwork } from './settings.service.js';

/** First run, accounts created by the app itself, and new networks (installation operators). */
export async function setupNeeded(deps: Deps): Promise<boolean> {
  const [row] = await deps.db.select({ n: count() }).from(user);
  return (row?.n ?? 0) === 0;
}

/**
 * Creates an account with a password as better-auth stores one (user row + credential account with an
 * argon2id hash), inside the caller's transaction so that the account and what it is for (the first
 * network, an accepted invitation) are written together or not at all.
 */
export async function createAccount(tx: Db, input: { name: string; email: string; password: string }) {
  const id = randomBytes(16).toString('base64url');
  const [created] = await tx
    .insert(user)
    .values({ id, name: input.name, email: input.email.toLowerCase(), emailVerified: true })
    .returning();
  await tx.insert(account).values({
    id: randomBytes(16).toString('base64url'),
    accountId: id,
    providerId: 'credential',
    userId: id,
    password: await hashPassword(input.password),
  });
  return created!;
}

/**
 * First run: the first administrator and the first network. Refused once any account exists, so the
 * setup form cannot be used to take over an installation.
 */
export async function runSetup(
  deps: Deps,
  input: SetupInput & { admin: { email: string } },
): Promise<{ networkId: string }> {
  // An advisory lock makes two simultaneous setup requests (two browser tabs, two instances) safe.
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7470002)`);
    const [existing] = await tx.select({ n: count() }).from(user);
    if ((existing?.n ?? 0) > 0) {
      throw new DomainError(
        'setup.already_done',
        'Die Einrichtung ist bereits abgeschlossen. Bitte melden Sie sich an.',
        'conflict',
      );
    }
    const created = await createAccount(tx, input.admin);
    await tx.insert(platformAdmin).values({ userId: created.id });
    const networkId = await insertNetwork(tx, { userId: created.id, name: created.name }, input.network);
    return { networkId };
  });
}

/** The first free public address for a network's name: hochsauerlandkreis, hochsauerlandkreis-2, … */
async function freeSlug(tx: Db, name: string): Promise<string> {
  const base = slugFor(name);
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? base : `${base}-${i}`;
    const [taken] = await tx.select({ id: network.id }).from(network).where(eq(network.slug, candidate));
    if (!taken) return candidate;
  }
}

async function insertNetwork(
  tx: Db,
  actor: { userId: string; name: string },
  input: { name: string; regionKey: string },
) {
  const [row] = await tx
    .insert(network)
    .values({ name: input.name, regionKey: input.regionKey, slug: await freeSlug(tx, input.name) })
    .returning();
  await tx.insert(membership).values({ networkId: row!.id, userId: actor.userId, role: 'admin' });
  // Every network has the same three bodies (§ 78a SchulG NRW); the office can reword them later.
  await seedBodies(tx, row!.id);
  const audit = { userId: actor.userId, name: actor.name, networkId: row!.id };
  await recordAudit(tx, audit, {
    action: 'create',
    entityType: 'network',
    entityId: row!.id,
    summary: `Bildungsnetzwerk „${row!.name}“ angelegt`,
    after: { name: row!.name, regionKey: row!.regionKey },
  });
  await recordAudit(tx, audit, {
    action: 'create',
    entityType: 'membership',
    entityId: actor.userId,
    summary: `${actor.name} als Administration eingetragen`,
    after: { role: 'admin' },
  });
  return row!.id;
}

export async function isPlatformAdmin(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select().from(platformAdmin).where(eq(platformAdmin.userId, userId));
  return Boolean(row);
}

export async function createNetwork(deps: Deps, actor: Actor, input: { name: string; regionKey: string }) {
  if (!(await isPlatformAdmin(deps.db, actor.userId))) {
    throw new DomainError(
      'forbidden',
      'Neue Bildungsnetzwerke legt nur der Betrieb der Installation an.',
      'forbidden',
    );
  }
  const networkId = await deps.db.transaction((tx) => insertNetwork(tx, actor, input));
  return getNetwork(deps, { ...actor, networkId, role: 'admin', requestId: '', twoFactorEnabled: false });
}
