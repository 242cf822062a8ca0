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
