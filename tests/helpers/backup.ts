import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { createBackup } from '../../src/server/modules/system/backup.js';

/** Everything the app's database and files hold, as `npm run backup` writes it (unzipped text). */
export async function backupText(app: FastifyInstance): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bn-backup-'));
  try {
    const file = path.join(dir, 'backup.gz');
    await createBackup(app.deps.database, app.deps.storage, file);
    return gunzipSync(await fs.readFile(file)).toString('utf8');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
