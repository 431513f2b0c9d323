// A person's own data: GET /api/me/data (everything about them, as JSON) and POST /api/me/delete.
import { z } from 'zod';
import type { App } from '../../server/app.ts';
import { access } from '../../server/access.ts';
import type { Deps } from '../../platform/context.ts';
import { SESSION_COOKIE } from '../../server/cookies.ts';
import { deleteAccount, exportPersonalData } from './personal-data.ts';
import { PRIVACY_VERSION, TERMS_VERSION } from '../../shared/legal.ts';

const row = z.record(z.string(), z.unknown());

export function personalDataRoutes(app: App, _deps: Deps) {
  const tags = ['account'];
  app.route({
    method: 'GET', url: '/api/legal', config: { access: access.public },
    schema: { tags, response: { 200: z.object({ termsVersion: z.string(), privacyVersion: z.string() }) } },
    handler: async () => ({ termsVersion: TERMS_VERSION, privacyVersion: PRIVACY_VERSION }),
  });
  app.route({
    method: 'GET', url: '/api/me/data', config: { access: access.signedIn },
    schema: { tags, summary: 'Everything the platform holds about the signed-in person (JSON download)',
      response: { 200: z.object({ exportedAt: z.string(), account: row, records: z.record(z.string(), z.array(row)) }) } },
    handler: async (req, reply) => {
      reply.header('content-disposition', 'attachment; filename="synergy-my-data.json"').header('cache-control', 'no-store');
      return exportPersonalData(req.ctx, req.actor!.userId);
    },
  });
  app.route({
    method: 'POST', url: '/api/me/delete', config: { access: access.signedIn },
    schema: { tags, summary: 'Delete the account: personal data erased, shared records kept showing "deleted user"',
      body: z.object({ password: z.string().min(1).max(200) }).strict(), response: { 200: z.object({ ok: z.literal(true) }) } },
    handler: async (req, reply) => {
      await deleteAccount(req.ctx, req.body.password);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });
}
