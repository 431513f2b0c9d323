// Organisations, members, contacts, logos, verification, the taxonomy and the country list.
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { App } from '../../server/app.ts';
import { access } from '../../server/access.ts';
import { idParams, ok, okSchema, readUpload } from '../../server/route-kit.ts';
import type { Deps } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { files, organisations } from '../../db/schema/index.ts';
import { fileResponse } from '../../server/file-response.ts';
import { UPLOAD_RULES } from '../../shared/uploads.ts';
import { countryList } from '../../shared/countries.ts';
import { canManageTaxonomy } from './policy.ts';
import * as s from './schema.ts';
import * as q from './queries.ts';
import * as cmd from './commands.ts';
import * as lifecycle from './lifecycle.ts';


export function directoryRoutes(app: App, deps: Deps) {
  const tags = ['directory'];
  app.route({
    method: 'GET', url: '/api/organisations', config: { access: access.public },
    schema: { tags, querystring: s.orgListQuery, response: { 200: s.orgList } }, handler: async (req) => q.listOrganisations(deps.db, req.query),
  });
  app.route({
    method: 'GET', url: '/api/organisations/mine', config: { access: access.signedIn },
    schema: { tags, response: { 200: z.array(s.myOrganisation) } }, handler: async (req) => q.myOrganisations(deps.db, req.actor!.userId),
  });
  app.route({
    method: 'POST', url: '/api/organisations', config: { access: access.signedIn },
    schema: { tags, body: s.orgBody, response: { 201: z.object({ id: z.string() }) } },
    handler: async (req, reply) => reply.code(201).send({ id: await cmd.createOrganisation(req.ctx, req.body) }),
  });
  app.route({
    method: 'GET', url: '/api/organisations/:id', config: { access: access.public },
    schema: { tags, params: idParams, response: { 200: s.orgDetail } }, handler: async (req) => q.getOrganisation(deps.db, req.actor, req.params.id),
  });
  app.route({
    method: 'PATCH', url: '/api/organisations/:id', config: { access: access.signedIn },
    schema: { tags, params: idParams, body: s.orgPatch, response: { 200: okSchema } },
    handler: async (req) => { await cmd.updateOrganisation(req.ctx, req.params.id, req.body); return ok; },
  });
  app.route({
    method: 'DELETE', url: '/api/organisations/:id', config: { access: access.signedIn },
    schema: { tags, summary: 'Delete an organisation created by mistake (owner or staff; refused with organisation_in_use while anything references it)',
      params: idParams, response: { 200: okSchema } },
    handler: async (req) => { await lifecycle.deleteOrganisation(req.ctx, req.params.id); return ok; },
  });
  app.route({
    method: 'PUT', url: '/api/organisations/:id/archived', config: { access: access.signedIn },
    schema: { tags, summary: 'Archive (hide from the directory, keep for the records that reference it) or restore an organisation',
      params: idParams, body: z.object({ archived: z.boolean() }).strict(), response: { 200: okSchema } },
    handler: async (req) => { await lifecycle.setArchived(req.ctx, req.params.id, req.body.archived); return ok; },
  });
  app.route({
    method: 'PUT', url: '/api/organisations/:id/verified', config: { access: access.organiser },
    schema: { tags, params: idParams, body: s.verifyBody, response: { 200: okSchema } },
    handler: async (req) => { await cmd.setVerified(req.ctx, req.params.id, req.body.verified); return ok; },
  });
  app.route({
    method: 'PUT', url: '/api/organisations/:id/contacts', config: { access: access.signedIn },
    schema: { tags, params: idParams, body: s.contactsBody, response: { 200: okSchema } },
    handler: async (req) => { await cmd.replaceContacts(req.ctx, req.params.id, req.body); return ok; },
  });
  app.route({
    method: 'POST', url: '/api/organisations/:id/members', config: { access: access.signedIn },
    schema: { tags, params: idParams, body: s.memberBody, response: { 200: okSchema } },
    handler: async (req) => { await cmd.addMember(req.ctx, req.params.id, req.body); return ok; },
  });
  app.route({
    method: 'DELETE', url: '/api/organisations/:id/members/:userId', config: { access: access.signedIn },
    schema: { tags, params: z.object({ id: z.string().uuid(), userId: z.string().uuid() }), response: { 200: okSchema } },
    handler: async (req) => { await cmd.removeMember(req.ctx, req.params.id, req.params.userId); return ok; },
  });
  app.route({
    method: 'POST', url: '/api/organisations/:id/logo', config: { access: access.signedIn },
    schema: { tags, params: idParams, response: { 200: okSchema } },
    handler: async (req) => { await cmd.uploadLogo(req.ctx, req.params.id, await readUpload(req)); return ok; },
  });
  app.route({
    method: 'GET', url: '/api/organisations/:id/logo', config: { access: access.public },
    schema: { tags, params: idParams, response: { 200: fileResponse('The logo image', UPLOAD_RULES.logo.mimes) } },
    handler: async (req, reply) => {
      const [row] = await deps.db.select({ mime: files.mime, content: files.content }).from(organisations)
        .innerJoin(files, eq(files.id, organisations.logoFileId)).where(eq(organisations.id, req.params.id));
      if (!row) throw notFound('logo');
      return reply.header('content-type', row.mime).header('cache-control', 'public, max-age=300').header('x-content-type-options', 'nosniff').send(Buffer.from(row.content));
    },
  });


  const ttags = ['taxonomy'];
  // Country names in the three languages (and the viewer's), so pickers and filters never show bare codes.
  const countryItem = z.object({ code: z.string(), name: z.string(), names: z.object({ ru: z.string(), zh: z.string(), en: z.string() }) });
  app.route({
    method: 'GET', url: '/api/countries', config: { access: access.public },
    schema: { tags: ttags, response: { 200: z.object({ countries: z.array(countryItem) }) } },
    handler: async (req, reply) => {
      reply.header('cache-control', 'public, max-age=86400').header('vary', 'accept-language, cookie');
      return { countries: countryList().map((c) => ({ code: c.code, name: c.names[req.lang], names: c.names })) };
    },
  });
  app.route({
    method: 'GET', url: '/api/taxonomy', config: { access: access.public },
    schema: { tags: ttags, response: { 200: z.array(s.taxonomyNode) } }, handler: async (req) => q.listTaxonomy(deps.db, canManageTaxonomy(req.actor)),
  });
  app.route({
    method: 'POST', url: '/api/taxonomy', config: { access: access.organiser },
    schema: { tags: ttags, body: s.taxonomyCreate, response: { 201: okSchema } },
    handler: async (req, reply) => { await cmd.createTaxonomyNode(req.ctx, req.body); return reply.code(201).send(ok); },
  });
  app.route({
    method: 'PATCH', url: '/api/taxonomy/:code', config: { access: access.organiser },
    schema: { tags: ttags, params: z.object({ code: z.string().max(80) }), body: s.taxonomyPatch, response: { 200: okSchema } },
    handler: async (req) => { await cmd.updateTaxonomyNode(req.ctx, req.params.code, req.body); return ok; },
  });
}
