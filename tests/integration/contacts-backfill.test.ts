import fs from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/server/demo/seed.js';
import { seedSteeringDemo } from '../../src/server/demo/steering-demo.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

/*
 * Migration 0022 makes everyone the network already knew a person of the address book. It ran on an
 * empty database when the test database was made; here it runs again on the demo network as it was
 * before the address book (people removed, links emptied), as it would on a county's database.
 */
let ctx: TestApp;
let networkId: string;
beforeAll(async () => {
  ctx = await createTestApp();
  networkId = (await seedDemo(ctx.database.db)).networkId;
  await seedSteeringDemo(ctx.app.deps, networkId);
  const statements = (await fs.readFile('drizzle/0022_contacts_backfill.sql', 'utf8')).split(
    '--> statement-breakpoint',
  );
  await ctx.database.db.transaction(async (tx) => {
    await tx.execute(sql`UPDATE committee_member SET person_id = NULL`);
    await tx.execute(sql`UPDATE guest SET person_id = NULL`);
    await tx.execute(sql`DELETE FROM person`);
    for (const s of statements) await tx.execute(sql.raw(s));
  });
}, 60_000);
afterAll(() => ctx.close());

type Row = Record<string, unknown>;
const rows = async (q: string) => ctx.database.query<Row>(q);

describe('address book backfill (migration 0022)', () => {
  it('links every committee membership to one person; several terms of one member share it', async () => {
    const members = await rows(
      `SELECT m.name, m.email, m.person_id, p.title, p.first_name, p.last_name, p.email AS person_email
       FROM committee_member m LEFT JOIN person p ON p.id = m.person_id WHERE m.network_id = '${networkId}'`,
    );
    expect(members.length).toBeGreaterThan(4);
    for (const m of members) {
      expect(m.person_id, String(m.name)).not.toBeNull();
      const full = [m.title, m.first_name, m.last_name].filter(Boolean).join(' ');
      expect(full).toBe(String(m.name).trim());
      expect(m.person_email).toBe(m.email);
    }
    const byEmail = new Map<string, Set<unknown>>();
    for (const m of members.filter((m) => m.email)) {
      const k = String(m.email).toLowerCase();
      byEmail.set(k, (byEmail.get(k) ?? new Set()).add(m.person_id));
    }
    for (const [email, ids] of byEmail) expect(ids.size, email).toBe(1);
  });

  it('links guests, and makes the office staff people with their accounts', async () => {
    const guests = await rows(`SELECT person_id FROM guest WHERE network_id = '${networkId}'`);
    expect(guests.every((g) => g.person_id !== null)).toBe(true);
    const staff = await rows(
      `SELECT u.email, p.id FROM membership ms JOIN "user" u ON u.id = ms.user_id
       LEFT JOIN person p ON p.user_id = u.id AND p.network_id = ms.network_id
       WHERE ms.network_id = '${networkId}' AND ms.role IN ('admin', 'office')`,
    );
    expect(staff.length).toBeGreaterThan(0);
    for (const s of staff) expect(s.id, String(s.email)).not.toBeNull();
  });

  it('makes the new people findable by their folded names', async () => {
    const [counts] = await rows(
      `SELECT count(*) FILTER (WHERE search_text = '')::int AS empty,
              count(*) FILTER (WHERE search_text ~ '[äöüßÄÖÜA-Z]')::int AS unfolded,
              count(*)::int AS n
       FROM person WHERE network_id = '${networkId}'`,
    );
    expect(counts).toMatchObject({ empty: 0, unfolded: 0 });
    expect(counts!.n).toBeGreaterThan(4);
  });
});
