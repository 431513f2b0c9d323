// HTTP routes of accounts: registration, verification, login/logout, password, own profile, language.
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { App } from '../../server/app.ts';
import { access } from '../../server/access.ts';
import { ok } from '../../server/route-kit.ts';
import type { Deps } from '../../platform/context.ts';
import { DEVICE_COOKIE, LANG_COOKIE, SESSION_COOKIE } from '../../server/cookies.ts';
import * as s from './schema.ts';
import * as cmd from './commands.ts';
import { getMe, listSessions } from './queries.ts';

const tags = ['accounts'];

export function accountsRoutes(app: App, deps: Deps) {
  const cookieOpts = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: deps.config.https };
  const setLangCookie = (reply: FastifyReply, lang: string) =>
    reply.setCookie(LANG_COOKIE, lang, { path: '/', sameSite: 'lax', secure: deps.config.https, httpOnly: false, maxAge: 365 * 86400 });

  app.route({
    method: 'GET', url: '/api/csrf', config: { access: access.public },
    schema: { tags, summary: 'CSRF token for state-changing requests (send it as x-csrf-token)', response: { 200: z.object({ token: z.string() }) } },
    handler: async (_req, reply) => ({ token: reply.generateCsrf() }),
  });

  app.route({
    method: 'POST', url: '/api/auth/register', config: { access: access.public },
    schema: { tags, body: s.registerBody, response: { 201: z.object({ needsVerification: z.boolean() }) } },
    handler: async (req, reply) => {
      const r = await cmd.register(req.ctx, req.body);
      setLangCookie(reply, req.body.lang);
      return reply.code(201).send(r);
    },
  });

  app.route({
    method: 'POST', url: '/api/auth/verify-email', config: { access: access.public },
    schema: { tags, body: s.tokenBody, response: { 200: s.okSchema } },
    handler: async (req) => { await cmd.verifyEmail(req.ctx, req.body.token); return ok; },
  });

  app.route({
    method: 'POST', url: '/api/auth/resend-verification', config: { access: access.public },
    schema: { tags, body: s.emailBody, response: { 200: s.okSchema } },
    handler: async (req) => { await cmd.resendVerification(req.ctx, req.body.email); return ok; },
  });

  app.route({
    method: 'POST', url: '/api/auth/login', config: { access: access.public },
    schema: { tags, body: s.loginBody, response: { 200: s.meSchema } },
    handler: async (req, reply) => {
      const session = await cmd.login(req.ctx, req.body, req.headers['user-agent'] ?? null, req.cookies[DEVICE_COOKIE]);
      reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOpts, expires: session.expiresAt });
      reply.setCookie(DEVICE_COOKIE, session.deviceToken, { ...cookieOpts, sameSite: 'strict', maxAge: 365 * 86400 });
      setLangCookie(reply, session.lang);
      return getMe(deps.db, session.userId);
    },
  });

  app.route({
    method: 'POST', url: '/api/auth/logout', config: { access: access.signedIn },
    schema: { tags, body: z.object({ everywhere: z.boolean().default(false) }).strict().optional(), response: { 200: s.okSchema } },
    handler: async (req, reply) => {
      await cmd.logout(req.ctx, req.body?.everywhere ?? false);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return ok;
    },
  });

  app.route({
    method: 'POST', url: '/api/auth/forgot-password', config: { access: access.public },
    schema: { tags, body: s.emailBody, response: { 200: s.okSchema } },
    handler: async (req) => { await cmd.requestPasswordReset(req.ctx, req.body.email); return ok; },
  });

  app.route({
    method: 'POST', url: '/api/auth/reset-password', config: { access: access.public },
    schema: { tags, body: s.resetBody, response: { 200: s.okSchema } },
    handler: async (req) => { await cmd.resetPassword(req.ctx, req.body.token, req.body.password); return ok; },
  });

  app.route({
    method: 'GET', url: '/api/me', config: { access: access.signedIn },
    schema: { tags, response: { 200: s.meSchema } },
    handler: async (req) => getMe(deps.db, req.actor!.userId),
  });

  // The web app asks who is signed in without turning "nobody" into an error.
  app.route({
    method: 'GET', url: '/api/session', config: { access: access.public },
    schema: { tags, summary: 'The signed-in person, or null', response: { 200: z.object({ user: s.meSchema.nullable() }) } },
    handler: async (req) => ({ user: req.actor ? await getMe(deps.db, req.actor.userId) : null }),
  });

  app.route({
    method: 'PATCH', url: '/api/me', config: { access: access.signedIn },
    schema: { tags, body: s.updateMeBody, response: { 200: s.meSchema } },
    handler: async (req, reply) => {
      await cmd.updateMe(req.ctx, req.body);
      if (req.body.lang) setLangCookie(reply, req.body.lang);
      return getMe(deps.db, req.actor!.userId);
    },
  });

  app.route({
    method: 'POST', url: '/api/me/password', config: { access: access.signedIn },
    schema: { tags, body: s.changePasswordBody, response: { 200: s.okSchema } },
    handler: async (req) => { await cmd.changePassword(req.ctx, req.body.currentPassword, req.body.newPassword); return ok; },
  });

  app.route({
    method: 'GET', url: '/api/me/sessions', config: { access: access.signedIn },
    schema: { tags, response: { 200: s.sessionListSchema } },
    handler: async (req) => listSessions(deps.db, req.actor!.userId, req.actor!.sessionId),
  });

  // Language choice for anonymous visitors (a cookie) and signed-in users (saved on the account).
  app.route({
    method: 'POST', url: '/api/lang', config: { access: access.public },
    schema: { tags, body: z.object({ lang: s.lang }).strict(), response: { 200: s.okSchema } },
    handler: async (req, reply) => {
      if (req.actor) await cmd.updateMe(req.ctx, { lang: req.body.lang });
      setLangCookie(reply, req.body.lang);
      return ok;
    },
  });
}
