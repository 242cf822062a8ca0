import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { installationSetting } from './system.tables.js';

/**
 * The session secret: SESSION_SECRET when configured, otherwise generated once and kept in the
 * database, so a fresh installation needs no setup and all instances on one database agree.
 */
export async function sessionSecret(db: Db, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db
    .insert(installationSetting)
    .values({ key: 'session_secret', value: randomBytes(48).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db
    .select()
    .from(installationSetting)
    .where(eq(installationSetting.key, 'session_secret'));
  return row!.value;
}

export async function databaseReachable(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`SELECT 1`);
    return true;
  } catch {
    return false;
  }
}
