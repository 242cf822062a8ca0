import fs from 'node:fs';
import path from 'node:path';
import { openConfiguredDatabase } from '../../src/server/app.js';
import { type Config, ConfigError, loadConfig } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/client.js';
import { BackupError } from '../../src/server/modules/system/backup.js';

/** Configuration from the environment, or a readable message and exit code 1. */
export function configOrExit(): Config {
  try {
    return loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
}

export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Runs main; refusals (BackupError, ConfigError) print their message only, anything else its stack. */
export async function run(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (err) {
    if (err instanceof BackupError || err instanceof ConfigError) fail(`Abgebrochen: ${err.message}`);
    console.error(err);
    process.exit(1);
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

export function embeddedHint(config: Config): void {
  if (!config.databaseUrl) {
    console.log(
      'Hinweis: Die eingebettete Datenbank hat nur einen Schreiber. Bildungsnetz muss während der Sicherung bzw. Wiederherstellung gestoppt sein.',
    );
  }
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
