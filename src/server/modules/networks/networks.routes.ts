import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, NetworkParams } from '../../../contracts/common.js';
import {
  Invitation,
  InvitationAccept,
  InvitationCreate,
  InvitationLink,
  InvitationParams,
  InvitationPreview,
  InvitationTokenParams,
  Me,
  Member,
  MemberParams,
  MemberRoleUpdate,
  NetworkCreate,
  NetworkDetail,
  NetworkUpdate,
  SetupInput,
  SetupStatus,
} from '../../../contracts/networks.js';
import { memberOf } from '../../http/access.js';
import { requireActor } from '../../http/auth-hooks.js';
import { DomainError } from '../../http/errors.js';
import { sessionOf } from '../../http/session.js';
import type { Deps } from '../../lib/context.js';
import * as svc from './networks.service.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['Bildungsnetzwerke'];

export const networksRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/setup',
      {
        config: { access: 'public' },
        schema: {
          tags: ['Einrichtung'],
          summary: 'Ist die Ersteinrichtung nötig?',
          response: { 200: SetupStatus },
        },
      },
      async () => ({ needed: await svc.setupNeeded(deps) }),
    );
    app.post(
      '/setup',
      {
        config: { access: 'public', rateLimit: true },
        schema: {
          tags: ['Einrichtung'],
          summary: 'Erste Administration und erstes Bildungsnetzwerk anlegen',
          body: SetupInput,
          response: { 201: z.object({ networkId: z.uuid() }), ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await svc.runSetup(deps, req.body)),
    );
    app.get(
      '/me',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['Konto'],
          summary: 'Angemeldete Person mit ihren Bildungsnetzwerken',
          response: { 200: Me, ...errors },
        },
      },
      async (req) => {
        const session = await sessionOf(deps, req);
        if (!session)
          throw new DomainError('auth.unauthenticated', 'Bitte melden Sie sich an.', 'unauthenticated');
        return svc.meOf(session);
      },
    );
    app.post(
      '/networks',
      {
        config: { access: 'operator' },
        schema: {
          tags,
          summary: 'Bildungsnetzwerk anlegen (Betrieb)',
          body: NetworkCreate,
          response: { 201: NetworkDetail, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await svc.createNetwork(deps, requireActor(req), req.body)),
    );
    app.get(
      '/networks/:networkId',
      {
        config: { access: 'member' },
        schema: { tags, params: NetworkParams, response: { 200: NetworkDetail, ...errors } },
      },
      async (req) => svc.getNetwork(deps, memberOf(req)),
    );
    app.put(
      '/networks/:networkId/last-opened',
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: 'Dieses Netzwerk als zuletzt geöffnetes merken (Ziel nach der Anmeldung)',
          params: NetworkParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await svc.markNetworkOpened(deps, memberOf(req));
        return reply.code(204).send(null);
      },
    );
    app.patch(
      '/networks/:networkId',
      {
        config: { access: { permission: 'network.manage' } },
        schema: {
          tags,
          params: NetworkParams,
          body: NetworkUpdate,
          response: { 200: NetworkDetail, ...errors },
        },
      },
      async (req) => svc.updateNetwork(deps, memberOf(req), req.body),
    );
    app.get(
      '/networks/:networkId/members',
      {
        config: { access: { permission: 'members.read' } },
        schema: { tags, params: NetworkParams, response: { 200: z.array(Member), ...errors } },
      },
      async (req) => svc.listMembers(deps, memberOf(req)),
    );
    app.patch(
      '/networks/:networkId/members/:userId',
      {
        config: { access: { permission: 'members.manage' } },
        schema: { tags, params: MemberParams, body: MemberRoleUpdate, response: { 200: Member, ...errors } },
      },
      async (req) => svc.changeMemberRole(deps, memberOf(req), req.params.userId, req.body.role),
    );
    app.delete(
      '/networks/:networkId/members/:userId',
      {
        config: { access: { permission: 'members.manage' } },
        schema: { tags, params: MemberParams, response: { 204: z.null(), ...errors } },
      },
      async (req, reply) => {
        await svc.removeMember(deps, memberOf(req), req.params.userId);
        return reply.code(204).send(null);
      },
    );
    app.get(
      '/networks/:networkId/invitations',
      {
        config: { access: { permission: 'members.manage' } },
        schema: { tags, params: NetworkParams, response: { 200: z.array(Invitation), ...errors } },
      },
      async (req) => svc.listInvitations(deps, memberOf(req)),
    );
    app.post(
      '/networks/:networkId/invitations',
      {
        config: { access: { permission: 'members.manage' } },
        schema: {
          tags,
          params: NetworkParams,
          body: InvitationCreate,
          response: { 201: Invitation, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await svc.inviteMember(deps, memberOf(req), req.body)),
    );
    app.delete(
      '/networks/:networkId/invitations/:invitationId',
      {
        config: { access: { permission: 'members.manage' } },
        schema: { tags, params: InvitationParams, response: { 204: z.null(), ...errors } },
      },
      async (req, reply) => {
        await svc.revokeInvitation(deps, memberOf(req), req.params.invitationId);
        return reply.code(204).send(null);
      },
    );
    app.post(
      '/networks/:networkId/invitations/:invitationId/link',
      {
        config: { access: { permission: 'members.manage' } },
        schema: {
          tags,
          summary:
            'Einladungslink anzeigen: neuer Link, einmal gezeigt; frühere Links der Einladung erlöschen',
          params: InvitationParams,
          response: { 201: InvitationLink, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .code(201)
          .header('cache-control', 'no-store')
          .send(await svc.showInvitationLink(deps, memberOf(req), req.params.invitationId)),
    );
    app.get(
      '/invitations/:token',
      {
        config: { access: 'public' },
        schema: {
          tags: ['Einladungen'],
          params: InvitationTokenParams,
          response: { 200: InvitationPreview, ...errors },
        },
      },
      async (req) => svc.previewInvitation(deps, req.params.token),
    );
    app.post(
      '/invitations/:token/accept',
      {
        config: { access: 'public', rateLimit: true },
        schema: {
          tags: ['Einladungen'],
          params: InvitationTokenParams,
          body: InvitationAccept,
          response: { 200: z.object({ networkId: z.uuid() }), ...errors },
        },
      },
      async (req) => svc.acceptInvitation(deps, req.params.token, req.actor, req.body),
    );
  };
