// An application on a template test database, with a controllable clock and jobs run on demand.
import pino from 'pino';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../config.ts';
import { ManualClock } from '../platform/clock.ts';
import { createInlineJobs } from '../platform/jobs.ts';
import type { Deps } from '../platform/context.ts';
import { buildApp, type App } from '../server/app.ts';
import { registerJobs } from '../server/jobs-registry.ts';
import { createTestDatabase } from './test-db.ts';
import { outboxFor } from '../platform/mail.ts';
import { seedBase, seedDemo } from '../demo/seed.ts';

export type TestApp = {
  app: App; deps: Deps; clock: ManualClock; jobs: ReturnType<typeof createInlineJobs>;
  client(opts?: { lang?: string; ip?: string }): Client;
  close(): Promise<void>;
};

/** `demo: true` loads the whole demo exchange; `demo: 'base'` only its organisations, users and the 2021 event. */
export async function createTestApp(o: { env?: Record<string, string>; demo?: boolean | 'base'; start?: string } = {}): Promise<TestApp> {
  // Tests move the clock by days with long-lived clients: no idle timeout unless a test asks for one.
  const config: Config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS: 'false', PUBLIC_URL: 'http://synergy.test', SESSION_IDLE_HOURS: String(24 * 365), ...o.env });
  const database = await createTestDatabase();
  const clock = new ManualClock(o.start ?? '2026-03-02T08:00:00Z');
  const jobs = createInlineJobs();
  const deps: Deps = { database, db: database.db, clock, config, jobs, log: pino({ level: 'silent' }) };
  registerJobs(deps);
  await seedBase(deps);
  if (o.demo) await seedDemo(deps, { extras: o.demo !== 'base' });
  const app = await buildApp(deps);
  await app.ready();
  return {
    app, deps, clock, jobs,
    client: (c = {}) => new Client(app, c.lang, c.ip),
    async close() { await app.close(); await database.close(); },
  };
}

type Req = { headers?: Record<string, string>; query?: Record<string, string>; csrf?: boolean };

/** A browser-like client: keeps cookies, fetches and sends the CSRF token, speaks a language. */
export class Client {
  cookies = new Map<string, string>();
  csrfToken: string | null = null;
  constructor(private app: App, public lang?: string, private ip = '127.0.0.1') {}

  private cookieHeader() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '); }

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      // Expiry dates follow the test clock, so only explicit clearing removes a cookie here.
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() <= 0)) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async request(method: string, url: string, body?: unknown, r: Req = {}): Promise<LightMyRequestResponse> {
    const stateChanging = !['GET', 'HEAD', 'OPTIONS'].includes(method);
    if (stateChanging && r.csrf !== false && !this.csrfToken) await this.refreshCsrf();
    const headers: Record<string, string> = { ...(this.lang ? { 'accept-language': this.lang } : {}), ...r.headers };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (stateChanging && r.csrf !== false && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const res = await this.app.inject({
      method: method as 'GET', url, query: r.query, headers, remoteAddress: this.ip,
      ...(body === undefined ? {} : typeof body === 'string' || Buffer.isBuffer(body) ? { payload: body } : { payload: body as object }),
    });
    this.remember(res);
    return res;
  }

  async refreshCsrf() {
    const res = await this.request('GET', '/api/csrf');
    this.csrfToken = res.json().token;
  }

  get = (url: string, r?: Req) => this.request('GET', url, undefined, r);
  post = (url: string, body?: unknown, r?: Req) => this.request('POST', url, body ?? {}, r);
  put = (url: string, body?: unknown, r?: Req) => this.request('PUT', url, body ?? {}, r);
  patch = (url: string, body?: unknown, r?: Req) => this.request('PATCH', url, body ?? {}, r);
  delete = (url: string, r?: Req) => this.request('DELETE', url, undefined, r);

  async login(email: string, password: string) {
    const res = await this.post('/api/auth/login', { email, password });
    if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
    return res.json();
  }
}

/** Registers, verifies through the outbox and logs in a new user; returns the client. */
export async function signUp(t: TestApp, o: { email: string; name?: string; country?: string; lang?: 'ru' | 'zh' | 'en'; timezone?: string; password?: string }) {
  const c = t.client({ lang: o.lang });
  const password = o.password ?? 'correct horse battery';
  const res = await c.post('/api/auth/register', {
    email: o.email, password, name: o.name ?? o.email.split('@')[0], organisationName: 'Test Org', country: o.country ?? 'BY',
    lang: o.lang ?? 'en', timezone: o.timezone ?? 'Europe/Minsk', acceptTerms: true, acceptPrivacy: true,
  });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.body}`);
  const token = await lastMailToken(t, o.email, 'verify-email');
  await c.post('/api/auth/verify-email', { token });
  await c.login(o.email, password);
  return c;
}

/** The token in the newest mail to `email` whose link contains `path`. */
export async function lastMailToken(t: TestApp, email: string, path: string): Promise<string> {
  const mails = await outboxFor(t.deps.db, email);
  for (const m of mails.reverse()) {
    const match = new RegExp(`/${path}\\?token=([A-Za-z0-9_-]+)`).exec(m.text);
    if (match) return match[1];
  }
  throw new Error(`no mail with /${path} to ${email}`);
}

export const DEMO = {
  password: 'synergy-2021',
  admin: 'admin@synergy.demo', organiser: 'organiser@synergy.demo', organiserCn: 'organiser.cn@synergy.demo',
  participant: 'participant@synergy.demo', participantCn: 'participant.cn@synergy.demo', expert: 'expert@synergy.demo',
};

/** Logged-in clients for every demo role plus an anonymous one. */
export async function roleClients(t: TestApp) {
  const make = async (email: string | null) => {
    const c = t.client();
    if (email) await c.login(email, DEMO.password);
    return c;
  };
  return {
    anonymous: await make(null), admin: await make(DEMO.admin), organiser: await make(DEMO.organiser),
    participant: await make(DEMO.participant), participantCn: await make(DEMO.participantCn), expert: await make(DEMO.expert),
  };
}
