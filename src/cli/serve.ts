// `synergy serve` (npm start): configuration → database → migrations → base/demo data → web build → HTTP → jobs.
import { configOrExit, fail } from './shared.ts';
import { createDeps, createLogger } from '../server/runtime.ts';
import { buildApp } from '../server/app.ts';
import { ensureWebBuilt } from '../server/web-build.ts';
import { seedBase, seedDemo, disableDemoAccounts, DEMO_USERS, DEMO_PASSWORD } from '../demo/seed.ts';
import { CALL_DEMO_USERS } from '../demo/calls-demo.ts';
import { DataDirLockedError } from '../db/data-dir-lock.ts';
import { adminExists, ensureLocalSecret, issueSetupToken, SETUP_TTL_HOURS } from '../modules/accounts/first-admin.ts';

export async function serve(opts: { dev: boolean }) {
  const t0 = Date.now();
  const config = configOrExit();
  const log = createLogger(config, opts.dev ? { pretty: true } : {});
  if (config.WEB_BUILD === 'auto') {
    try { ensureWebBuilt(log); } catch (e) { fail((e as Error).message); }
  }
  let deps: Awaited<ReturnType<typeof createDeps>> | undefined;
  try { deps = await createDeps(config, { log }); } catch (e) {
    if (e instanceof DataDirLockedError) fail(e.message);
    throw e;
  }
  await seedBase(deps);
  if (config.DEMO_MODE) {
    const ran = await seedDemo(deps);
    if (ran.length) log.info({ steps: ran }, 'demo data loaded');
  } else {
    const n = await disableDemoAccounts(deps);
    if (n) log.warn({ accounts: n }, 'demo mode is off: demo accounts disabled');
  }
  // `synergy create-user` beside this server reaches it with this secret (the data folder is locked while we run).
  if (!config.DATABASE_URL) ensureLocalSecret(config.dataDir);
  const app = await buildApp(deps, { serveWeb: true });
  await app.listen({ port: config.PORT, host: config.HOST });
  const ms = Date.now() - t0;
  const db = config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  const lines = [
    '',
    `  Synergy is running at ${config.publicUrl}  (started in ${(ms / 1000).toFixed(1)} s${opts.dev ? ', dev' : ''})`,
    `  Database: ${db}`,
    `  API docs: ${config.publicUrl}/api/docs`,
  ];
  if (config.DEMO_MODE) {
    lines.push('', `  Demo mode — sign in with any of these accounts, password: ${DEMO_PASSWORD}`);
    for (const u of DEMO_USERS) lines.push(`    ${u.email.padEnd(30)} ${u.roles.join(', ')}`);
    for (const u of CALL_DEMO_USERS) lines.push(`    ${u.email.padEnd(30)} programme officer (${u.funder})`);
    lines.push('  (set DEMO_MODE=false in production: demo accounts are then disabled)');
  }
  if (!(await adminExists(deps.db))) {
    // No administrator yet (a production start): a one-time link to create one in the browser.
    const { token, expiresAt } = await issueSetupToken(deps);
    lines.push('', '  No administrator exists yet. Open this one-time link to create the first one',
      `  (valid ${SETUP_TTL_HOURS} h, until ${expiresAt.toISOString()}; a restart prints a new one):`,
      `    ${config.publicUrl}/setup?token=${token}`,
      '  or run: npx synergy create-user --email you@example.org --role admin');
  }
  process.stdout.write(lines.join('\n') + '\n\n');
  if (config.JOBS) deps.jobs.start().catch((err) => log.error({ err }, 'background jobs failed to start'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await app.close().catch(() => undefined);
    await deps.jobs.stop().catch(() => undefined);
    await deps.database.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
