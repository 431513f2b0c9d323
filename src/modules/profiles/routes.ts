// Cooperation profiles: CRUD, lifecycle, attachments, moderation, search.
import { z } from 'zod';
import type { App } from '../../server/app.ts';
import { access } from '../../server/access.ts';
import { idParams, ok, okSchema, readUpload } from '../../server/route-kit.ts';
import type { Deps } from '../../platform/context.ts';
import { fileResponse } from '../../server/file-response.ts';
import { UPLOAD_RULES } from '../../shared/uploads.ts';
import { myOrganisationIds } from '../directory/queries.ts';
import * as s from './schema.ts';
import * as q from './queries.ts';
import * as cmd from './commands.ts';
import { searchProfiles } from './search.ts';


export function profilesRoutes(app: App, deps: Deps) {
  const tags = ['profiles'];
  app.route({
    method: 'GET', url: '/api/profiles/search', config: { access: access.public },
    schema: { tags, summary: 'Marketplace search (Russian, Chinese, English)', querystring: s.searchQuery, response: { 200: s.profileSearchResult } },
    handler: async (req) => searchProfiles(deps.db, req.query, req.actor, { lang: req.lang, myOrgIds: await myOrganisationIds(deps.db, req.actor?.userId) }),
  });
  app.route({
    method: 'GET', url: '/api/organisations/:id/profiles', config: { access: access.public },
    schema: { tags: ['directory'], summary: "The organisation's profiles (published, not anonymous ones unless the caller is a member or an organiser)", params: idParams,
      response: { 200: z.array(s.profileRecord) } },
    handler: async (req) => q.organisationProfiles(deps.db, req.actor, req.params.id),
  });
  app.route({
    method: 'GET', url: '/api/profiles/mine', config: { access: access.signedIn },
    schema: { tags, response: { 200: z.array(s.ownProfile) } }, handler: async (req) => q.myProfiles(deps.db, req.actor!.userId),
  });
  app.route({
    method: 'POST', url: '/api/profiles', config: { access: access.signedIn },
    schema: { tags, body: s.createProfileBody, response: { 201: z.object({ id: z.string() }) } },
    handler: async (req, reply) => reply.code(201).send({ id: await cmd.createProfile(req.ctx, req.body) }),
  });
  app.route({
    method: 'GET', url: '/api/profiles/:id', config: { access: access.public },
    schema: { tags, params: idParams, response: { 200: s.profileDetail } }, handler: async (req) => q.getProfile(deps.db, req.actor, req.params.id),
  });
  app.route({
    method: 'PATCH', url: '/api/profiles/:id', config: { access: access.signedIn },
    schema: { tags, params: idParams, body: s.patchProfileBody, response: { 200: z.object({ reviewPending: z.boolean() }) } },
    handler: async (req) => cmd.updateProfile(req.ctx, req.params.id, req.body),
  });
  app.route({
    method: 'GET', url: '/api/profiles/:id/history', config: { access: access.signedIn },
    schema: { tags, params: idParams, response: { 200: z.array(s.profileHistoryEntry) } }, handler: async (req) => q.profileHistoryOf(deps.db, req.actor, req.params.id),
  });
  for (const action of ['submit', 'extend', 'archive'] as const) {
    app.route({
      method: 'POST', url: `/api/profiles/:id/${action}`, config: { access: access.signedIn },
      schema: { tags, params: idParams, response: { 200: s.profileStatusResult } },
      handler: async (req) => cmd.transition(req.ctx, req.params.id, action),
    });
  }
  app.route({
    method: 'POST', url: '/api/profiles/:id/attachments', config: { access: access.signedIn },
    schema: { tags, summary: 'Attach a file (multipart field "file": PDF, PNG, JPEG or WebP)', params: idParams, response: { 201: s.attachmentInfo } },
    handler: async (req, reply) => reply.code(201).send(await cmd.addAttachment(req.ctx, req.params.id, await readUpload(req))),
  });
  app.route({
    method: 'GET', url: '/api/profiles/:id/attachments/:attachmentId', config: { access: access.public },
    schema: { tags, params: z.object({ id: z.string().uuid(), attachmentId: z.string().uuid() }),
      response: { 200: fileResponse('The attached file (a download)', UPLOAD_RULES.attachment.mimes) } },
    handler: async (req, reply) => {
      const f = await q.attachmentContent(deps.db, req.actor, req.params.id, req.params.attachmentId);
      return reply.header('content-type', f.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
        .header('x-content-type-options', 'nosniff').send(Buffer.from(f.content));
    },
  });
  app.route({
    method: 'DELETE', url: '/api/profiles/:id/attachments/:attachmentId', config: { access: access.signedIn },
    schema: { tags, params: z.object({ id: z.string().uuid(), attachmentId: z.string().uuid() }), response: { 200: okSchema } },
    handler: async (req) => { await cmd.removeAttachment(req.ctx, req.params.id, req.params.attachmentId); return ok; },
  });

  // Moderation (organisers)
  const mtags = ['moderation'];
  app.route({
    method: 'GET', url: '/api/moderation/profiles', config: { access: access.organiser },
    schema: { tags: mtags, querystring: s.moderationQuery, response: { 200: z.array(s.moderationQueueItem) } }, handler: async (req) => q.moderationQueue(deps.db, req.actor, req.query, deps.clock.now()),
  });
  app.route({
    method: 'POST', url: '/api/moderation/profiles/:id/approve', config: { access: access.organiser },
    schema: { tags: mtags, params: idParams, body: s.commentBody, response: { 200: s.profileStatusResult } }, handler: async (req) => cmd.transition(req.ctx, req.params.id, 'approve', req.body),
  });
  app.route({
    method: 'POST', url: '/api/moderation/profiles/:id/return', config: { access: access.organiser },
    schema: { tags: mtags, params: idParams, body: s.commentBody.extend({ comment: z.string().trim().min(1).max(2000) }),
      response: { 200: s.profileStatusResult } },
    handler: async (req) => cmd.transition(req.ctx, req.params.id, 'return', req.body),
  });
  for (const action of ['reject', 'hold'] as const) {
    app.route({
      method: 'POST', url: `/api/moderation/profiles/:id/${action}`, config: { access: access.organiser },
      schema: { tags: mtags, params: idParams, body: s.reasonBody, response: { 200: s.profileStatusResult } }, handler: async (req) => cmd.transition(req.ctx, req.params.id, action, req.body),
    });
  }
  app.route({
    method: 'POST', url: '/api/moderation/profiles/:id/resume', config: { access: access.organiser },
    schema: { tags: mtags, params: idParams, response: { 200: s.profileStatusResult } }, handler: async (req) => cmd.transition(req.ctx, req.params.id, 'resume'),
  });
  app.route({
    method: 'POST', url: '/api/moderation/profiles/bulk', config: { access: access.organiser },
    schema: { tags: mtags, body: s.bulkModerationBody, response: { 200: s.bulkModerationResult } }, handler: async (req) => ({ results: await cmd.bulkModerate(req.ctx, req.body.ids, req.body.action, req.body.comment) }),
  });
  app.route({
    method: 'GET', url: '/api/moderation/rereview-fields', config: { access: access.organiser },
    schema: { tags: mtags, response: { 200: s.rereviewFieldsOut } }, handler: async () => ({ fields: await cmd.rereviewFields(deps.db) }),
  });
  app.route({
    method: 'PUT', url: '/api/moderation/rereview-fields', config: { access: access.organiser },
    schema: { tags: mtags, body: s.rereviewBody, response: { 200: okSchema } }, handler: async (req) => { await cmd.setRereviewFields(req.ctx, req.body.fields); return ok; },
  });
}
