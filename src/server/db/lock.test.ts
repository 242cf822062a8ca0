import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.js';
import { DirectoryLockedError, lockDirectory, lockFileOf } from './lock.js';

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bn-lock-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** A pid that certainly belonged to a process of this machine that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '0']);
  return r.pid!;
}

describe('one process per PGlite directory', () => {
  it('refuses a second open of the same directory, naming it and the holder, until the first closes', async () => {
    const dir = path.join(tmp, 'db');
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      const second = openDatabase({ kind: 'pglite', dataDir: dir });
      await expect(second).rejects.toBeInstanceOf(DirectoryLockedError);
      const message = await second.catch((e: Error) => e.message);
      expect(message).toContain(dir);
      expect(message).toContain(`PID ${process.pid}`);
      expect(message).toContain(os.hostname());
      expect(message).toMatch(/wird schon von einem anderen Prozess benutzt/);
      // The first keeps working.
      await first.query('CREATE TABLE t (x int)');
    } finally {
      await first.close();
    }
    // Released on close: the next open succeeds and sees the data.
    await expect(fs.stat(lockFileOf(dir))).rejects.toThrow();
    const third = await openDatabase({ kind: 'pglite', dataDir: dir });
    expect(await third.query(`SELECT to_regclass('t') IS NOT NULL AS ok`)).toEqual([{ ok: true }]);
    await third.close();
  });

  it('takes over a lock left by a process that was killed', async () => {
    const dir = path.join(tmp, 'stale');
    const pid = deadPid();
    const stale = { pid, host: os.hostname(), startedAt: '2026-01-01T00:00:00Z' };
    await fs.writeFile(lockFileOf(dir), JSON.stringify(stale));
    const lock = lockDirectory(dir);
    const now = JSON.parse(await fs.readFile(lockFileOf(dir), 'utf8'));
    expect(now.pid).toBe(process.pid);
    lock.release();
    await expect(fs.stat(lockFileOf(dir))).rejects.toThrow();
  });

  it('takes over a lock from before a restart, and one whose pid now belongs to another program', async () => {
    const dir = path.join(tmp, 'reused');
    // pid 1 lives, but it is not the process that wrote the lock.
    const reused = { pid: 1, host: os.hostname(), startedAt: '2026-01-01T00:00:00Z', procStart: '-1' };
    await fs.writeFile(lockFileOf(dir), JSON.stringify(reused));
    lockDirectory(dir).release();
    const rebooted = {
      pid: 1,
      host: os.hostname(),
      startedAt: '2026-01-01T00:00:00Z',
      bootId: 'another-boot',
    };
    await fs.writeFile(lockFileOf(dir), JSON.stringify(rebooted));
    lockDirectory(dir).release();
  });

  it('takes over an unreadable lock only once it is clearly not being written', async () => {
    const dir = path.join(tmp, 'half');
    await fs.writeFile(lockFileOf(dir), '');
    expect(() => lockDirectory(dir)).toThrow(/ist gesperrt .*der sperrende Prozess ist unbekannt/);
    const old = new Date(Date.now() - 60_000);
    await fs.utimes(lockFileOf(dir), old, old);
    lockDirectory(dir).release();
  });

  it('refuses a lock held by a process on another machine, naming that machine', async () => {
    const dir = path.join(tmp, 'elsewhere');
    const other = { pid: deadPid(), host: 'server-b.example', startedAt: '2026-03-04T05:06:07Z' };
    await fs.writeFile(lockFileOf(dir), JSON.stringify(other));
    expect(() => lockDirectory(dir)).toThrow(
      /PID \d+ auf server-b\.example, gestartet 04\.03\.2026, 06:06 Uhr/,
    );
    expect(JSON.parse(await fs.readFile(lockFileOf(dir), 'utf8')).host).toBe('server-b.example');
  });
});
