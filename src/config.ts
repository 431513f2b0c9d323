// Configuration from environment variables, validated once at start.
// A bad value stops the process with a message naming the variable and what is expected.
import { z } from 'zod';
import { resolve } from 'node:path';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres://user:password@host:port/database URL').optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PGLITE_SYNC: z.enum(['full', 'unsafe-nosync']).default('full'),
  DEMO_MODE: bool.default(true),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 365).default(24 * 14),
  SESSION_IDLE_HOURS: z.coerce.number().min(0.05).max(24 * 365).default(12),
  TRUST_PROXY: bool.default(false),
  CORS_ORIGINS: z.string().default(''),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'an smtp://user:pass@host:port or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).default('Synergy <no-reply@synergy.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOGIN_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_PER_IP: z.coerce.number().int().min(1).default(30),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  LOGIN_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).default(900),
  VIDEO_BASE_URL: z.string().url().default('https://meet.jit.si'),
  JOBS: bool.default(true),
  WEB_BUILD: z.enum(['auto', 'never']).default('auto'),
  TRANSLATE_URL: z.string().url().optional(),
  TRANSLATE_API_KEY: z.string().min(1).max(200).optional(),
  TRANSLATE_MAX_PER_HOUR: z.coerce.number().int().min(1).default(120),
});

export type Config = z.infer<typeof configSchema> & { dataDir: string; publicUrl: string; https: boolean; corsOrigins: string[] };

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const input: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const v = env[key];
    if (v !== undefined && v !== '') input[key] = v;
  }
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => {
      const key = String(i.path[0] ?? '?');
      return `${key}=${JSON.stringify(input[key] ?? '')}: ${describeIssue(i)}`;
    }));
  }
  const c = parsed.data;
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '');
  return {
    ...c,
    dataDir: resolve(c.DATA_DIR),
    publicUrl,
    https: publicUrl.startsWith('https://'),
    corsOrigins: c.CORS_ORIGINS.split(',').map((s) => s.trim()).filter(Boolean),
  };
}

function describeIssue(i: z.core.$ZodIssue): string {
  if (i.code === 'invalid_value') return `expected one of ${i.values.map(String).join(', ')}`;
  if (i.code === 'invalid_format' && i.format === 'regex') return `expected ${i.message}`;
  if (i.code === 'invalid_format') return `expected a valid ${i.format}`;
  if (i.code === 'too_small') return `expected a value ≥ ${String(i.minimum)}`;
  if (i.code === 'too_big') return `expected a value ≤ ${String(i.maximum)}`;
  if (i.code === 'invalid_type') return `expected ${i.expected}`;
  return i.message;
}

/** Documentation of every variable; README's table is generated from the same list (scripts/config-table.mjs). */
export const CONFIG_DOCS: Record<keyof z.infer<typeof configSchema>, { example: string; doc: string }> = {
  NODE_ENV: { example: 'production', doc: 'development, production or test' },
  PORT: { example: '8080', doc: 'HTTP port' },
  HOST: { example: '127.0.0.1', doc: 'Interface to listen on' },
  PUBLIC_URL: { example: 'https://synergy.example.org', doc: 'Address users reach (links in mail, Secure cookies and HSTS when https). Default http://localhost:PORT' },
  DATA_DIR: { example: '/var/lib/synergy', doc: 'Folder of the embedded database (PGlite), used when DATABASE_URL is not set' },
  DATABASE_URL: { example: 'postgres://synergy:secret@db:5432/synergy', doc: 'Real PostgreSQL 15+ instead of the embedded database; needed for several server processes' },
  DATABASE_POOL_SIZE: { example: '20', doc: 'Connections per process (PostgreSQL only)' },
  PGLITE_SYNC: { example: 'unsafe-nosync', doc: 'Embedded database only. full: each commit is on disk before it is acknowledged (WAL written O_SYNC, data files flushed after each checkpoint). unsafe-nosync: faster writes, but a power loss or OS crash can lose acknowledged data or corrupt the folder' },
  DEMO_MODE: { example: 'false', doc: 'Load the 2021 demo exchange on first start and create demo accounts with printed passwords' },
  SESSION_TTL_HOURS: { example: '72', doc: 'Absolute session lifetime in hours (from sign-in; not extended by use)' },
  SESSION_IDLE_HOURS: { example: '2', doc: 'A session unused for this many hours ends (idle timeout)' },
  TRUST_PROXY: { example: 'true', doc: 'Trust X-Forwarded-* headers from a reverse proxy (client IP, https). Leave false without a proxy: otherwise any client can pick the IP the login throttle counts' },
  CORS_ORIGINS: { example: 'https://partner.example.org', doc: 'Comma-separated origins allowed to call the API from browsers; empty = CORS closed' },
  SMTP_URL: { example: 'smtp://user:pass@smtp.example.org:587', doc: 'Mail server; without it mail stays in the outbox (admin UI) and the log' },
  MAIL_FROM: { example: 'Synergy <noreply@example.org>', doc: 'Sender of outgoing mail' },
  LOG_LEVEL: { example: 'debug', doc: 'pino log level' },
  LOGIN_MAX_PER_ACCOUNT: { example: '3', doc: 'Failed logins per account before each further attempt must wait (1 s, doubling per failure); successes never count, and a browser that signed in to the account before is not delayed' },
  LOGIN_MAX_PER_IP: { example: '100', doc: 'Failed logins from one IP address before its attempts are delayed the same way (successes never count, so a venue behind one NAT is not locked out)' },
  LOGIN_WINDOW_MINUTES: { example: '30', doc: 'Failures are forgotten after this many minutes without a new one' },
  LOGIN_MAX_DELAY_SECONDS: { example: '300', doc: 'Longest wait between login attempts imposed by the throttle' },
  VIDEO_BASE_URL: { example: 'https://meet.example.org', doc: 'Jitsi Meet (self-hostable) base URL for online meeting rooms' },
  JOBS: { example: 'false', doc: 'Run background jobs (mail delivery, expiry, reminders) in this process' },
  WEB_BUILD: { example: 'never', doc: 'auto: build the web app at start when missing or stale; never: serve what is in dist/web' },
  TRANSLATE_URL: { example: 'http://127.0.0.1:5000', doc: 'Self-hosted LibreTranslate-compatible service for the "translate" action on user-written texts; off when not set (no foreign cloud service is ever called)' },
  TRANSLATE_API_KEY: { example: 'secret', doc: 'API key of that service, if it requires one' },
  TRANSLATE_MAX_PER_HOUR: { example: '60', doc: 'Machine translations per person per hour' },
};
