import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, runTs } from '../helpers/processes.js';

// Each bad setting as an operator would make it, with the real server process: one German line naming
// the variable or resource, exit code 1, no stack trace, no password.
const PASSWORD = 'Geheim-Passwort-4711';
let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bn-start-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

async function start(env: Record<string, string>) {
  const r = await runTs('src/server/main.ts', [], {
    DATA_DIR: path.join(tmp, 'data'),
    PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
    ...env,
  });
  const output = r.stdout + r.stderr;
  expect(r.code, output).toBe(1);
  expect(output).not.toContain(PASSWORD);
  expect(output).not.toMatch(/\n\s+at /); // no stack frame
  expect(output).not.toMatch(/Error:/);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  return lines[0]!;
}

describe('start-up failures end in one German sentence', { timeout: 300_000 }, () => {
  it('DATABASE_URL pointing at a closed port', async () => {
    const port = await freePort();
    const line = await start({ DATABASE_URL: `postgres://bn:${PASSWORD}@127.0.0.1:${port}/bildungsnetz` });
    expect(line).toContain('DATABASE_URL');
    expect(line).toContain(`127.0.0.1:${port}`);
    expect(line).toMatch(/nimmt keine Verbindung an\. Bitte prüfen, ob PostgreSQL läuft/);
  });

  it('a DATA_DIR that cannot be created', async () => {
    const file = path.join(tmp, 'eine-datei');
    await fs.writeFile(file, 'kein Verzeichnis');
    const line = await start({ DATA_DIR: path.join(file, 'daten') });
    expect(line).toContain(`DATA_DIR (${path.join(file, 'daten')})`);
    expect(line).toMatch(/ist nicht nutzbar: .*Bitte DATA_DIR auf ein Verzeichnis setzen/);
  });

  it('a port in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, 'localhost', r));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const line = await start({ PORT: String(port), HOST: 'localhost' });
      expect(line).toBe(
        `Port ${port} auf localhost ist schon belegt (PORT). Bitte das Programm beenden, das ihn benutzt, oder PORT auf einen freien Port setzen.`,
      );
    } finally {
      blocker.close();
    }
  });

  it.each([
    [`smtp://bn:${PASSWORD}@mail.example.de:abc`, /SMTP_URL: ist keine gültige Adresse/],
    [`smtp://bn:${PASSWORD}%zz@mail.example.de`, /SMTP_URL: enthält im Benutzernamen oder Passwort/],
    [`smtp://bn:${PASSWORD}@:25`, /SMTP_URL: /],
    ['smtp://', /SMTP_URL: nennt keinen Mailserver \(Host fehlt\)/],
    [`http://bn:${PASSWORD}@mail.example.de`, /SMTP_URL: muss mit smtp:\/\/ oder smtps:\/\/ beginnen/],
  ])('a malformed SMTP_URL (%s) without its password', async (value, expected) => {
    const line = await start({ SMTP_URL: value });
    expect(line).toMatch(/^Ungültige Konfiguration – /);
    expect(line).toMatch(expected);
  });
});
