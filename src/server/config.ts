import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Every setting is validated once at start; a bad value stops the
 * start with a message naming the variable. Defaults are documented in .env.example.
 */
const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'muss mit postgres:// oder postgresql:// beginnen')
    .optional(),
  BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'muss mit smtp:// oder smtps:// beginnen')
    .optional(),
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
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  filesDir: string;
  databaseUrl: string | undefined;
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
    const lines = parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`);
    throw new ConfigError(`Ungültige Konfiguration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    filesDir: path.join(dataDir, 'files'),
    databaseUrl: e.DATABASE_URL,
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
  };
}
