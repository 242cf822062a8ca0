import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/context.js';
import { deskRoutes } from './desk.routes.js';
import { goalsRoutes } from './goals.routes.js';
import { ordersRoutes } from './orders.routes.js';
import { plansRoutes } from './plans.routes.js';
import { projectsRoutes } from './projects.routes.js';
import { qualityRoutes } from './quality.routes.js';
import { reportsRoutes } from './reports.routes.js';

/** The office's work programme (Arbeitsprogramm): goals, work plans, orders, projects, reports, desk. */
export const workRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    await app.register(goalsRoutes(deps));
    await app.register(plansRoutes(deps));
    await app.register(ordersRoutes(deps));
    await app.register(projectsRoutes(deps));
    await app.register(reportsRoutes(deps));
    await app.register(deskRoutes(deps));
    await app.register(qualityRoutes(deps));
  };
