import fs from 'node:fs';
import path from 'node:path';
import { openConfiguredDatabase } from '../../src/server/app.js';
import { type Config, ConfigError, loadConfig } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/client.js';
import { BackupError, BackupFileError } from '../../src/server/modules/system/backup.js';
import { describeStartupError, redactSecrets } from '../../src/server/startup-errors.js';

/** Configuration from the environment, or its one-line message and exit code 1. */
export function configOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
}

export function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

/**
 * Runs main. Every failure ends as one line on stderr, never a stack trace or backup content: an
 * unusable backup file with exit code 2, anything else (refusal, unreachable database, directory in
 * use) with 1.
 */
export async function run(main: () => Promise<void>, config?: () => Config | undefined): Promise<void> {
  try {
    await main();
  } catch (err) {
    if (err instanceof BackupFileError) fail(`Abgebrochen: ${err.message}`, 2);
    if (err instanceof BackupError) fail(`Abgebrochen: ${err.message}`);
    const known = describeStartupError(err, config?.());
    if (known) fail(`Abgebrochen: ${known}`);
    const cause = (err as { cause?: unknown }).cause ?? err;
    const message = cause instanceof Error ? cause.message : String(cause);
    fail(
      redactSecrets(`Abgebrochen wegen eines unerwarteten Fehlers: ${message.split('\n')[0]!.slice(0, 200)}`),
    );
  }
}

export const pgliteDir = (config: Config) => path.join(config.dataDir, 'db');

export function describeDatabase(config: Config): string {
  if (config.databaseUrl) {
    const u = new URL(config.databaseUrl);
    return `PostgreSQL ${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  }
  return `eingebettete Datenbank (PGlite) in ${pgliteDir(config)}`;
}

export function embeddedExists(config: Config): boolean {
  return fs.existsSync(path.join(pgliteDir(config), 'PG_VERSION'));
}

export async function openDatabase(config: Config): Promise<Database> {
  return openConfiguredDatabase(config);
}

const nf = new Intl.NumberFormat('de-DE');
export const count = (n: number) => nf.format(n);

export function size(bytes: number): string {
  const units = ['Bytes', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${new Intl.NumberFormat('de-DE', { maximumFractionDigits: i === 0 ? 0 : 1 }).format(v)} ${units[i]}`;
}

export function table(rows: { name: string; rows: number }[]): string {
  const width = Math.max(...rows.map((r) => r.name.length), 8);
  return rows.map((r) => `    ${r.name.padEnd(width)}  ${count(r.rows).padStart(9)}`).join('\n');
}
