// Matching in the product: recommended partners, feedback, the organisers' tools and the digest subscription.
import { z } from 'zod';
import type { App } from '../../server/app.ts';
import { access } from '../../server/access.ts';
import type { Deps } from '../../platform/context.ts';
import * as s from './schema.ts';
import * as q from './queries.ts';
import * as cmd from './commands.ts';
import { matchingIndex } from './index-service.ts';

const settingsResponse = z.object({ crossBorder: z.array(z.tuple([z.string(), z.string()])), sameCountry: z.boolean() });
const digestResponse = z.object({ optOut: z.boolean(), lastSentAt: z.string().nullable() });

export function matchingRoutes(app: App, deps: Deps) {
  const tags = ['matching'];
  // Build the index in the background once the server is up, so the first visitor does not wait for it.
  if (deps.config.NODE_ENV !== 'test') {
    app.addHook('onReady', async () => {
      void matchingIndex(deps.db).current().then(
        (index) => deps.log.info({ profiles: index.size }, 'matching index ready'),
        (err) => deps.log.warn({ err }, 'matching index warm-up failed'));
    });
  }
  app.route({
    method: 'GET', url: '/api/profiles/:id/recommendations', config: { access: access.signedIn },
    schema: { tags, params: s.idParams, querystring: s.recommendationsQuery, response: { 200: s.recommendationsResponse } },
    handler: async (req) => q.profileRecommendations(deps, req.actor, req.params.id, req.query.top, req.ctx.lang),
  });
  app.route({
    method: 'GET', url: '/api/organisations/:id/recommendations', config: { access: access.signedIn },
    schema: { tags, params: s.idParams, querystring: s.recommendationsQuery, response: { 200: s.recommendationsResponse } },
    handler: async (req) => q.organisationRecommendations(deps, req.actor, req.params.id, req.query.top, req.ctx.lang),
  });
  app.route({
    method: 'POST', url: '/api/matching/feedback', config: { access: access.signedIn },
    schema: { tags, body: s.feedbackBody, response: { 200: z.object({ recorded: z.boolean() }) } },
    handler: async (req) => cmd.giveFeedback(req.ctx, req.body),
  });
  app.route({
    method: 'GET', url: '/api/matching/supply-demand', config: { access: access.organiser },
    schema: { tags, response: { 200: s.supplyDemandOut } }, handler: async (req) => q.supplyDemand(deps.db, req.actor, deps.clock.now()),
  });
  app.route({
    method: 'GET', url: '/api/matching/top-pairs', config: { access: access.organiser },
    schema: { tags, querystring: s.topPairsQuery, response: { 200: s.topPairsOut } }, handler: async (req) => q.topPairs(deps, req.actor, req.query, req.ctx.lang),
  });
  app.route({
    method: 'POST', url: '/api/matching/introductions', config: { access: access.organiser },
    schema: { tags, body: s.introductionBody, response: { 201: z.object({ id: z.string() }) } },
    handler: async (req, reply) => reply.code(201).send({ id: await cmd.introduce(req.ctx, req.body) }),
  });
  app.route({
    method: 'GET', url: '/api/matching/settings', config: { access: access.organiser },
    schema: { tags, response: { 200: settingsResponse } }, handler: async () => q.loadSettings(deps.db),
  });
  app.route({
    method: 'PUT', url: '/api/matching/settings', config: { access: access.organiser },
    schema: { tags, body: s.settingsBody, response: { 200: settingsResponse } }, handler: async (req) => cmd.saveSettings(req.ctx, req.body),
  });
  app.route({
    method: 'GET', url: '/api/me/digest', config: { access: access.signedIn },
    schema: { tags, response: { 200: digestResponse } }, handler: async (req) => cmd.digestStatus(req.ctx),
  });
  app.route({
    method: 'PUT', url: '/api/me/digest', config: { access: access.signedIn },
    schema: { tags, body: s.digestBody, response: { 200: digestResponse } }, handler: async (req) => cmd.setDigest(req.ctx, req.body.optOut),
  });
}
