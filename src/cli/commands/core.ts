// Core commands: serve, migrate, seed-demo, create-user, backup, restore, check-config.
import type { Command } from 'commander';
import { CONFIG_DOCS, loadConfig, ConfigError } from '../../config.ts';
import { ROLES, type Role } from '../../shared/enums.ts';
import { isLang } from '../../shared/languages.ts';
import { isValidTimeZone } from '../../shared/time.ts';
import { isCountryCode } from '../../shared/countries.ts';
import { configOrExit, fail, withDatabase } from '../shared.ts';
import { createUserThroughServer, dataDirInUse } from '../local-server.ts';

// Heavy modules (server, database, demo data) are imported inside the actions: see ../shared.ts.

export function registerCoreCommands(program: Command) {
  program.command('serve').description('start the platform (web + API); what `npm start` runs')
    .option('--dev', 'development mode: pretty logs').action(async (o: { dev?: boolean }) => (await import('../serve.ts')).serve({ dev: !!o.dev }));

  program.command('migrate').description('apply pending database migrations').action(async () => {
    const { migrationState } = await import('../../db/migrate.ts');
    await withDatabase(async (database) => {
      const s = await migrationState(database);
      console.log(`migrations: ${s.applied}/${s.total} applied, latest ${s.latest ?? '-'}`);
    });
  });

  program.command('seed-demo').description('load the demo exchange (Synergy of Innovations – 2021) once; safe to repeat').action(async () => {
    const [{ createDeps, createLogger }, { seedBase, seedDemo }] = await Promise.all([import('../../server/runtime.ts'), import('../../demo/seed.ts')]);
    await withDatabase(async (database, config) => {
      const deps = await createDeps({ ...config, JOBS: false }, { database, log: createLogger({ ...config, LOG_LEVEL: 'warn' }) });
      const ran = [...(await seedBase(deps)), ...(await seedDemo(deps))];
      console.log(ran.length ? `loaded: ${ran.join(', ')}` : 'demo data already present; nothing to do');
    });
  });

  program.command('create-user').description('create an account (or add roles to an existing one)')
    .requiredOption('--email <email>', 'email address (login)')
    .option('--role <role...>', `roles: ${ROLES.join(', ')}`, ['participant'])
    .option('--name <name>', 'display name')
    .option('--password <password>', 'password (≥ 10 characters); generated and printed when omitted; changed at first sign-in either way')
    .option('--country <code>', 'ISO country code', 'BY')
    .option('--lang <lang>', 'ru, zh or en', 'en')
    .option('--timezone <tz>', 'IANA time zone', 'Europe/Minsk')
    .action(async (o: { email: string; role: string[]; name?: string; password?: string; country: string; lang: string; timezone: string }) => {
      const roles = o.role.map((r) => (r === 'administrator' ? 'admin' : r));
      const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (bad.length) fail(`unknown role ${bad.join(', ')}; expected ${ROLES.join(', ')}`, 2);
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(o.email)) fail('--email is not an email address', 2);
      if (!isLang(o.lang)) fail('--lang must be ru, zh or en', 2);
      if (!isValidTimeZone(o.timezone)) fail('--timezone is not an IANA time zone', 2);
      if (!isCountryCode(o.country)) fail('--country must be an ISO 3166-1 alpha-2 code such as BY or CN', 2);
      if (o.password && o.password.length < 10) fail('--password must have at least 10 characters', 2);
      const account = { email: o.email.trim().toLowerCase(), roles: roles as Role[], name: o.name, password: o.password, country: o.country, lang: o.lang, timezone: o.timezone };
      const report = (r: { created: boolean; email: string; roles: string[]; password: string | null }) => console.log(r.created
        ? `created ${r.email} with roles ${r.roles.join(', ')}${r.password ? `; password: ${r.password}` : ''}\n  the password must be changed at first sign-in`
        : `updated ${r.email}: roles ${r.roles.join(', ')}`);
      const config = configOrExit();
      // The embedded database is locked by a running server: ask that server (loopback + the secret in its data folder).
      if (!config.DATABASE_URL && (await dataDirInUse(config.dataDir))) {
        report(await createUserThroughServer(config, account));
        return;
      }
      const { createAccount } = await import('../../modules/accounts/first-admin.ts');
      await withDatabase(async (database) => {
        const r = await database.db.transaction((tx) => createAccount(tx, new Date(), { ...account, mustChangePassword: true }));
        report({ created: r.created, email: r.email, roles: r.roles, password: r.generatedPassword });
      });
    });

  program.command('backup <file>').description('write a full, consistent copy of the database (gzip JSON) to <file>')
    .action(async (file: string) => {
      const { backupDatabase } = await import('../../platform/backup.ts');
      await withDatabase(async (database) => {
        const counts = await backupDatabase(database, file);
        const rows = Object.values(counts).reduce((a, b) => a + b, 0);
        console.log(`backup written to ${file}: ${Object.keys(counts).length} tables, ${rows} rows`);
      });
    });

  program.command('restore <file>').description('restore a backup into the configured database (PGlite or PostgreSQL)')
    .option('--force', 'replace the data of a non-empty database').action(async (file: string, o: { force?: boolean }) => {
      const { restoreDatabase, RestoreError } = await import('../../platform/backup.ts');
      await withDatabase(async (database) => {
        try {
          const counts = await restoreDatabase(database, file, { force: o.force });
          console.log(`restored ${Object.values(counts).reduce((a, b) => a + b, 0)} rows into ${Object.keys(counts).length} tables`);
        } catch (e) {
          if (e instanceof RestoreError) fail(e.message);
          throw e;
        }
      }, { migrate: false });
    });

  program.command('check-config').description('validate the environment configuration and print it').action(() => {
    try {
      const c = loadConfig();
      for (const key of Object.keys(CONFIG_DOCS) as (keyof typeof CONFIG_DOCS)[]) {
        const v = (c as Record<string, unknown>)[key];
        const shown = typeof v === 'string' && /URL/.test(key) ? v.replace(/\/\/([^:@/]+):([^@/]+)@/, '//$1:***@') : v;
        console.log(`${key.padEnd(24)} ${shown === undefined ? '(not set)' : String(shown)}`);
      }
      console.log('configuration is valid');
    } catch (e) {
      if (e instanceof ConfigError) fail(e.message, 2);
      throw e;
    }
  });
}
