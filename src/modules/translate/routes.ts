// POST /api/translate: a user-written text (profile description, message…) in the viewer's language,
// marked as machine-translated. Signed-in people only, rate-limited per person; nothing is stored.
import { z } from 'zod';
import type { App } from '../../server/app.ts';
import { access } from '../../server/access.ts';
import type { Deps } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import * as rate from '../../platform/rate-limit.ts';
import { LANGS } from '../../shared/languages.ts';
import { translateText } from './service.ts';

const HOUR = 3600_000;

export function translateRoutes(app: App, deps: Deps) {
  app.route({
    method: 'GET', url: '/api/translate', config: { access: access.public },
    schema: { tags: ['translate'], summary: 'Whether machine translation is configured', response: { 200: z.object({ available: z.boolean() }) } },
    handler: async () => ({ available: !!deps.config.TRANSLATE_URL }),
  });
  app.route({
    method: 'POST', url: '/api/translate', config: { access: access.signedIn },
    schema: {
      tags: ['translate'], summary: "Machine translation of a user-written text into the viewer's language (or `target`)",
      body: z.object({ text: z.string().trim().min(1).max(5000), target: z.enum(LANGS).optional() }).strict(),
      response: { 200: z.object({ text: z.string(), source: z.string().nullable(), target: z.enum(LANGS), machineTranslated: z.literal(true) }) },
    },
    handler: async (req) => {
      if (!deps.config.TRANSLATE_URL) throw new AppError('translation_unavailable');
      const limit = await rate.hit(deps.db, `translate:${req.actor!.userId}`, deps.config.TRANSLATE_MAX_PER_HOUR, HOUR, deps.clock.now());
      if (!limit.allowed) throw new AppError('rate_limited', { params: { seconds: limit.retryAfterSeconds } });
      return translateText(deps.config, req.body.text, req.body.target ?? req.lang);
    },
  });
}
