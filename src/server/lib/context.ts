import type { Config } from '../config.js';
import type { Database, Db } from '../db/client.js';
import type { Auth } from '../modules/auth/auth.js';
import type { FileStorage } from '../modules/files/files.storage.js';

/** Outside effects every service may use; tests pass their own clock or storage. */
export type Deps = {
  config: Config;
  database: Database;
  db: Db;
  storage: FileStorage;
  auth: Auth;
  now: () => Date;
  /**
   * Open work orders naming these fields of action: the contract asks the steering module through this
   * port (steering itself depends on the contract's scope guard, so it cannot be imported back).
   */
  openWorkOrders: (
    db: Db,
    networkId: string,
    fieldIds: string[],
  ) => Promise<Array<{ number: string; title: string; fieldId: string }>>;
};

/** Who acts: set by the auth hook for every request. */
export type Actor = { userId: string; name: string; email: string };

/** A request inside one network, after membership was checked. */
export type NetworkActor = Actor & {
  networkId: string;
  role: import('../../contracts/common.js').Role;
  requestId: string;
  twoFactorEnabled: boolean;
};
