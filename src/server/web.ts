// Serves the built web app (dist/web) with a single-page fallback; unknown /api paths get a JSON 404.
import fastifyStatic from '@fastify/static';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from './app.ts';
import { AppError } from '../platform/errors.ts';

export const WEB_DIST = fileURLToPath(new URL('../../dist/web', import.meta.url));

export async function registerWeb(app: App, opts: { serve: boolean }) {
  const index = join(WEB_DIST, 'index.html');
  const canServe = opts.serve && existsSync(index);
  if (canServe) {
    await app.register(fastifyStatic, {
      root: WEB_DIST, wildcard: false, index: false, preCompressed: true, // .br/.gz written by the build
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  const html = canServe ? readFileSync(index, 'utf8') : null;
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !html) throw new AppError('not_found');
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html);
  });
}
