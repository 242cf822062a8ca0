import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/context.js';
import { importRoutes } from './import.routes.js';
import { institutionsRoutes } from './institutions.routes.js';
import { listsRoutes } from './lists.routes.js';
import { peopleRoutes } from './people.routes.js';
import { privacyRoutes } from './privacy.routes.js';

/** The network's address book (Netzwerk): people, institutions, distribution lists, imports and privacy. */
export const contactsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(peopleRoutes(deps));
    await app.register(institutionsRoutes(deps));
    await app.register(listsRoutes(deps));
    await app.register(privacyRoutes(deps));
    await app.register(importRoutes(deps));
  };
