// The list of modules whose routes make up the API. Add a module here to expose it.
import type { App } from './app.ts';
import type { Deps } from '../platform/context.ts';
import { accountsRoutes } from '../modules/accounts/routes.ts';
import { adminRoutes } from '../modules/admin/routes.ts';
import { healthRoutes } from '../modules/health/routes.ts';
import { directoryRoutes } from '../modules/directory/routes.ts';
import { profilesRoutes } from '../modules/profiles/routes.ts';
import { interestsRoutes } from '../modules/interests/routes.ts';
import { eventsRoutes } from '../modules/events/routes.ts';
import { calendarRoutes } from '../modules/events/calendar-routes.ts';
import { schedulingRoutes } from '../modules/scheduling/routes.ts';
import { matchingRoutes } from '../modules/matching/routes.ts';
import { callsRoutes } from '../modules/calls/routes.ts';
import { reviewRoutes } from '../modules/review/routes.ts';

export async function registerModules(app: App, deps: Deps) {
  healthRoutes(app, deps);
  accountsRoutes(app, deps);
  adminRoutes(app, deps);
  directoryRoutes(app, deps);
  profilesRoutes(app, deps);
  interestsRoutes(app, deps);
  eventsRoutes(app, deps);
  calendarRoutes(app, deps);
  schedulingRoutes(app, deps);
  matchingRoutes(app, deps);
  callsRoutes(app, deps);
  reviewRoutes(app, deps);
}
