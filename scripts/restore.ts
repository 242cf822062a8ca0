/**
 * `npm run restore -- FILE [--force]`: restores a backup into the configured installation (database
 * and files). Refuses a database that already holds data unless --force. See docs/operations.md.
 */
import path from 'node:path';
import { localStorage } from '../src/server/modules/files/files.storage.js';
import { readBackupHeader, restoreBackup } from '../src/server/modules/system/backup.js';
import {
  configOrExit,
  count,
  describeDatabase,
  embeddedHint,
  fail,
  openDatabase,
  run,
  size,
  table,
} from './lib/cli.js';

await run(async () => {
  const argv = process.argv.slice(2).filter((a) => a !== '--');
  const force = argv.includes('--force');
  const files = argv.filter((a) => !a.startsWith('-'));
  if (argv.some((a) => a === '-h' || a === '--help') || files.length !== 1) {
    console.log('Aufruf: npm run restore -- SICHERUNGSDATEI [--force]');
    console.log('  --force  ersetzt den Inhalt einer Datenbank, die schon Daten enthält');
    if (files.length !== 1 && !argv.some((a) => a === '-h' || a === '--help')) process.exit(2);
    return;
  }
  const inFile = path.resolve(files[0]!);
  const config = configOrExit();
  const header = await readBackupHeader(inFile).catch((err: Error) => fail(`Abgebrochen: ${err.message}`));
  embeddedHint(config);
  console.log(
    `Stelle die Sicherung vom ${new Date(header.createdAt).toLocaleString('de-DE')} (${header.databaseKind === 'pglite' ? 'eingebettete Datenbank' : 'PostgreSQL'}) wieder her`,
  );
  console.log(`  nach ${describeDatabase(config)} und ${config.filesDir} …`);
  const database = await openDatabase(config);
  try {
    const s = await restoreBackup(database, localStorage(config.filesDir), inFile, { force });
    console.log(
      s.truncated ? 'Wiederhergestellt (der bisherige Inhalt wurde ersetzt):' : 'Wiederhergestellt:',
    );
    console.log(`  Tabellen:   ${count(s.tables.length)} mit zusammen ${count(s.rows)} Zeilen`);
    console.log(`  Dateien:    ${count(s.files)} (${size(s.fileBytes)})`);
    if (s.migrationsAppliedAfterLoad > 0) {
      console.log(`  Schema:     ${s.migrationsAppliedAfterLoad} neuere Migrationen danach angewendet`);
    }
    console.log(table(s.tables));
  } finally {
    await database.close();
  }
});
