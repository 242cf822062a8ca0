import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/server/db/client.js';
import { withDatabase } from './global-setup.js';

/**
 * A fresh, migrated database of its own for the calling test file: PGlite loaded from the run's
 * snapshot, or a PostgreSQL database cloned from the run's template.
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const template = inject('pgTemplate');
  if (!template) {
    const snapshot = await fs.readFile(inject('pgliteSnapshot'));
    return openDatabase({ kind: 'pglite', loadDataDir: new Blob([snapshot]) });
  }
  const url = process.env.DATABASE_URL!;
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    // Two files cloning the template at the same moment collide; PostgreSQL says so, and we retry.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        break;
      } catch (err) {
        if (attempt > 20 || !String(err).includes('being accessed')) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const dbUrl = withDatabase(url, name);
  const db = await openDatabase({ kind: 'postgres', url: dbUrl, poolSize: 5 });
  return Object.assign(db, { url: dbUrl });
}
