import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../lib/context.js';

/** Invitations: mailings to distribution lists with personal registration links, reminders, queued and restartable, never twice to a person. */
export const invitationsRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
