import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/helpers/app.js';
import * as t from '../db/schema.js';
import { seedContactsDemo } from './contacts-demo.js';
import { seedContactsListsDemo } from './contacts-lists-demo.js';
import { seedEventsInvitationsDemo } from './events-invitations-demo.js';
import { seedDemo } from './seed.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp({}, { now: () => new Date('2026-12-02T10:00:00Z') });
});
afterAll(() => ctx.close());

describe('HSK demo invitations', () => {
  it('invite the list to the 2027 conference and remind once; loading twice adds nothing', async () => {
    const db = ctx.database.db;
    const { networkId } = await seedDemo(db);
    await seedContactsDemo(ctx.app.deps, networkId);
    await seedContactsListsDemo(ctx.app.deps, networkId);
    await seedEventsInvitationsDemo(ctx.app.deps, networkId);
    const mailings = await db.select().from(t.eventMailing).where(eq(t.eventMailing.networkId, networkId));
    expect(mailings.map((m) => [m.kind, m.status]).sort()).toEqual([
      ['invitation', 'sent'],
      ['reminder', 'sent'],
    ]);
    const invitees = await db.select().from(t.eventInvitee).where(eq(t.eventInvitee.networkId, networkId));
    expect(invitees.length).toBeGreaterThan(0);
    expect(invitees.every((i) => i.invitedAt && i.remindedAt)).toBe(true);
    const outbox = (await db.select().from(t.outboxMail).where(eq(t.outboxMail.networkId, networkId))).length;

    await seedEventsInvitationsDemo(ctx.app.deps, networkId);
    expect(
      await db.select().from(t.eventMailing).where(eq(t.eventMailing.networkId, networkId)),
    ).toHaveLength(2);
    expect(
      await db.select().from(t.eventInvitee).where(eq(t.eventInvitee.networkId, networkId)),
    ).toHaveLength(invitees.length);
    expect(await db.select().from(t.outboxMail).where(eq(t.outboxMail.networkId, networkId))).toHaveLength(
      outbox,
    );
  });
});
