import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { z } from 'zod';
import type { Permission } from '../../contracts/common.js';
import type { Deps, NetworkActor } from '../lib/context.js';
import { can } from '../modules/networks/networks.policy.js';
import { isPlatformAdmin } from '../modules/networks/networks.service.js';
import { networkActor, requireActor } from './auth-hooks.js';
import { DomainError } from './errors.js';

/**
 * Who may call a route. Every `/api` route declares it in its options, `config: { access: … }`; one
 * hook enforces it before the body is parsed or validated, so a caller without access learns nothing
 * about the route's input. Rules about single records (a guest's own items, an office-only file) stay
 * in the services.
 *
 * - `'public'`: anyone, without an account (public page, personal links, health).
 * - `'signed-in'`: any signed-in person (`/api/me`).
 * - `'operator'`: the operators of this installation (platform administrators).
 * - `'member'`: any member of the network named by `:networkId`.
 * - `{ permission }`: a member of `:networkId` whose role has the permission (networks.policy.ts).
 *
 * For network routes a non-member gets 404 `network.not_found` (the network's existence is not
 * revealed), a member without the required second factor 403 `auth.second_factor_required`, a member
 * lacking the permission 403 `forbidden`. The resolved member is on `req.networkActor`: use
 * `memberOf(req)` in the handler instead of loading the membership again.
 */
export type Access = 'public' | 'signed-in' | 'operator' | 'member' | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route; required for every /api route (the app refuses to start otherwise). */
    access?: Access;
    /**
     * The form of a multipart/form-data upload, for the OpenAPI document only: the handler reads the
     * parts as a stream. Binary fields are `z.file()`.
     */
    multipart?: z.ZodObject;
  }
  interface FastifyRequest {
    /** The member acting in `:networkId`, set by the access hook on network routes. */
    networkActor: NetworkActor | null;
  }
  interface FastifyInstance {
    /** Every /api route with its declared access, in registration order (for tests and the docs). */
    routeAccess: readonly RouteAccess[];
  }
}

/** One /api route as declared; `upload` when it takes a multipart form. */
export type RouteAccess = { method: string; url: string; access: Access; upload: boolean };

/** Routes registered by third-party plugins under /api, which cannot carry our declaration. */
const pluginRoutes: Array<{ prefix: string; access: Access }> = [{ prefix: '/api/docs', access: 'public' }];

const isApi = (url: string) => url === '/api' || url.startsWith('/api/');
const networkScoped = (a: Access) => a === 'member' || typeof a === 'object';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How the declaration reads for people: in the OpenAPI document and in error messages of the check. */
export function describeAccess(a: Access): string {
  if (a === 'public') return 'öffentlich, ohne Anmeldung';
  if (a === 'signed-in') return 'angemeldete Person';
  if (a === 'operator') return 'Betrieb der Installation (Plattform-Administration)';
  if (a === 'member') return 'jeder Benutzer des Bildungsnetzwerks';
  return `Benutzer des Bildungsnetzwerks mit der Berechtigung „${a.permission}“`;
}

/** The declaration as a short machine-readable string (`x-permission` in the OpenAPI document). */
export function accessKey(a: Access): string {
  return typeof a === 'object' ? a.permission : a;
}

function checkDeclaration(route: RouteOptions): Access {
  const methods = [route.method].flat().join(',');
  const declared = route.config?.access ?? pluginRoutes.find((p) => route.url.startsWith(p.prefix))?.access;
  if (!declared) {
    throw new Error(
      `Route ${methods} ${route.url} declares no access. Add to its options e.g. ` +
        `config: { access: { permission: 'steering.read' } } (or 'public', 'signed-in', 'operator', 'member'); ` +
        'see src/server/http/access.ts.',
    );
  }
  if (networkScoped(declared) && !route.url.includes(':networkId')) {
    throw new Error(
      `Route ${methods} ${route.url} declares access ${JSON.stringify(declared)}, which needs a :networkId in its URL.`,
    );
  }
  const consumes = (route.schema as { consumes?: string[] } | undefined)?.consumes ?? [];
  if (consumes.includes('multipart/form-data') && !route.config?.multipart) {
    throw new Error(
      `Route ${methods} ${route.url} takes multipart/form-data but declares no form: add ` +
        'config: { multipart: z.object({ …, file: z.file() }) } so that the API document describes it.',
    );
  }
  return declared;
}

/**
 * Installs the declaration check (at route registration) and the enforcement (on every request).
 * Register after the session hook and before any route.
 */
export function registerAccess(app: FastifyInstance, deps: Deps) {
  const table: RouteAccess[] = [];
  app.decorate('routeAccess', table);
  app.decorateRequest('networkActor', null);

  app.addHook('onRoute', (route) => {
    if (!isApi(route.url)) return;
    const access = checkDeclaration(route);
    route.config = { ...route.config, access };
    for (const method of [route.method].flat()) {
      // Fastify adds a HEAD route for every GET, with the GET's declaration and handler.
      if (method === 'HEAD') continue;
      table.push({ method, url: route.url, access, upload: Boolean(route.config?.multipart) });
    }
  });

  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config.access;
    if (access === undefined) {
      // Only the not-found handler and routes outside /api come here; anything else fails closed.
      if (req.is404 || !isApi(req.routeOptions.url ?? '')) return;
      throw new Error(`${req.method} ${req.routeOptions.url} has no access declaration`);
    }
    if (access === 'public') return;
    const actor = requireActor(req);
    if (access === 'signed-in') return;
    if (access === 'operator') {
      if (!(await isPlatformAdmin(deps.db, actor.userId))) {
        throw new DomainError(
          'forbidden',
          'Das ist dem Betrieb dieser Installation vorbehalten.',
          'forbidden',
        );
      }
      return;
    }
    const networkId = (req.params as Record<string, string | undefined>).networkId ?? '';
    // Checked here because the schema validates params only after this hook; the database would
    // refuse a malformed id with an error instead of an answer.
    if (!UUID.test(networkId)) {
      throw new DomainError('network.not_found', 'Das Bildungsnetzwerk wurde nicht gefunden.', 'not_found');
    }
    const member = await networkActor(deps, req, networkId);
    if (typeof access === 'object' && !can(member.role, access.permission)) {
      throw new DomainError(
        'forbidden',
        'Dafür fehlt Ihnen in diesem Bildungsnetzwerk die Berechtigung.',
        'forbidden',
      );
    }
    req.networkActor = member;
  });
}

/** The member acting in the route's network, as resolved by the access hook. */
export function memberOf(req: FastifyRequest): NetworkActor {
  if (!req.networkActor) {
    // A programming error: the route declares no network access but its handler needs a member.
    throw new Error(`${req.method} ${req.routeOptions.url} needs access 'member' or a permission`);
  }
  return req.networkActor;
}
