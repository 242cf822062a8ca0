import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { MAIL_DIR } from './mail';
import { OPERATOR } from './operator';
import { BASE_URL, SMTP_PORT } from './ports';

/**
 * A local SMTP sink standing in for the county's mail server: the servers deliver through it, and
 * the journeys read the links people would find in their inbox. Then the shared installation gets its
 * operator through the first-run setup (the web servers are up before global setup runs); every
 * journey's network is created by the operator (fixtures.ts). The first-run setup journey itself runs
 * against a second, empty installation (playwright.config.ts).
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
        // Written under a temporary name and renamed, so a reader never parses half a mail.
        const file = path.join(MAIL_DIR, `${String(n).padStart(5, '0')}.eml`);
        fs.writeFileSync(`${file}.part`, Buffer.concat(chunks));
        fs.renameSync(`${file}.part`, file);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(SMTP_PORT, '127.0.0.1', resolve));

  const res = await fetch(`${BASE_URL}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BASE_URL },
    body: JSON.stringify({
      admin: { name: OPERATOR.name, email: OPERATOR.email, password: OPERATOR.password },
      network: OPERATOR.network,
    }),
  });
  if (res.status !== 201)
    throw new Error(`first-run setup of the shared installation: ${res.status} ${await res.text()}`);

  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
}
