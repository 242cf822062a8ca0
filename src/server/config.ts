import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Every setting is validated once at start; a bad value stops the
 * start with a message naming the variable. Defaults are documented in .env.example.
 */
/**
 * nodemailer accepts an SMTP_URL without a host (and then silently tries localhost) and prints an
 * unparsable one, password included, in a warning: so it is checked here. Messages never repeat the
 * value, which may carry a password.
 */
function checkSmtpUrl(value: string, ctx: z.RefinementCtx): void {
  const form =
    'Form: smtp://benutzer:passwort@mail.example.de:587 (Sonderzeichen im Passwort URL-kodiert, z. B. %40 für @)';
  if (!/^smtps?:\/\//.test(value)) {
    ctx.addIssue({ code: 'custom', message: `muss mit smtp:// oder smtps:// beginnen; ${form}` });
    return;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: `ist keine gültige Adresse; ${form}` });
    return;
  }
  if (!url.hostname) {
    ctx.addIssue({ code: 'custom', message: `nennt keinen Mailserver (Host fehlt); ${form}` });
    return;
  }
  try {
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: `enthält im Benutzernamen oder Passwort ein ungültiges %-Zeichen; ${form}`,
    });
  }
}

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'muss mit postgres:// oder postgresql:// beginnen')
    .refine(
      (v) => URL.canParse(v),
      'ist keine gültige Adresse; Form: postgres://benutzer:passwort@host:5432/datenbank (Sonderzeichen im Passwort URL-kodiert)',
    )
    .optional(),
  // Connections to PostgreSQL per app instance: one per request that waits for the database at the same
  // moment. Instances × this must stay below the server's max_connections (100 by default).
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMTP_URL: z.string().superRefine(checkSmtpUrl).optional(),
  MAIL_FROM: z.string().min(3).default('Bildungsnetz <bildungsnetz@localhost>'),
  SESSION_SECRET: z.string().min(32, 'muss mindestens 32 Zeichen lang sein').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Unset: readable lines in a terminal, JSON (one object per line) for a log collector.
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(1024).default(25),
  OUTBOX_INTERVAL_MS: z.coerce.number().int().min(100).default(5000),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  // Attempts per client address and minute. A county office often signs in from one shared address, so
  // the default leaves room for a whole team arriving at once.
  SIGNIN_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  // Anonymous writes (public feedback, reply and vote links, …) per client address, route and window.
  // A committee often replies from one county network, so the default leaves room for all of it.
  PUBLIC_WRITE_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
  PUBLIC_WRITE_RATE_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  filesDir: string;
  databaseUrl: string | undefined;
  /** PostgreSQL connections per instance (DATABASE_POOL_SIZE). */
  databasePoolSize: number;
  baseUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionSecret: string | undefined;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  logFormat: 'pretty' | 'json';
  maxUploadBytes: number;
  outboxIntervalMs: number;
  trustProxy: boolean;
  signInRateLimit: number;
  publicWriteRateLimit: { max: number; windowSeconds: number };
};

export class ConfigError extends Error {}

export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  terminal: boolean = process.stdout.isTTY === true,
): Config {
  // Empty strings count as unset, as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = Env.safeParse(cleaned);
  if (!parsed.success) {
    // One line: the variable, what is wrong, what to do. Never the value (it may be a password).
    const problems = parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`);
    throw new ConfigError(
      `Ungültige Konfiguration – ${problems.join(' · ')}. Bitte in der Umgebung bzw. der .env-Datei korrigieren.`,
    );
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    filesDir: path.join(dataDir, 'files'),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    baseUrl: (e.BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionSecret: e.SESSION_SECRET,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (terminal ? 'pretty' : 'json'),
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    outboxIntervalMs: e.OUTBOX_INTERVAL_MS,
    trustProxy: e.TRUST_PROXY === 'true',
    signInRateLimit: e.SIGNIN_RATE_LIMIT,
    publicWriteRateLimit: {
      max: e.PUBLIC_WRITE_RATE_LIMIT,
      windowSeconds: e.PUBLIC_WRITE_RATE_WINDOW_MINUTES * 60,
    },
  };
}
