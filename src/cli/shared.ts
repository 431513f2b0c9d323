// Helpers shared by CLI commands: configuration errors and database access print clear messages.
import { loadConfig, ConfigError, type Config } from '../config.ts';
import type { Database } from '../db/client.ts';

// Database, server and module code is imported when a command needs it, so that `synergy --help`,
// `synergy match` and `synergy schedule` (pure engines) start without loading the whole server.

export function fail(message: string, code = 1): never {
  process.stderr.write(`synergy: ${message}\n`);
  process.exit(code);
}

export function configOrExit(): Config {
  try { return loadConfig(); } catch (e) {
    if (e instanceof ConfigError) fail(e.message, 2);
    throw e;
  }
}

/** Opens the configured database (migrated, with its base data, unless told otherwise), runs fn, closes. */
export async function withDatabase<T>(fn: (db: Database, config: Config) => Promise<T>, opts: { migrate?: boolean } = {}): Promise<T> {
  const config = configOrExit();
  const [{ DataDirLockedError }, { openDatabase }, { migrate }] = await Promise.all([
    import('../db/data-dir-lock.ts'), import('../server/runtime.ts'), import('../db/migrate.ts')]);
  let database: Database;
  try { database = await openDatabase(config); } catch (e) {
    if (e instanceof DataDirLockedError) fail(e.message);
    throw e;
  }
  try {
    if (opts.migrate !== false) {
      await migrate(database);
      // The reference taxonomy belongs to a prepared database, like the schema (imports check areas against it).
      const [{ seedBase }, { systemClock }] = await Promise.all([import('../demo/seed.ts'), import('../platform/clock.ts')]);
      await seedBase({ db: database.db, clock: systemClock });
    }
    return await fn(database, config);
  } finally {
    await database.close();
  }
}
