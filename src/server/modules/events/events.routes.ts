import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/context.js';
import { checkinRoutes } from './checkin.routes.js';
import { documentationRoutes } from './documentation.routes.js';
import { invitationsRoutes } from './invitations.routes.js';
import { planningRoutes } from './planning.routes.js';
import { programmeRoutes } from './programme.routes.js';
import { registrationRoutes } from './registration.routes.js';
import { resourcesRoutes } from './resources.routes.js';

/** Veranstaltungen: events and the Bildungskonferenz, from planning to documentation and recommendations. */
export const eventsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(planningRoutes(deps));
    await app.register(resourcesRoutes(deps));
    await app.register(programmeRoutes(deps));
    await app.register(invitationsRoutes(deps));
    await app.register(registrationRoutes(deps));
    await app.register(checkinRoutes(deps));
    await app.register(documentationRoutes(deps));
  };
