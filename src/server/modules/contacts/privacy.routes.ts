import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/context.js';

/** GDPR: consents given and withdrawn, the withdrawal link, access export, erasure, retention and clean-up. */
export const privacyRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
