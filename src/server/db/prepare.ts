/**
 * Run by `npm start` (compiled) before the server: opens the embedded database and applies the
 * migrations in a process of its own, then exits. Creating a PGlite directory takes about 900 MB that
 * WebAssembly memory never gives back; the server then opens the finished directory at about 400 MB.
 * On PostgreSQL it does nothing: the server migrates as before, its memory is not at stake.
 */
import { type Config, loadConfig } from '../config.js';
import { exitOnStartupError } from '../startup-errors.js';

// What stops this step (settings, a directory another process holds, …) ends as one German line.
let config: Config;
try {
  config = loadConfig();
} catch (err) {
  exitOnStartupError(err);
}

if (!config.databaseUrl) {
  try {
    const { openConfiguredDatabase } = await import('../app.js');
    const database = await openConfiguredDatabase(config);
    try {
      await database.migrate();
    } finally {
      await database.close();
    }
  } catch (err) {
    exitOnStartupError(err, config);
  }
}
