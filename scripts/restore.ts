/**
 * `npm run restore -- FILE [--force]`: restores a backup into the configured installation (database
 * and files). The file is verified completely before anything is written. Refuses a database that
 * already holds data unless --force. Exit codes: 0 restored, 1 refused (target not empty, database
 * unreachable or in use), 2 the file is not a usable backup. See docs/operations.md.
 */
import path from 'node:path';
import type { Config } from '../src/server/config.js';
import { openFileStorage } from '../src/server/modules/files/files.storage.js';
import { restoreBackup, verifyBackup } from '../src/server/modules/system/backup.js';
import { configOrExit, count, describeDatabase, openDatabase, run, size, table } from './lib/cli.js';

let config: Config | undefined;
await run(
  async () => {
    const argv = process.argv.slice(2).filter((a) => a !== '--');
    const force = argv.includes('--force');
    const files = argv.filter((a) => !a.startsWith('-'));
    if (argv.some((a) => a === '-h' || a === '--help') || files.length !== 1) {
      console.log('Aufruf: npm run restore -- SICHERUNGSDATEI [--force]');
      console.log('  --force  ersetzt den Inhalt einer Datenbank, die schon Daten enthält, und entfernt');
      console.log('           gespeicherte Dateien, die die wiederhergestellten Daten nicht mehr nennen');
      if (files.length !== 1 && !argv.some((a) => a === '-h' || a === '--help')) process.exit(2);
      return;
    }
    const inFile = path.resolve(files[0]!);
    config = configOrExit();
    // The whole file is checked before the database is even opened.
    const verified = await verifyBackup(inFile);
    const database = await openDatabase(config);
    try {
      const storage = openFileStorage(database, config.filesDir);
      const target = storage.kind === 'database' ? 'die Dateiablage in der Datenbank' : config.filesDir;
      const s = await restoreBackup(database, storage, inFile, {
        force,
        verified,
        onVerified: (header) => {
          console.log(
            `Sicherung geprüft. Stelle die Sicherung vom ${new Date(header.createdAt).toLocaleString('de-DE')} (${header.databaseKind === 'pglite' ? 'eingebettete Datenbank' : 'PostgreSQL'}) wieder her`,
          );
          console.log(`  nach ${describeDatabase(config!)} und ${target} …`);
        },
      });
      console.log(
        s.truncated ? 'Wiederhergestellt (der bisherige Inhalt wurde ersetzt):' : 'Wiederhergestellt:',
      );
      console.log(`  Tabellen:   ${count(s.tables.length)} mit zusammen ${count(s.rows)} Zeilen`);
      console.log(`  Dateien:    ${count(s.files)} (${size(s.fileBytes)})`);
      if (s.removedFiles > 0) {
        console.log(`  Entfernt:   ${count(s.removedFiles)} Dateien, die die Daten nicht mehr nennen`);
      }
      if (s.migrationsAppliedAfterLoad > 0) {
        console.log(`  Schema:     ${s.migrationsAppliedAfterLoad} neuere Migrationen danach angewendet`);
      }
      console.log(table(s.tables));
    } finally {
      await database.close();
    }
  },
  () => config,
);
