// Builds the Fastify application: security, sessions, access rules, errors, OpenAPI, modules, web.
import Fastify, { LogController, type FastifyInstance, type FastifyBaseLogger, type RawServerDefault } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import cors from '@fastify/cors';
import multipart from '@fastify/multipart';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomBytes } from 'node:crypto';
import type { Deps, Actor, RequestContext } from '../platform/context.ts';
import type { Lang } from '../shared/languages.ts';
import { isLang } from '../shared/languages.ts';
import { unsafeTextPath } from '../shared/ml-schema.ts';
import { langFromAcceptLanguage } from '../platform/i18n.ts';
import { AppError } from '../platform/errors.ts';
import { loadSession } from '../modules/accounts/sessions.ts';
import { CSRF_COOKIE, LANG_COOKIE, SESSION_COOKIE } from './cookies.ts';
import { checkAccess, type Access } from './access.ts';
import { errorHandler } from './http-errors.ts';
import { clientErrorHandler, frameworkErrorHandler } from './framework-errors.ts';
import { registerOpenApi } from './openapi.ts';
import { exactSerializerCompiler } from './serializer.ts';
import { registerWeb } from './web.ts';
import { registerModules } from './modules.ts';

export type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>;
export type RouteInfo = { method: string; url: string; access: Access; csrf: boolean };

declare module 'fastify' {
  interface FastifyRequest { actor: Actor | null; lang: Lang; ctx: RequestContext }
  interface FastifyInstance { routeRegistry: RouteInfo[]; deps: Deps }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** What a session may call before its printed password has been changed. */
const WHILE_PASSWORD_MUST_CHANGE = new Set(['GET /api/csrf', 'GET /api/me', 'GET /api/session', 'POST /api/me/password', 'POST /api/auth/logout', 'POST /api/lang']);

export async function buildApp(deps: Deps, opts: { serveWeb?: boolean } = {}): Promise<App> {
  const { config } = deps;
  const app = Fastify({
    loggerInstance: deps.log,
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    genReqId: (req) => (config.TRUST_PROXY && typeof req.headers['x-request-id'] === 'string' ? req.headers['x-request-id'].slice(0, 64) : randomBytes(8).toString('hex')),
    routerOptions: { ignoreTrailingSlash: true },
    clientErrorHandler, frameworkErrors: frameworkErrorHandler,
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;
  app.setValidatorCompiler(validatorCompiler);
  // Under test a field the response schema does not name fails the request instead of vanishing (serializer.ts).
  app.setSerializerCompiler(config.NODE_ENV === 'test' ? exactSerializerCompiler : serializerCompiler);
  app.decorate('deps', deps);
  app.decorate('routeRegistry', [] as RouteInfo[]);
  app.decorateRequest('actor', null);
  app.decorateRequest('lang', 'en');
  app.decorateRequest('ctx', null as never);

  // Every API route must say who may call it; a route without a rule is a programming error.
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (!url.startsWith('/api/')) return;
    route.config ??= {};
    if (url.startsWith('/api/docs')) route.config.access ??= { kind: 'public' };
    if (!route.config.access) throw new Error(`Route ${String(route.method)} ${url} declares no access rule`);
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      app.routeRegistry.push({ method, url, access: route.config.access, csrf: route.config.csrf !== false });
    }
  });

  await app.register(cookie);
  await app.register(csrf, {
    cookieKey: CSRF_COOKIE,
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: config.https, signed: false },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'], fontSrc: ["'self'", 'data:'], connectSrc: ["'self'"],
        frameAncestors: ["'none'"], objectSrc: ["'none'"], baseUri: ["'self'"], formAction: ["'self'"],
        upgradeInsecureRequests: config.https ? [] : null,
      },
    },
    hsts: config.https ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
  });
  if (config.corsOrigins.length) await app.register(cors, { origin: config.corsOrigins, credentials: true });
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 20 } });

  app.addHook('onRequest', async (req, reply) => {
    const cookieLang = req.cookies[LANG_COOKIE];
    req.lang = isLang(cookieLang) ? cookieLang : langFromAcceptLanguage(req.headers['accept-language']) ?? 'en';
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      req.actor = await loadSession(deps.db, token, deps.clock.now(), config.SESSION_IDLE_HOURS);
      if (req.actor) req.lang = req.actor.lang;
      else reply.clearCookie(SESSION_COOKIE, { path: '/' }); // expired or forged: forget it
    }
    req.ctx = { ...deps, actor: req.actor, ip: req.ip ?? null, requestId: req.id, lang: req.lang };
    reply.header('x-request-id', req.id);
    const rule = req.routeOptions.config?.access;
    if (!rule) return; // static files and the web app
    const decision = checkAccess(rule, req.actor);
    if (decision === 'unauthenticated') throw new AppError(token ? 'session_expired' : 'unauthenticated');
    if (decision === 'forbidden') throw new AppError('forbidden');
    if (req.actor?.mustChangePassword && !WHILE_PASSWORD_MUST_CHANGE.has(`${req.method} ${req.routeOptions.url}`)) throw new AppError('password_change_required');
    if (STATE_CHANGING.has(req.method) && req.routeOptions.config.csrf !== false) {
      await new Promise<void>((resolve, reject) => app.csrfProtection(req, reply, (err?: Error) => (err ? reject(err) : resolve())));
    }
  });

  // NUL characters and lone surrogates in any parameter, query value or JSON body string are refused here,
  // for every route at once (PostgreSQL cannot store them; they used to surface as 500s).
  app.addHook('preValidation', async (req) => {
    for (const [part, value] of [['params', req.params], ['query', req.query], ['body', req.body]] as const) {
      const at = unsafeTextPath(value);
      if (at !== null) throw new AppError('validation_failed', { fields: [{ path: part === 'body' ? at : `${part}.${at}`, code: 'invalid_text' }] });
    }
  });

  // One structured line per request.
  app.addHook('onResponse', async (req, reply) => {
    req.log.info({ userId: req.actor?.userId ?? null, method: req.method, route: req.routeOptions.url ?? req.url,
      status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });

  app.setErrorHandler(errorHandler);
  await registerOpenApi(app);
  await registerModules(app, deps);
  await registerWeb(app, { serve: opts.serveWeb ?? false });
  return app;
}
