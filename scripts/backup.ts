/**
 * `npm run backup [-- FILE]`: writes a backup of the configured installation (database and files) to
 * FILE, by default backups/bildungsnetz-YYYYMMDD-HHMMSS.jsonl.gz. See docs/operations.md.
 */
import path from 'node:path';
import type { Config } from '../src/server/config.js';
import { adoptDirectoryFiles, openFileStorage } from '../src/server/modules/files/files.storage.js';
import { createBackup } from '../src/server/modules/system/backup.js';
import {
  configOrExit,
  count,
  describeDatabase,
  embeddedExists,
  fail,
  openDatabase,
  pgliteDir,
  run,
  size,
  table,
} from './lib/cli.js';

function defaultName(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  return path.join('backups', `bildungsnetz-${stamp}.jsonl.gz`);
}

let config: Config | undefined;
await run(
  async () => {
    const args = process.argv.slice(2).filter((a) => a !== '--');
    if (args.some((a) => a === '-h' || a === '--help')) {
      console.log('Aufruf: npm run backup [-- ZIELDATEI]');
      return;
    }
    config = configOrExit();
    const outFile = path.resolve(args[0] ?? defaultName());
    if (!config.databaseUrl && !embeddedExists(config)) {
      fail(
        `Keine Datenbank in ${pgliteDir(config)} gefunden (DATA_DIR=${config.dataDir}). Nichts zu sichern.`,
      );
    }
    const database = await openDatabase(config);
    try {
      const storage = openFileStorage(database, config.filesDir);
      // Files from before they moved into the database (PostgreSQL) are included: copied there first.
      await storage.prepare();
      await adoptDirectoryFiles(storage, config.filesDir);
      const from = storage.kind === 'database' ? 'der Dateiablage in der Datenbank' : config.filesDir;
      console.log(`Sichere ${describeDatabase(config)} und Dateien aus ${from} …`);
      const started = Date.now();
      const s = await createBackup(database, storage, outFile);
      const seconds = ((Date.now() - started) / 1000).toFixed(1).replace('.', ',');
      console.log(`Sicherung geschrieben: ${path.relative(process.cwd(), s.file) || s.file}`);
      console.log(`  Größe:      ${size(s.bytes)} (komprimiert), Dauer ${seconds} s`);
      console.log(`  Tabellen:   ${count(s.tables.length)} mit zusammen ${count(s.rows)} Zeilen`);
      console.log(`  Dateien:    ${count(s.files)} (${size(s.fileBytes)})`);
      console.log(
        `  Schema:     ${s.migrations.length} Migrationen, zuletzt ${s.migrations.at(-1)?.name ?? '?'}`,
      );
      console.log(table(s.tables));
    } finally {
      await database.close();
    }
  },
  () => config,
);
