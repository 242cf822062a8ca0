import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, NetworkParams } from '../../../contracts/common.js';
import {
  BodyInput,
  BodyParams,
  EditablePage,
  FeedbackInput,
  PageEditParams,
  PageInput,
  PageParams,
  PublicNetwork,
  PublicNetworkListItem,
  PublicPage,
  PublicProfile,
  PublicProfileInput,
  PublicSite,
  PublicSiteInput,
  SlugParams,
  TeamInput,
} from '../../../contracts/publicsite.js';
import { NetworkStructure } from '../../../contracts/structure.js';
import { memberOf } from '../../http/access.js';
import type { Deps } from '../../lib/context.js';
import { replaceTeam, updateBody } from '../structure/structure.service.js';
import * as svc from './publicsite.service.js';
import { getPublicSite, savePublicSite } from './site-editor.service.js';

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};
const open = ['Öffentlich'];
const edit = ['Öffentliche Seite'];

export const publicsiteRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/public/networks',
      {
        config: { access: 'public' },
        schema: {
          tags: open,
          summary: 'Bildungsnetzwerke dieser Installation',
          response: { 200: z.array(PublicNetworkListItem) },
        },
      },
      async (_req, reply) => {
        reply.header('cache-control', 'public, max-age=60');
        return svc.listPublicNetworks(deps);
      },
    );
    app.get(
      '/public/networks/:slug',
      {
        config: { access: 'public' },
        schema: {
          tags: open,
          summary: 'Öffentliche Seite eines Bildungsnetzwerks',
          params: SlugParams,
          response: { 200: PublicNetwork, ...errors },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'public, max-age=60');
        return svc.getPublicNetwork(deps, req.params.slug);
      },
    );
    app.get(
      '/public/networks/:slug/pages/:kind',
      {
        config: { access: 'public' },
        schema: {
          tags: open,
          summary: 'Impressum, Datenschutz, Barrierefreiheit',
          params: PageParams,
          response: { 200: PublicPage, ...errors },
        },
      },
      async (req, reply) => {
        reply.header('cache-control', 'public, max-age=60');
        return svc.getPublicPage(deps, req.params.slug, req.params.kind);
      },
    );
    app.post(
      '/public/networks/:slug/feedback',
      {
        config: { access: 'public', rateLimit: true },
        schema: {
          tags: open,
          summary: 'Rückmeldung an das Bildungsbüro',
          params: SlugParams,
          body: FeedbackInput,
          response: { 202: z.object({ received: z.literal(true) }), ...errors },
        },
      },
      async (req, reply) => {
        await svc.submitFeedback(deps, req.params.slug, req.body);
        return reply.code(202).send({ received: true as const });
      },
    );

    app.get(
      '/networks/:networkId/public-site',
      {
        config: { access: { permission: 'public.manage' } },
        schema: {
          tags: edit,
          summary: 'Netzwerkseite zum Bearbeiten',
          params: NetworkParams,
          response: { 200: PublicSite, ...errors },
        },
      },
      async (req) => getPublicSite(deps, memberOf(req)),
    );
    app.put(
      '/networks/:networkId/public-site',
      {
        config: { access: { permission: 'public.manage' } },
        schema: {
          tags: edit,
          summary: 'Netzwerkseite speichern und veröffentlichen',
          params: NetworkParams,
          body: PublicSiteInput,
          response: { 200: PublicSite, ...errors },
        },
      },
      async (req) => savePublicSite(deps, memberOf(req), req.body),
    );
    app.get(
      '/networks/:networkId/public-profile',
      {
        config: { access: { permission: 'public.manage' } },
        schema: { tags: edit, params: NetworkParams, response: { 200: PublicProfile, ...errors } },
      },
      async (req) => svc.getPublicProfile(deps, memberOf(req)),
    );
    app.put(
      '/networks/:networkId/public-profile',
      {
        config: { access: { permission: 'public.manage' } },
        schema: {
          tags: edit,
          params: NetworkParams,
          body: PublicProfileInput,
          response: { 200: PublicProfile, ...errors },
        },
      },
      async (req) => svc.updatePublicProfile(deps, memberOf(req), req.body),
    );
    app.get(
      '/networks/:networkId/public-pages/:kind',
      {
        config: { access: { permission: 'public.manage' } },
        schema: { tags: edit, params: PageEditParams, response: { 200: EditablePage, ...errors } },
      },
      async (req) => svc.getEditablePage(deps, memberOf(req), req.params.kind),
    );
    app.put(
      '/networks/:networkId/public-pages/:kind',
      {
        config: { access: { permission: 'public.manage' } },
        schema: {
          tags: edit,
          params: PageEditParams,
          body: PageInput,
          response: { 200: EditablePage, ...errors },
        },
      },
      async (req) => svc.savePage(deps, memberOf(req), req.params.kind, req.body.body),
    );
    app.put(
      '/networks/:networkId/structure/team',
      {
        config: { access: { permission: 'public.manage' } },
        schema: {
          tags: edit,
          summary: 'Team des Bildungsbüros ersetzen',
          params: NetworkParams,
          body: TeamInput,
          response: { 200: NetworkStructure, ...errors },
        },
      },
      async (req) => replaceTeam(deps, memberOf(req), req.body),
    );
    app.put(
      '/networks/:networkId/structure/bodies/:kind',
      {
        config: { access: { permission: 'public.manage' } },
        schema: {
          tags: edit,
          summary: 'Beschreibung eines Gremiums',
          params: BodyParams,
          body: BodyInput,
          response: { 200: NetworkStructure, ...errors },
        },
      },
      async (req) => updateBody(deps, memberOf(req), req.params.kind, req.body),
    );
  };
