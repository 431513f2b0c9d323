// The signed-in person's inbox of in-app notices (written by every module through platform/notify.ts).
import type { App } from '../../server/app.ts';
import { access } from '../../server/access.ts';
import { idParams, ok, okSchema } from '../../server/route-kit.ts';
import type { Deps } from '../../platform/context.ts';
import * as s from './schema.ts';
import * as q from './queries.ts';

export function notificationsRoutes(app: App, deps: Deps) {
  app.route({
    method: 'GET', url: '/api/inbox', config: { access: access.signedIn },
    schema: { tags: ['inbox'], querystring: s.inboxQuery, response: { 200: s.inboxOut } }, handler: async (req) => q.inbox(deps.db, req.actor!.userId, req.query),
  });
  app.route({
    method: 'POST', url: '/api/inbox/:id/read', config: { access: access.signedIn },
    schema: { tags: ['inbox'], params: idParams, response: { 200: okSchema } }, handler: async (req) => { await q.markRead(deps.db, req.actor!.userId, req.params.id, deps.clock.now()); return ok; },
  });
  app.route({
    method: 'POST', url: '/api/inbox/read-all', config: { access: access.signedIn },
    schema: { tags: ['inbox'], response: { 200: okSchema } }, handler: async (req) => { await q.markRead(deps.db, req.actor!.userId, null, deps.clock.now()); return ok; },
  });
}
