import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../../tests/helpers/app.js';
import * as t from '../../db/schema.js';
import { seedContactsListsDemo } from '../../demo/contacts-lists-demo.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../../demo/seed.js';
import { insertInstitution, insertPerson } from './records.service.js';

let ctx: TestApp;
beforeAll(async () => {
  ctx = await createTestApp({}, { now: () => new Date('2026-12-02T10:00:00Z') });
});
afterAll(() => ctx.close());

describe('HSK demo distribution lists', () => {
  it('are created before any people exist, find the people by their data later, and stay idempotent', async () => {
    const db = ctx.database.db;
    const { networkId } = await seedDemo(db);
    await seedContactsListsDemo(ctx.app.deps, networkId);
    const cookie = await signIn(ctx.app, DEMO_ACCOUNTS[1]!.email, DEMO_PASSWORD);
    const get = async (url: string) =>
      (await ctx.as(cookie, { method: 'GET', url: `/api/networks/${networkId}${url}` })).json();
    const before = await get('/contacts/lists');
    expect(before.map((l: { name: string }) => l.name)).toEqual([
      'Einladung Bildungskonferenz',
      'Multiplikatoren Übergang Schule–Beruf',
      'Schulleitungen Sek I in Brilon und Olsberg',
    ]);
    expect(before.every((l: { includedCount: number }) => l.includedCount === 0)).toBe(true);

    // The people part fills the address book; the lists find them.
    const [brilon] = await db
      .select()
      .from(t.municipality)
      .where(and(eq(t.municipality.networkId, networkId), eq(t.municipality.name, 'Brilon')));
    const gym = await insertInstitution(db, {
      networkId,
      name: 'Beispiel-Gymnasium Brilon',
      type: 'school',
      schoolType: 'Gymnasium',
      schoolNumber: '199001',
      municipalityId: brilon!.id,
      place: 'Brilon',
      example: true,
    });
    const head = await insertPerson(db, {
      networkId,
      salutation: 'Frau',
      firstName: 'Jana',
      lastName: 'Müller-Beispiel',
      email: 'jana.mueller@beispiel.example',
      example: true,
    });
    await db
      .insert(t.affiliation)
      .values({ networkId, personId: head.id, institutionId: gym.id, function: 'Schulleitung' });
    const multiplier = await insertPerson(db, {
      networkId,
      firstName: 'Malte',
      lastName: 'Beispiel',
      email: 'malte@beispiel.example',
      multiplier: true,
      multiplierTopics: ['Übergang Schule–Beruf'],
      example: true,
    });
    await seedContactsListsDemo(ctx.app.deps, networkId);
    await seedContactsListsDemo(ctx.app.deps, networkId);
    const after = await get('/contacts/lists');
    const byName = Object.fromEntries(after.map((l: { name: string }) => [l.name, l]));
    expect(after).toHaveLength(3);
    expect(byName['Schulleitungen Sek I in Brilon und Olsberg']).toMatchObject({ includedCount: 1 });
    // Consent needed, none given yet: left out with the reason.
    expect(byName['Multiplikatoren Übergang Schule–Beruf']).toMatchObject({
      includedCount: 0,
      excludedCount: 1,
    });
    const conference = await get(`/contacts/lists/${byName['Einladung Bildungskonferenz'].id}`);
    expect(conference.members.map((m: { personId: string }) => m.personId).sort()).toEqual(
      [head.id, multiplier.id].sort(),
    );
  });
});
