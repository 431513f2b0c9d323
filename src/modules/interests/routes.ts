// Expressions of interest and their conversations.
import { z } from 'zod';
import type { App } from '../../server/app.ts';
import { access } from '../../server/access.ts';
import { idParams, ok, okSchema } from '../../server/route-kit.ts';
import type { Deps } from '../../platform/context.ts';
import * as s from './schema.ts';
import * as q from './queries.ts';
import * as cmd from './commands.ts';

export function interestsRoutes(app: App, deps: Deps) {
  const tags = ['interests'];
  app.route({
    method: 'POST', url: '/api/profiles/:id/interests', config: { access: access.signedIn },
    schema: { tags, params: idParams, body: s.sendBody, response: { 201: z.object({ id: z.string() }) } },
    handler: async (req, reply) => reply.code(201).send({ id: await cmd.sendInterest(req.ctx, req.params.id, req.body) }),
  });
  app.route({
    method: 'GET', url: '/api/interests', config: { access: access.signedIn },
    schema: { tags, querystring: s.listQuery, response: { 200: z.array(s.interestSummary) } }, handler: async (req) => q.listInterests(deps.db, req.actor!, req.query.box),
  });
  app.route({
    method: 'GET', url: '/api/interests/:id', config: { access: access.signedIn },
    schema: { tags, params: idParams, response: { 200: s.interestDetail } }, handler: async (req) => q.getInterest(deps.db, req.actor!, req.params.id, req.ctx),
  });
  app.route({
    method: 'POST', url: '/api/interests/:id/accept', config: { access: access.signedIn },
    schema: { tags, params: idParams, body: s.respondBody, response: { 200: okSchema } }, handler: async (req) => { await cmd.respond(req.ctx, req.params.id, true, req.body.note); return ok; },
  });
  app.route({
    method: 'POST', url: '/api/interests/:id/decline', config: { access: access.signedIn },
    schema: { tags, params: idParams, body: s.respondBody, response: { 200: okSchema } }, handler: async (req) => { await cmd.respond(req.ctx, req.params.id, false, req.body.note); return ok; },
  });
  app.route({
    method: 'POST', url: '/api/interests/:id/withdraw', config: { access: access.signedIn },
    schema: { tags, params: idParams, response: { 200: okSchema } }, handler: async (req) => { await cmd.withdraw(req.ctx, req.params.id); return ok; },
  });
  app.route({
    method: 'POST', url: '/api/interests/:id/messages', config: { access: access.signedIn },
    // The key may come as the body's `clientKey` or as the standard `Idempotency-Key` header (what the web app sends).
    schema: { tags, params: idParams, body: s.messageBody, headers: s.idempotencyHeaders,
      response: { 201: z.object({ id: z.string() }), 200: z.object({ id: z.string() }).describe('A retry: the message posted earlier with this key') } },
    handler: async (req, reply) => {
      const r = await cmd.postMessage(req.ctx, req.params.id, req.body.body, req.body.clientKey ?? req.headers['idempotency-key']);
      return reply.code(r.created ? 201 : 200).send({ id: r.id });
    },
  });
}
