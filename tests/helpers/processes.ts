import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');

/**
 * The environment of a spawned command: this process's, without the settings that Vitest or the
 * PostgreSQL test run put there (BASE_URL for import.meta.env, DATABASE_URL), plus env.
 */
export function childEnv(env: Record<string, string | undefined>): Record<string, string> {
  const skip = new Set(['DATABASE_URL', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'PORT', 'SMTP_URL']);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !skip.has(k)) out[k] = v;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out;
}

export type Finished = { code: number | null; stdout: string; stderr: string };

/** Runs a TypeScript file of the project the way `npm run`/`tsx` does and waits for it to end. */
export async function runTs(
  file: string,
  args: string[],
  env: Record<string, string | undefined>,
): Promise<Finished> {
  const child = spawnTs(file, args, env);
  const code = await waitForExit(child.proc);
  return { code, ...child.out };
}

export type Spawned = { proc: ChildProcess; out: { stdout: string; stderr: string } };

export function spawnTs(file: string, args: string[], env: Record<string, string | undefined>): Spawned {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(root, file), ...args], {
    cwd: root,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '' };
  proc.stdout!.setEncoding('utf8').on('data', (d: string) => {
    out.stdout += d;
  });
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => {
    out.stderr += d;
  });
  return { proc, out };
}

/** Starts the server (src/server/main.ts) and resolves once it accepts connections on port. */
export async function startServer(env: Record<string, string | undefined>, port: number): Promise<Spawned> {
  const child = spawnTs('src/server/main.ts', [], { LOG_LEVEL: 'warn', ...env, PORT: String(port) });
  let exited = false;
  child.proc.on('exit', () => {
    exited = true;
  });
  for (;;) {
    if (exited) throw new Error(`server ended early:\n${child.out.stdout}\n${child.out.stderr}`);
    if (await canConnect(port)) return child;
    await new Promise((r) => setTimeout(r, 200));
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The exit code once the process ended and its output is read completely. */
export function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve(code));
  });
}
