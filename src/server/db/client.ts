import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { lockDirectory } from './lock.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** A database handle or a transaction: repositories accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /**
   * Runs SQL text with parameters; for operations and tools, not for domain code. With `name`, on
   * PostgreSQL each pooled connection prepares the statement once and reuses its plan (the same name
   * must always carry the same text); PGlite ignores it.
   */
  query<T = Record<string, unknown>>(text: string, params?: unknown[], name?: string): Promise<T[]>;
  /** Applies the committed SQL migrations. */
  migrate(): Promise<void>;
  close(): Promise<void>;
};

export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../drizzle',
);

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob | File };

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    // An idle connection the server ends (restart, failover, pg_terminate_backend) is dropped by the
    // pool and replaced on the next query; without a listener node would end the whole process.
    pool.on('error', () => {});
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      query: async (text, params, name) =>
        (await (name ? pool.query({ name, text, values: params }) : pool.query(text, params))).rows,
      // An advisory lock on one dedicated connection serialises instances that start at the same
      // moment, so two app servers never migrate concurrently.
      migrate: async () => {
        const conn = await pool.connect();
        try {
          await conn.query('SELECT pg_advisory_lock(7470001)');
          try {
            await migrateNodePg(drizzleNodePg(conn, { schema }), { migrationsFolder });
          } finally {
            await conn.query('SELECT pg_advisory_unlock(7470001)');
          }
        } finally {
          conn.release();
        }
      },
      close: () => pool.end(),
    };
  }
  if (opts.dataDir) fs.mkdirSync(opts.dataDir, { recursive: true });
  // Refused at once while another process (the app, a backup) has this directory open.
  const lock = opts.dataDir ? lockDirectory(opts.dataDir) : undefined;
  let client: PGlite;
  try {
    client = await PGlite.create({ dataDir: opts.dataDir, loadDataDir: opts.loadDataDir });
  } catch (err) {
    lock?.release();
    throw err;
  }
  yieldBeforeQueries(client);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    query: async <T>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
    migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder }),
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
    // exposed for tests that snapshot a migrated database
    ...({ pglite: client } as object),
  };
}

/**
 * PGlite runs in this thread, and the queries queued on its single connection follow each other in
 * microtasks: under a burst of writes no socket is read until the queue is empty, so every other request
 * (a page, /api/health) waits behind all of them. A macrotask before each query and transaction lets
 * the event loop serve those in between.
 */
function yieldBeforeQueries(client: PGlite) {
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = (async (...args: Parameters<typeof query>) => {
    await turn();
    return query(...args);
  }) as typeof client.query;
  client.exec = (async (...args: Parameters<typeof exec>) => {
    await turn();
    return exec(...args);
  }) as typeof client.exec;
  client.transaction = (async (...args: Parameters<typeof transaction>) => {
    await turn();
    return transaction(...args);
  }) as typeof client.transaction;
}
