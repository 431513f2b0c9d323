// HTTP routes of funders, programmes, officers and calls. Applications are in application-routes.ts.
import { z } from 'zod';
import type { App } from '../../server/app.ts';
import { access } from '../../server/access.ts';
import { fileResponse } from '../../server/file-response.ts';
import type { Deps } from '../../platform/context.ts';
import { UPLOAD_RULES } from '../../shared/uploads.ts';
import { readUpload } from '../../server/route-kit.ts';
import * as s from './schema.ts';
import * as funders from './funders.ts';
import * as calls from './calls.ts';
import { applicationRoutes } from './application-routes.ts';

const ok = { ok: true as const };

export function callsRoutes(app: App, deps: Deps) {
  const tags = ['calls'];
  app.route({
    method: 'GET', url: '/api/funders', config: { access: access.signedIn },
    schema: { tags, response: { 200: z.array(s.funderOut) } }, handler: async () => funders.listFunders(deps.db),
  });
  app.route({
    method: 'POST', url: '/api/funders', config: { access: access.organiser },
    schema: { tags, body: s.funderBody, response: { 201: s.idOut } },
    handler: async (req, reply) => reply.code(201).send(await funders.createFunder(req.ctx, req.body)),
  });
  app.route({
    method: 'PUT', url: '/api/funders/:id/budgets', config: { access: access.organiser },
    schema: { tags, params: s.idParams, body: s.budgetBody, response: { 200: s.okSchema } },
    handler: async (req) => { await funders.setBudget(req.ctx, req.params.id, req.body); return ok; },
  });
  app.route({
    method: 'GET', url: '/api/funders/:id/officers', config: { access: access.organiser },
    schema: { tags, params: s.idParams, response: { 200: z.array(s.officerOut) } }, handler: async (req) => funders.listOfficers(deps.db, req.params.id),
  });
  app.route({
    method: 'POST', url: '/api/funders/:id/officers', config: { access: access.organiser },
    schema: { tags, summary: 'Name a programme officer of a funder (all its calls, or one call)', params: s.idParams, body: s.officerBody, response: { 201: s.idOut } },
    handler: async (req, reply) => reply.code(201).send(await funders.appointOfficer(req.ctx, req.params.id, req.body)),
  });
  app.route({
    method: 'DELETE', url: '/api/funders/:id/officers/:officerId', config: { access: access.organiser },
    schema: { tags, params: z.object({ id: z.string().uuid(), officerId: z.string().uuid() }).strict(), response: { 200: s.okSchema } },
    handler: async (req) => { await funders.removeOfficer(req.ctx, req.params.id, req.params.officerId); return ok; },
  });
  app.route({
    method: 'GET', url: '/api/programmes', config: { access: access.public },
    schema: { tags, response: { 200: z.array(s.programmeOut) } }, handler: async () => funders.listProgrammes(deps.db),
  });
  app.route({
    method: 'POST', url: '/api/programmes', config: { access: access.organiser },
    schema: { tags, body: s.programmeBody, response: { 201: s.idOut } },
    handler: async (req, reply) => reply.code(201).send(await funders.createProgramme(req.ctx, req.body)),
  });

  app.route({
    method: 'GET', url: '/api/calls', config: { access: access.public },
    schema: { tags, summary: 'Calls: open (closing soonest first), upcoming, closed', querystring: s.callListQuery, response: { 200: z.array(s.callSummaryOut) } },
    handler: async (req) => calls.listCalls(deps.db, req.actor, req.query, deps.clock.now()),
  });
  app.route({
    method: 'POST', url: '/api/calls', config: { access: access.organiser },
    schema: { tags, summary: 'Create a call (times are wall-clock times in the call\'s zone)', body: s.callBody, response: { 201: s.idOut } },
    handler: async (req, reply) => reply.code(201).send(await calls.createCall(req.ctx, req.body)),
  });
  app.route({
    method: 'GET', url: '/api/calls/:idOrSlug', config: { access: access.public },
    schema: { tags, params: z.object({ idOrSlug: z.string().min(3).max(90) }).strict(), response: { 200: s.callOut } },
    handler: async (req) => calls.getCall(req.ctx, req.params.idOrSlug),
  });
  app.route({
    method: 'PUT', url: '/api/calls/:id', config: { access: access.signedIn },
    schema: { tags, summary: 'Change a call (organisers, or officers of its funders)', params: s.idParams, body: s.callBody, response: { 200: s.okSchema } },
    handler: async (req) => { await calls.updateCall(req.ctx, req.params.id, req.body); return ok; },
  });
  app.route({
    method: 'POST', url: '/api/calls/:id/documents', config: { access: access.signedIn },
    schema: { tags, summary: 'Add a call document (multipart field "file": PDF or image)', params: s.idParams, response: { 201: s.idOut } },
    handler: async (req, reply) => reply.code(201).send(await calls.addCallDocument(req.ctx, req.params.id, await readUpload(req), {})),
  });
  app.route({
    method: 'GET', url: '/api/calls/:id/documents/:docId', config: { access: access.public },
    schema: { tags, params: z.object({ id: z.string().uuid(), docId: z.string().uuid() }).strict(), response: { 200: fileResponse('A call document', UPLOAD_RULES.attachment.mimes) } },
    handler: async (req, reply) => {
      const f = await calls.callDocumentContent(req.ctx, req.params.id, req.params.docId);
      return reply.header('content-type', f.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
        .header('x-content-type-options', 'nosniff').send(Buffer.from(f.content));
    },
  });
  applicationRoutes(app, deps);
}
