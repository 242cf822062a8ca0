import { createHash, randomBytes } from 'node:crypto';

/**
 * Personal links and invitations carry a random secret; only its SHA-256 is stored, so a database or
 * a backup alone never yields a usable link. 256 bits of randomness make a salt unnecessary.
 */
export const newToken = () => randomBytes(32).toString('base64url');

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
