import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import * as t from '../db/schema.js';
import type { NetworkActor } from '../lib/context.js';
import { DEMO_ACCOUNTS } from './seed.js';

/** The demo's office account as the actor of a network's demo data; undefined before the accounts exist. */
export async function demoOffice(db: Db, networkId: string): Promise<NetworkActor | undefined> {
  const [officeUser] = await db.select().from(t.user).where(eq(t.user.email, DEMO_ACCOUNTS[1]!.email));
  if (!officeUser) return undefined;
  return {
    userId: officeUser.id,
    name: officeUser.name,
    email: officeUser.email,
    networkId,
    role: 'office',
    requestId: 'demo',
    twoFactorEnabled: false,
  };
}
