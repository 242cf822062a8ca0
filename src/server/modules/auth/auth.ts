import { hash, verify } from '@node-rs/argon2';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { twoFactor as twoFactorPlugin } from 'better-auth/plugins';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { type NewMail, UNSTORED_LINK } from '../mail/mail.service.js';
import { account, rateLimit, session, twoFactor, user, verification } from './auth.tables.js';

// argon2id with the OWASP recommended minimum (19 MiB, 2 iterations).
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, ARGON2);

/** Delivers a mail with a link that must not be stored (mail.service.ts: sendWithUnstoredLink). */
export type SendUnstored = (mail: NewMail, link: string) => Promise<void>;

export function createAuth(config: Config, db: Db, secret: string, sendUnstored: SendUnstored) {
  return betterAuth({
    appName: 'Bildungsnetz',
    baseURL: config.baseUrl,
    basePath: '/api/auth',
    secret,
    trustedOrigins: [new URL(config.baseUrl).origin],
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user, session, account, verification, twoFactor, rateLimit },
    }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 60 * 60,
      password: {
        hash: hashPassword,
        verify: ({ hash: h, password }) => verify(h, password),
      },
      // better-auth hands the reset link over only here and cannot mint it again: it goes out at once and
      // is stored nowhere (the outbox keeps "[persönlicher Link]"); a failed delivery means a new request.
      sendResetPassword: async ({ user: u, url }) => {
        await sendUnstored(
          {
            networkId: null,
            to: u.email,
            toName: u.name,
            subject: 'Passwort zurücksetzen – Bildungsnetz',
            text: [
              `Guten Tag ${u.name},`,
              '',
              'für Ihr Konto im Bildungsnetz wurde ein neues Passwort angefordert.',
              'Über diesen Link legen Sie es fest (eine Stunde gültig):',
              UNSTORED_LINK,
              '',
              'Wenn Sie das nicht waren, können Sie diese E-Mail ignorieren; Ihr Passwort bleibt unverändert.',
            ].join('\n'),
            sensitive: true,
          },
          url,
        );
      },
    },
    // Reset and second-factor tokens are stored hashed, like every other link.
    verification: { storeIdentifier: 'hashed' },
    session: {
      expiresIn: 60 * 60 * 12,
      updateAge: 60 * 30,
      // No cookie cache: every request checks the session row, so a sign-out or revocation takes
      // effect on every app instance at once.
      cookieCache: { enabled: false },
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 300,
      customRules: {
        '/sign-in/email': { window: 60, max: config.signInRateLimit },
        '/two-factor/verify-totp': { window: 60, max: config.signInRateLimit },
        '/request-password-reset': { window: 60, max: 5 },
      },
    },
    advanced: {
      useSecureCookies: config.baseUrl.startsWith('https://'),
      cookiePrefix: 'bn',
      ipAddress: { ipAddressHeaders: ['x-bn-client-ip'] },
    },
    plugins: [twoFactorPlugin({ issuer: 'Bildungsnetz' })],
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;
