// Routes of the first-administrator setup page and of `synergy create-user` beside a running server.
import { z } from 'zod';
import type { App } from '../../server/app.ts';
import { access } from '../../server/access.ts';
import type { Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { ROLES, type Role } from '../../shared/enums.ts';
import { country, email, lang, password, timezone } from './schema.ts';
import { createAccount, createFirstAdmin, isLoopback, readLocalSecret, secretMatches, setupStatus } from './first-admin.ts';

const token = z.string().min(10).max(100);
const setupBody = z.object({
  token, email, password, name: z.string().trim().min(1).max(200), organisationName: z.string().trim().max(300).default(''), country, lang, timezone,
}).strict();
const localCreateBody = z.object({
  email, roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length), name: z.string().trim().min(1).max(200).optional(),
  password: password.optional(), country, lang, timezone,
}).strict();

export function firstAdminRoutes(app: App, deps: Deps) {
  const tags = ['setup'];
  app.route({
    method: 'GET', url: '/api/setup', config: { access: access.public },
    schema: { tags, querystring: z.object({ token: token.optional() }).strict(),
      response: { 200: z.object({ needed: z.boolean(), token: z.enum(['ok', 'token_invalid', 'token_expired']).nullable() }) } },
    handler: async (req) => setupStatus(deps.db, req.query.token, deps.clock.now()),
  });
  app.route({
    method: 'POST', url: '/api/setup/admin', config: { access: access.public },
    schema: { tags, body: setupBody, response: { 201: z.object({ ok: z.literal(true), email: z.string() }) } },
    handler: async (req, reply) => {
      const r = await createFirstAdmin(req.ctx, req.body);
      return reply.code(201).send({ ok: true as const, email: r.email });
    },
  });
  // Only from this machine (the TCP peer, and no proxy in between) and with the data folder's secret.
  app.route({
    method: 'POST', url: '/api/local/create-user', config: { access: access.public, csrf: false },
    schema: { tags, body: localCreateBody,
      response: { 200: z.object({ created: z.boolean(), email: z.string(), roles: z.array(z.string()), password: z.string().nullable() }) } },
    handler: async (req) => {
      const local = isLoopback(req.socket.remoteAddress) && !req.headers['x-forwarded-for'] && !req.headers.forwarded;
      if (!local || !secretMatches(readLocalSecret(deps.config.dataDir), req.headers['x-synergy-local-secret'])) throw new AppError('forbidden');
      return deps.db.transaction(async (tx) => {
        const now = deps.clock.now();
        const r = await createAccount(tx, now, { ...req.body, roles: req.body.roles as Role[], mustChangePassword: true });
        await audit(tx, req.ctx, { entityType: 'user', entityId: r.id, action: r.created ? 'create_cli' : 'add_roles_cli', changes: { email: r.email, roles: r.roles } });
        return { created: r.created, email: r.email, roles: r.roles, password: r.generatedPassword };
      });
    },
  });
}
