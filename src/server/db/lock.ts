import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatDateTime } from '../lib/format.js';

/**
 * One process per embedded database directory. PGlite has no lock of its own: two processes on one
 * directory both start, both acknowledge writes, and one of them loses its writes at the next start.
 * The lock is a file beside the directory, created atomically (O_EXCL), naming the holder. A lock whose
 * process is gone (killed, or the machine restarted) is recognised and taken over.
 */

export type LockHolder = {
  pid: number;
  host: string;
  startedAt: string;
  /** Linux: identifies this boot and the holder's start time, so a reused pid is not mistaken. */
  bootId?: string;
  procStart?: string;
  command?: string;
};

/** The directory is in use by another process; the message is meant for the person starting it. */
export class DirectoryLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder | null,
  ) {
    super(lockedMessage(dir, holder));
  }
}

export type DirectoryLock = { file: string; release(): void };

const held = new Map<string, string>(); // lock file → its content, for locks this process holds

export const lockFileOf = (dir: string) => `${path.resolve(dir).replace(/[/\\]+$/, '')}.lock`;

function lockedMessage(dir: string, h: LockHolder | null): string {
  if (!h) {
    return `Die Datenbank in ${dir} ist gesperrt (${lockFileOf(dir)}), der sperrende Prozess ist unbekannt. Läuft sicher kein Bildungsnetz-Prozess mehr auf diesem Verzeichnis, die Sperrdatei löschen.`;
  }
  const started = new Date(h.startedAt);
  const when = Number.isNaN(started.getTime()) ? 'unbekannt' : formatDateTime(started);
  const what = h.command ? ` (${h.command})` : '';
  const sameHost = h.host === os.hostname();
  return (
    `Die Datenbank in ${dir} wird schon von einem anderen Prozess benutzt: PID ${h.pid}${what} auf ${h.host}, gestartet ${when}. ` +
    (sameHost
      ? 'Bitte diesen Prozess zuerst beenden (für Sicherung und Wiederherstellung die Anwendung stoppen).'
      : `Bitte den Prozess auf ${h.host} beenden; läuft dort sicher keiner mehr, die Sperrdatei ${lockFileOf(dir)} löschen.`)
  );
}

function readOr(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

const bootId = () => readOr('/proc/sys/kernel/random/boot_id');

/** Field 22 of /proc/PID/stat: start time in clock ticks since boot (after the parenthesised name). */
function procStart(pid: number): string | undefined {
  const stat = readOr(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}

function parse(text: string | undefined): LockHolder | null {
  if (!text) return null;
  try {
    const h = JSON.parse(text) as LockHolder;
    return Number.isInteger(h.pid) && typeof h.host === 'string' ? h : null;
  } catch {
    return null;
  }
}

/** Whether the holder certainly no longer runs. Only decidable for a holder on this machine. */
function isStale(file: string, h: LockHolder): boolean {
  if (h.host !== os.hostname()) return false;
  // Our own pid, but not a lock we hold: a former process with the same pid (a container's pid 1).
  if (h.pid === process.pid) return !held.has(file);
  const boot = bootId();
  if (boot && h.bootId && h.bootId !== boot) return true; // the machine restarted since
  try {
    process.kill(h.pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
  // A live process with that pid: the holder unless it started at another time (pid reused).
  const start = procStart(h.pid);
  return Boolean(start && h.procStart && start !== h.procStart);
}

/**
 * Takes the lock for dir or throws DirectoryLockedError naming the holder. Released by release(),
 * and at the latest when the process exits normally.
 */
export function lockDirectory(dir: string, command = process.argv.slice(1).join(' ')): DirectoryLock {
  const file = lockFileOf(dir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const mine: LockHolder = {
    pid: process.pid,
    host: os.hostname(),
    startedAt: new Date().toISOString(),
    bootId: bootId(),
    procStart: procStart(process.pid),
    command: shortCommand(command) || undefined,
  };
  const content = `${JSON.stringify(mine)}\n`;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      fs.writeFileSync(file, content, { flag: 'wx', mode: 0o644 });
      held.set(file, content);
      const onExit = () => release();
      process.once('exit', onExit);
      let released = false;
      function release() {
        if (released) return;
        released = true;
        process.off('exit', onExit);
        held.delete(file);
        // Only our own lock: never remove one that another process took over in the meantime.
        if (readOr(file) === content.trim()) fs.rmSync(file, { force: true });
      }
      return { file, release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const text = readOr(file);
    if (text === undefined) continue; // removed meanwhile: try again
    const holder = parse(text);
    // An unreadable lock is being written by a process starting right now, or was left half-written by
    // one that died in that instant: only its age tells them apart.
    const stale = holder ? isStale(file, holder) : ageMs(file) > HALF_WRITTEN_MS;
    if (!stale) throw new DirectoryLockedError(dir, holder);
    // Take over: move the stale lock aside (atomic, only one contender succeeds), check that it was
    // indeed the stale one, then create ours as above.
    const aside = `${file}.stale-${process.pid}-${Date.now()}`;
    try {
      fs.renameSync(file, aside);
    } catch {
      continue;
    }
    const moved = readOr(aside);
    if (moved !== text) {
      // Someone else took over between our read and the rename: give theirs back.
      try {
        fs.linkSync(aside, file);
      } catch {
        // a third contender created one meanwhile; theirs stands
      }
    }
    fs.rmSync(aside, { force: true });
  }
  throw new DirectoryLockedError(dir, parse(readOr(file)));
}

/** Writing a lock takes microseconds; one this old and still unreadable will not be finished. */
const HALF_WRITTEN_MS = 10_000;

function ageMs(file: string): number {
  try {
    return Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function shortCommand(command: string): string {
  const parts = command.split(' ').map((p) => (p.includes('/') ? path.basename(p) : p));
  const text = parts.join(' ');
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
