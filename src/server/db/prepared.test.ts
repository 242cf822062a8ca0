import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../tests/helpers/database.js';
import type { Database } from './client.js';
import { literal, runPrepared } from './prepared.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

const ECHO = {
  name: 'bn_test_echo',
  types: ['text', 'int', 'timestamptz', 'uuid'],
  text: 'SELECT $1::text AS t, $2::int AS n, $3::timestamptz AS at, $4::uuid AS id',
} as const;

describe('prepared statements', () => {
  it('passes text unchanged, however it is quoted, and runs the statement again with new values', async () => {
    for (const text of ["O'Brien", "'); DROP TABLE meeting; --", 'back\\slash', '„Zitat“ $1 $$']) {
      const at = new Date('2026-03-12T13:00:00Z');
      const [row] = await runPrepared<{ t: string; n: number; at: Date; id: string | null }>(database, ECHO, [
        text,
        7,
        at,
        null,
      ]);
      expect(row).toEqual({ t: text, n: 7, at, id: null });
    }
    const [count] = await database.query<{ n: number }>('SELECT count(*)::int AS n FROM meeting');
    expect(count?.n).toBe(0);
  });

  it('refuses values that cannot be literals instead of sending them', () => {
    expect(() => literal('a\0b')).toThrow();
    expect(() => literal(Number.NaN)).toThrow();
    expect(literal(null)).toBe('NULL');
  });
});
