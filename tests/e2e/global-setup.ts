import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { SMTP_PORT } from './ports';

export const MAIL_DIR = path.resolve('test-results/e2e-mail');

/**
 * A local SMTP sink standing in for the county's mail server: the server delivers through it, and
 * the journeys read the links people would find in their inbox.
 */
export default async function globalSetup() {
  fs.rmSync(MAIL_DIR, { recursive: true, force: true });
  fs.mkdirSync(MAIL_DIR, { recursive: true });
  let n = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        n += 1;
        fs.writeFileSync(path.join(MAIL_DIR, `${String(n).padStart(4, '0')}.eml`), Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(SMTP_PORT, '127.0.0.1', resolve));
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}
