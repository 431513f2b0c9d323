// Import and export in the organiser UI: upload + dry-run report + apply; downloads.
import { z } from 'zod';
import type { App } from '../../server/app.ts';
import { access } from '../../server/access.ts';
import { readUpload } from '../../server/route-kit.ts';
import type { Deps } from '../../platform/context.ts';
import { queryRows } from '../../db/client.ts';
import { sql } from 'drizzle-orm';
import { t } from '../../platform/i18n.ts';
import { plan } from '../profiles/search.ts';
import { searchQuery } from '../profiles/schema.ts';
import { fileResponse, MEDIA } from '../../server/file-response.ts';
import { importFileSchema } from '../../shared/import-format.ts';
import { importReport } from '../directory/schema.ts';
import { importSource, readSource } from './import.ts';
import { exportData, templateXlsx, toCsv, toXlsx } from './export.ts';

const XLSX = MEDIA.xlsx;

export function exchangeRoutes(app: App, deps: Deps) {
  const tags = ['import-export'];
  app.route({
    method: 'POST', url: '/api/directory/import', config: { access: access.organiser },
    schema: { tags, summary: 'Import JSON/CSV/XLSX (multipart "file"); dryRun=true only reports', querystring: z.object({ dryRun: z.enum(['true', 'false']).default('true') }).strict(),
      response: { 200: importReport } },
    handler: async (req) => {
      const file = await readUpload(req);
      const report = await importSource(req.ctx, await readSource(file.content, file.filename), { dryRun: req.query.dryRun === 'true' });
      // Each problem also carries a message in the reader's language.
      return { ...report, problems: report.problems.map((p) => ({ ...p, message: t(req.lang, `directory:import.problem.${p.code}`, { value: p.value ?? '' }) })) };
    },
  });
  app.route({
    method: 'GET', url: '/api/directory/export', config: { access: access.organiser },
    schema: { tags, summary: 'Export: JSON of everything, or CSV/XLSX of the profiles a search finds', querystring: searchQuery.extend({ format: z.enum(['json', 'csv', 'xlsx']).default('json') }),
      response: { 200: fileResponse('A download in the exchange format (docs/import-format.md)', [MEDIA.json, MEDIA.csv, XLSX], { [MEDIA.json]: importFileSchema }) } },
    handler: async (req, reply) => {
      const { format, ...q } = req.query;
      const filtered = Object.keys(req.query as object).some((k) => !['format', 'limit', 'facets'].includes(k));
      let profileIds: string[] | undefined;
      if (filtered) {
        const p = plan(q, req.actor);
        profileIds = (await queryRows<{ profile_id: string }>(deps.db, sql`SELECT s.profile_id FROM profile_search s WHERE ${p.where} ORDER BY s.sort_at DESC LIMIT 20000`)).map((r) => r.profile_id);
      }
      const data = await exportData(deps.db, { profileIds, now: deps.clock.now() });
      const stamp = deps.clock.now().toISOString().slice(0, 10);
      // Sent as text: the documented schema is the import format itself, whose transforms cannot serialise.
      if (format === 'json') return reply.header('content-type', 'application/json; charset=utf-8').header('content-disposition', `attachment; filename="synergy-${stamp}.json"`).send(JSON.stringify(data));
      if (format === 'csv') return reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="synergy-profiles-${stamp}.csv"`).send(toCsv(data, 'profiles'));
      return reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="synergy-${stamp}.xlsx"`).send(await toXlsx(data));
    },
  });
  app.route({
    method: 'GET', url: '/api/directory/import-template', config: { access: access.organiser },
    schema: { tags, response: { 200: fileResponse('The XLSX import template with trilingual headers', [XLSX]) } },
    handler: async (_req, reply) => reply.header('content-type', XLSX).header('content-disposition', 'attachment; filename="synergy-import-template.xlsx"').send(await templateXlsx()),
  });
}
