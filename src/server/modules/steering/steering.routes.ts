import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/context.js';
import { agendaRoutes } from './agenda.routes.js';
import { committeeRoutes } from './committee.routes.js';
import { decisionRoutes } from './decisions.routes.js';
import { meetingRoutes } from './meetings.routes.js';
import { minutesRoutes } from './minutes.routes.js';
import { preparationRoutes } from './preparation.routes.js';
import { procedureRoutes } from './procedures.routes.js';
import { publicLinkRoutes } from './public-links.routes.js';

/** The steering module's routes, one plugin per resource (the personal-link routes for the office are in `steering.links.routes.ts`). */
export const steeringRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(committeeRoutes(deps));
    await app.register(meetingRoutes(deps));
    await app.register(agendaRoutes(deps));
    await app.register(publicLinkRoutes(deps));
    await app.register(minutesRoutes(deps));
    await app.register(procedureRoutes(deps));
    await app.register(decisionRoutes(deps));
    await app.register(preparationRoutes(deps));
  };
