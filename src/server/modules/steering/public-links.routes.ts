import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ReplyInfo, ReplyInput, ReplyToken, VoteInfo, VoteInput } from '../../../contracts/steering.js';
import type { Deps } from '../../lib/context.js';
import { errors } from './steering.http.js';
import { calendarFeed, replyInfo, submitReply } from './steering.invitations.js';
import { castVote, voteInfo } from './steering.procedures.js';

/**
 * What a personal link opens without signing in: the reply to an invitation, the vote in a
 * procedure and the calendar feed.
 */
export const publicLinkRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/meeting-replies/:token',
      {
        config: { access: 'public' },
        schema: {
          tags: ['Öffentlich'],
          summary: 'Persönliche Einladung',
          params: ReplyToken,
          response: { 200: ReplyInfo, ...errors },
        },
      },
      async (req) => replyInfo(deps, req.params.token),
    );
    app.post(
      '/meeting-replies/:token',
      {
        config: { access: 'public', rateLimit: true },
        schema: {
          tags: ['Öffentlich'],
          summary: 'Auf eine Einladung antworten',
          params: ReplyToken,
          body: ReplyInput,
          response: { 200: ReplyInfo, ...errors },
        },
      },
      async (req) => submitReply(deps, req.params.token, req.body.reply),
    );
    app.get(
      '/calendar/:token',
      {
        config: { access: 'public' },
        schema: {
          tags: ['Öffentlich'],
          summary: 'Persönliches Kalenderabo (iCalendar)',
          params: z.object({ token: z.string().min(20).max(120) }),
          response: errors,
        },
      },
      async (req, reply) => {
        const ics = await calendarFeed(deps, req.params.token.replace(/\.ics$/, ''));
        return reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('cache-control', 'private, max-age=300')
          .send(ics as never);
      },
    );
    app.get(
      '/procedure-votes/:token',
      {
        config: { access: 'public' },
        schema: {
          tags: ['Öffentlich'],
          summary: 'Persönlicher Link zum Umlaufverfahren',
          params: ReplyToken,
          response: { 200: VoteInfo, ...errors },
        },
      },
      async (req) => voteInfo(deps, req.params.token),
    );
    app.post(
      '/procedure-votes/:token',
      {
        config: { access: 'public', rateLimit: true },
        schema: {
          tags: ['Öffentlich'],
          summary: 'Im Umlaufverfahren antworten',
          params: ReplyToken,
          body: VoteInput,
          response: { 200: VoteInfo, ...errors },
        },
      },
      async (req) => castVote(deps, req.params.token, req.body),
    );
  };
