import { fromNodeHeaders } from 'better-auth/node';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Deps, NetworkActor } from '../lib/context.js';
import { findRole } from '../modules/networks/networks.service.js';
import { DomainError } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    twoFactorEnabled: boolean;
  }
}

/** Headers for better-auth: the client address as Fastify determined it (TRUST_PROXY aware). */
export function authHeaders(req: FastifyRequest): Headers {
  const headers = fromNodeHeaders(req.headers);
  headers.set('x-bn-client-ip', req.ip);
  return headers;
}

/**
 * Resolves the session cookie into the acting person for every /api request. It runs on request, before
 * the body is read, so that the access hook (http/access.ts) can refuse a caller before validation.
 */
export function registerSessionHook(app: FastifyInstance, deps: Deps) {
  app.decorateRequest('actor', null);
  app.decorateRequest('twoFactorEnabled', false);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/auth/')) return;
    if (!req.headers.cookie) return;
    const session = await deps.auth.api.getSession({ headers: authHeaders(req) });
    if (session) {
      req.actor = { userId: session.user.id, name: session.user.name, email: session.user.email };
      req.twoFactorEnabled = Boolean((session.user as { twoFactorEnabled?: boolean }).twoFactorEnabled);
    }
  });
}

/**
 * Cookie sessions need CSRF protection: a state-changing request must come from our own origin.
 * Browsers send Origin with every non-GET fetch and form post; a request without one or from
 * elsewhere is refused. better-auth checks its own routes the same way.
 */
export function registerCsrfCheck(app: FastifyInstance, baseUrl: string) {
  const allowed = new URL(baseUrl).origin;
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return;
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/auth/')) return;
    const origin =
      req.headers.origin ?? (req.headers.referer ? new URL(req.headers.referer).origin : undefined);
    if (origin !== allowed) {
      return reply.code(403).send({
        error: {
          code: 'csrf_rejected',
          message: 'Die Anfrage kam nicht von dieser Anwendung und wurde abgewiesen.',
          requestId: String(req.id),
        },
      });
    }
  });
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor)
    throw new DomainError('auth.unauthenticated', 'Bitte melden Sie sich an.', 'unauthenticated');
  return req.actor;
}

/**
 * The acting person inside the network named in the URL. A network the person does not belong to is
 * "not found", never "forbidden": its existence is not revealed.
 */
export async function networkActor(
  deps: Deps,
  req: FastifyRequest,
  networkId: string,
): Promise<NetworkActor> {
  const actor = requireActor(req);
  const membership = await findRole(deps.db, networkId, actor.userId);
  if (!membership)
    throw new DomainError('network.not_found', 'Das Bildungsnetzwerk wurde nicht gefunden.', 'not_found');
  if (membership.requireSecondFactor && !req.twoFactorEnabled) {
    throw new DomainError(
      'auth.second_factor_required',
      'Dieses Bildungsnetzwerk verlangt einen zweiten Faktor. Richten Sie ihn unter „Konto“ ein.',
      'forbidden',
    );
  }
  return {
    ...actor,
    networkId,
    role: membership.role,
    requestId: String(req.id),
    twoFactorEnabled: req.twoFactorEnabled,
  };
}
