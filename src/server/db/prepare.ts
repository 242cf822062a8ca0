/**
 * Run by `npm start` (compiled) before the server: opens the embedded database and applies the
 * migrations in a process of its own, then exits. Creating a PGlite directory takes about 900 MB that
 * WebAssembly memory never gives back; the server then opens the finished directory at about 400 MB.
 * On PostgreSQL it does nothing: the server migrates as before, its memory is not at stake.
 */
import { ConfigError, loadConfig } from '../config.js';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

if (!config.databaseUrl) {
  const { openConfiguredDatabase } = await import('../app.js');
  const database = await openConfiguredDatabase(config);
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
}
