// Administration: users and roles, the mail outbox, the audit log, invitations.
import { z } from 'zod';
import type { App } from '../../server/app.ts';
import { access } from '../../server/access.ts';
import { idParams, ok, okSchema } from '../../server/route-kit.ts';
import type { Deps } from '../../platform/context.ts';
import { tokenBody } from '../accounts/schema.ts';
import * as s from './schema.ts';
import * as q from './queries.ts';
import * as cmd from './commands.ts';
import { canSeeAllInvitations } from './policy.ts';
import { PassThrough } from 'node:stream';
import { fileResponse } from '../../server/file-response.ts';
import { backupDatabase } from '../../platform/backup.ts';
import { audit } from '../../platform/audit.ts';
import { findInvitation } from '../accounts/commands.ts';


export function adminRoutes(app: App, deps: Deps) {
  const tags = ['admin'];
  app.route({
    method: 'GET', url: '/api/admin/users', config: { access: access.admin },
    schema: { tags, querystring: s.userListQuery, response: { 200: s.userList } },
    handler: async (req) => q.listUsers(deps.db, req.query),
  });
  app.route({
    method: 'PUT', url: '/api/admin/users/:id/roles', config: { access: access.admin },
    schema: { tags, params: idParams, body: s.setRolesBody, response: { 200: okSchema } },
    handler: async (req) => { await cmd.setRoles(req.ctx, req.params.id, req.body.roles); return ok; },
  });
  app.route({
    method: 'PUT', url: '/api/admin/users/:id/disabled', config: { access: access.admin },
    schema: { tags, params: idParams, body: s.setDisabledBody, response: { 200: okSchema } },
    handler: async (req) => { await cmd.setDisabled(req.ctx, req.params.id, req.body.disabled); return ok; },
  });
  app.route({
    method: 'GET', url: '/api/admin/outbox', config: { access: access.admin },
    schema: { tags, querystring: s.outboxQuery, response: { 200: s.outboxList } },
    handler: async (req) => q.listOutbox(deps.db, req.query),
  });
  app.route({
    method: 'GET', url: '/api/admin/audit', config: { access: access.admin },
    schema: { tags, querystring: s.auditQuery, response: { 200: s.auditList } },
    handler: async (req) => q.listAudit(deps.db, req.query),
  });

  const itags = ['invitations'];
  app.route({
    method: 'GET', url: '/api/invitations', config: { access: access.organiser },
    schema: { tags: itags, response: { 200: z.array(s.invitationOut) } },
    // Administrators see every invitation, organisers their own.
    handler: async (req) => q.listInvitations(deps.db, canSeeAllInvitations(req.actor) ? null : req.actor!.userId, deps.clock.now()),
  });
  app.route({
    method: 'POST', url: '/api/invitations', config: { access: access.organiser },
    schema: { tags: itags, body: s.createInvitationBody, response: { 201: s.createdInvitation } },
    handler: async (req, reply) => {
      const inv = await cmd.createInvitation(req.ctx, req.body);
      return reply.code(201).send({ ...q.presentInvitation({ ...inv, usedAt: null, usedBy: null, revokedAt: null }, deps.clock.now()), link: inv.link });
    },
  });
  app.route({
    method: 'DELETE', url: '/api/invitations/:id', config: { access: access.organiser },
    schema: { tags: itags, params: idParams, response: { 200: okSchema } },
    handler: async (req) => { await cmd.revokeInvitation(req.ctx, req.params.id); return ok; },
  });
  app.route({
    method: 'POST', url: '/api/invitations/lookup', config: { access: access.public },
    schema: { tags: itags, summary: 'What an invitation link offers (before registering or accepting)', body: tokenBody,
      response: { 200: z.object({ role: z.string(), email: z.string().nullable(), expiresAt: z.string() }) } },
    handler: async (req) => {
      const inv = await findInvitation(deps.db, req.body.token, deps.clock.now());
      return { role: inv.role, email: inv.email, expiresAt: inv.expiresAt.toISOString() };
    },
  });
  app.route({
    method: 'POST', url: '/api/invitations/accept', config: { access: access.signedIn },
    schema: { tags: itags, body: tokenBody, response: { 200: z.object({ role: z.string() }) } },
    handler: async (req) => cmd.acceptInvitation(req.ctx, req.body.token),
  });

  // A consistent backup of the running server (the CLI's `synergy backup` needs the embedded database's
  // folder to itself). Same format and filters as the CLI; each download is audited.
  app.route({
    method: 'GET', url: '/api/admin/backup', config: { access: access.admin },
    schema: { tags: ['admin'], summary: 'Download a full, consistent backup (gzip JSON lines; restore with `synergy restore <file>`)',
      response: { 200: fileResponse('The backup file', ['application/gzip']) } },
    handler: async (req, reply) => {
      await audit(deps.db, req.ctx, { entityType: 'database', action: 'backup_download' });
      const out = new PassThrough();
      backupDatabase(deps.database, out).catch((e) => { req.log.error({ err: e }, 'backup download failed'); out.destroy(e as Error); });
      const stamp = deps.clock.now().toISOString().slice(0, 19).replace(/[:T]/g, '-');
      return reply.header('content-type', 'application/gzip').header('content-disposition', `attachment; filename="synergy-backup-${stamp}.jsonl.gz"`)
        .header('cache-control', 'no-store').send(out);
    },
  });
}
