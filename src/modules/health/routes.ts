import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { App } from '../../server/app.ts';
import { access } from '../../server/access.ts';
import type { Deps } from '../../platform/context.ts';
import { migrationState } from '../../db/migrate.ts';
import { VERSION } from '../../version.ts';

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), reachable: z.boolean(), latencyMs: z.number().nullable() }),
  migrations: z.object({ applied: z.number(), total: z.number(), pending: z.array(z.string()), latest: z.string().nullable() }),
  jobs: z.object({ running: z.boolean() }),
});

export function healthRoutes(app: App, deps: Deps) {
  app.route({
    method: 'GET', url: '/api/health', config: { access: access.public },
    schema: { tags: ['health'], summary: 'Database reachability, migration state and version', response: { 200: healthSchema, 503: healthSchema } },
    handler: async (_req, reply) => {
      const t0 = performance.now();
      let reachable = true;
      try { await deps.db.execute(sql`SELECT 1`); } catch { reachable = false; }
      const latencyMs = reachable ? Math.round((performance.now() - t0) * 10) / 10 : null;
      const migrations = reachable ? await migrationState(deps.database) : { applied: 0, total: 0, pending: [], latest: null };
      const healthy = reachable && migrations.pending.length === 0;
      return reply.code(healthy ? 200 : 503).send({
        status: healthy ? 'ok' : 'degraded', version: VERSION,
        database: { kind: deps.database.kind, reachable, latencyMs }, migrations, jobs: { running: deps.jobs.running },
      });
    },
  });
}
