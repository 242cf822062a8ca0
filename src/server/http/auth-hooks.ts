import { fromNodeHeaders } from 'better-auth/node';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Deps, NetworkActor } from '../lib/context.js';
import { DomainError } from './errors.js';
import { forgetSession, sessionOf } from './session.js';

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
 * Resolves the session cookie into the acting person for every /api request: one indexed query (see
 * session.ts), no cache. It runs on request, before the body is read, so that the access hook
 * (http/access.ts) can refuse a caller before validation. When better-auth would extend the session
 * (updateAge passed), it is asked to do so, and its refreshed cookie goes out with this response.
 */
export function registerSessionHook(app: FastifyInstance, deps: Deps) {
  app.decorateRequest('actor', null);
  app.decorateRequest('twoFactorEnabled', false);
  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/auth/')) return;
    if (!req.headers.cookie) return;
    const session = await sessionOf(deps, req);
    if (!session) return;
    if (session.needsRefresh) {
      const refreshed = await deps.auth.api.getSession({ headers: authHeaders(req), returnHeaders: true });
      // Deleted between our read and the refresh (sign-out elsewhere): the request is anonymous.
      if (!refreshed.response) return forgetSession(req);
      const cookies = refreshed.headers.getSetCookie();
      if (cookies.length > 0) reply.header('set-cookie', cookies);
    }
    req.actor = session.actor;
    req.twoFactorEnabled = session.twoFactorEnabled;
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
  // The permission hook may ask before the session hook ran; the session is read once either way.
  const session = await sessionOf(deps, req);
  if (!session) throw new DomainError('auth.unauthenticated', 'Bitte melden Sie sich an.', 'unauthenticated');
  const membership = session.memberships.get(networkId);
  if (!membership)
    throw new DomainError('network.not_found', 'Das Bildungsnetzwerk wurde nicht gefunden.', 'not_found');
  if (membership.requireSecondFactor && !session.twoFactorEnabled) {
    throw new DomainError(
      'auth.second_factor_required',
      'Dieses Bildungsnetzwerk verlangt einen zweiten Faktor. Richten Sie ihn unter „Konto“ ein.',
      'forbidden',
    );
  }
  return {
    ...session.actor,
    networkId,
    role: membership.role,
    requestId: String(req.id),
    twoFactorEnabled: session.twoFactorEnabled,
  };
}
