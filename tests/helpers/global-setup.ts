import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/server/db/client.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    pgTemplate: string;
  }
}

/**
 * Migrates once per run: on PGlite into a snapshot every test file loads (a fresh database per file
 * for the price of a copy); on PostgreSQL into a template database each file clones.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openDatabase({ kind: 'pglite' });
    await db.migrate();
    const client = (db as unknown as { pglite: PGlite }).pglite;
    const dump = await client.dumpDataDir('none');
    const file = path.join(os.tmpdir(), `bildungsnetz-test-${process.pid}.tar`);
    await fs.writeFile(file, Buffer.from(await dump.arrayBuffer()));
    await db.close();
    project.provide('pgliteSnapshot', file);
    project.provide('pgTemplate', '');
    return async () => {
      await fs.rm(file, { force: true });
    };
  }
  const template = `bn_template_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  const db = await openDatabase({ kind: 'postgres', url: withDatabase(url, template), poolSize: 2 });
  await db.migrate();
  await db.close();
  project.provide('pgliteSnapshot', '');
  project.provide('pgTemplate', template);
  return async () => {
    // Clones made by the test files go with the template.
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [`${template}%`],
    );
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
    await admin.end();
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
