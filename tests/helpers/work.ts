import { expect } from 'vitest';
import * as t from '../../src/server/db/schema.js';
import { createNetworkWithMembers, type TestApp } from './app.js';

type OrderValues = Partial<typeof t.workOrder.$inferInsert> & { seq: number; title: string; dueOn: string };

export interface WorkOrderNetworkOptions {
  /** Who writes the contract through the API (default admin). */
  as?: 'admin' | 'office';
  /** Extra fields of the contract (PUT /contract). */
  contract?: object;
  /** Extra fields of its first version (POST /contract/versions). */
  version?: object;
  fieldName?: string;
  effectiveFrom?: string;
  /** The work-order decision: seq (LK-2027-0<seq>), title, text, decidedOn. */
  decision?: { seq?: number; title?: string; text?: string; decidedOn: string };
}

/**
 * A network with a contract whose one field of action is joint (through the contract's API), a taken
 * work-order decision on it and `order(…)` to write orders of that decision straight into the table
 * (numbered AA-2027-0<seq>, ordered on the decision's day, assigned to the office user unless told).
 */
export async function workOrderNetwork(ctx: TestApp, opts: WorkOrderNetworkOptions = {}) {
  const net = await createNetworkWithMembers(ctx);
  const as = opts.as ?? 'admin';
  const api = (method: 'PUT' | 'POST', url: string, payload: object) =>
    ctx.as(net.users[as].cookie, { method, url: `/api/networks/${net.id}${url}`, payload });
  const c = await api('PUT', '/contract', {
    title: 'Kooperationsvertrag',
    landPartyName: 'Land NRW',
    municipalityPartyName: 'Hochsauerlandkreis',
    ...opts.contract,
  });
  expect(c.statusCode, c.body).toBe(200);
  const v = await api('POST', '/contract/versions', {
    title: 'Kooperationsvertrag',
    effectiveFrom: opts.effectiveFrom ?? '2024-01-01',
    addFields: [{ name: opts.fieldName ?? 'KAoA', previousOwner: 'land' }],
    ...opts.version,
  });
  expect(v.statusCode, v.body).toBe(201);
  const fieldId = v.json().addedFields[0].id as string;
  const db = ctx.database.db;
  const d = opts.decision ?? { decidedOn: '2027-02-01' };
  const seq = d.seq ?? 1;
  const [decision] = await db
    .insert(t.decision)
    .values({
      networkId: net.id,
      year: 2027,
      seq,
      number: `LK-2027-0${seq}`,
      type: 'work_order',
      fieldId,
      title: d.title ?? 'Praxisphasen-Portal',
      text: d.text ?? 'Das Bildungsbüro baut das Portal.',
      decidedOn: d.decidedOn,
    })
    .returning();
  const order = async (values: OrderValues) => {
    const [o] = await db
      .insert(t.workOrder)
      .values({
        networkId: net.id,
        year: 2027,
        number: `AA-2027-0${values.seq}`,
        decisionId: decision!.id,
        fieldId,
        orderedOn: d.decidedOn,
        assigneeId: net.users.office.id,
        ...values,
      })
      .returning();
    return o!;
  };
  return { net, db, fieldId, decision: decision!, order };
}
