import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NetworkParams } from '../../../contracts/common.js';
import {
  CalendarLink,
  CalendarLinkStatus,
  Procedure,
  ReplyRecordInput,
  ReplyRecordParams,
  VoteRecordInput,
  VoteRecordParams,
} from '../../../contracts/steering.js';
import { memberOf } from '../../http/access.js';
import type { Deps } from '../../lib/context.js';
import { errors, tags } from './steering.http.js';
import { calendarLinkStatus, recordReply, recordVote, rotateCalendarLink } from './steering.links.js';

/**
 * Personal links act for their owner only. What the office may do instead: record an answer that came
 * by phone or on paper, under its own name. And the member's own calendar link, replaced on request.
 */
export const steeringLinkRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const n = '/networks/:networkId';
    app.put(
      `${n}/procedures/:procedureId/votes/:memberId`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'Antwort im Umlaufverfahren eintragen, die telefonisch oder auf Papier einging',
          params: VoteRecordParams,
          body: VoteRecordInput,
          response: { 200: Procedure, ...errors },
        },
      },
      async (req) => recordVote(deps, memberOf(req), req.params.procedureId, req.params.memberId, req.body),
    );
    app.put(
      `${n}/meetings/:meetingId/recipients/:recipientId/reply`,
      {
        config: { access: { permission: 'steering.manage' } },
        schema: {
          tags,
          summary: 'Rückmeldung zu einer Einladung eintragen, die telefonisch oder auf Papier einging',
          params: ReplyRecordParams,
          body: ReplyRecordInput,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await recordReply(deps, memberOf(req), req.params.meetingId, req.params.recipientId, req.body);
        return reply.code(204).send(null);
      },
    );
    app.get(
      `${n}/my-calendar-link`,
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: 'Eigenes Kalender-Abo im Lenkungskreis: besteht ein Link?',
          params: NetworkParams,
          response: { 200: CalendarLinkStatus, ...errors },
        },
      },
      async (req) => calendarLinkStatus(deps, memberOf(req)),
    );
    app.post(
      `${n}/my-calendar-link`,
      {
        config: { access: 'member' },
        schema: {
          tags,
          summary: 'Kalender-Abo-Link neu erzeugen (frühere Links gelten sofort nicht mehr)',
          params: NetworkParams,
          response: { 201: CalendarLink, ...errors },
        },
      },
      async (req, reply) => reply.code(201).send(await rotateCalendarLink(deps, memberOf(req))),
    );
  };
