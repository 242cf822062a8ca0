import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import * as t from '../db/schema.js';

/**
 * Publishes the demo's two newest work orders and goals on the HSK's public page, as the office would
 * after the committee asked for it. Runs after the steering demo; a second run changes nothing.
 */
export async function seedPublicDemo(db: Db, networkId: string): Promise<void> {
  const decisions = await db
    .select({ id: t.decision.id, type: t.decision.type })
    .from(t.decision)
    .where(eq(t.decision.networkId, networkId))
    .orderBy(desc(t.decision.year), desc(t.decision.seq));
  const chosen = decisions.filter((d) => d.type === 'work_order' || d.type === 'goal').slice(0, 2);
  if (chosen.length === 0) return;
  await db
    .insert(t.publicDecision)
    .values(chosen.map((d) => ({ decisionId: d.id, networkId })))
    .onConflictDoNothing();
}
