// The list of modules whose routes make up the API. Add a module here to expose it.
import type { App } from './app.ts';
import type { Deps } from '../platform/context.ts';
import { accountsRoutes } from '../modules/accounts/routes.ts';
import { firstAdminRoutes } from '../modules/accounts/first-admin-routes.ts';
import { personalDataRoutes } from '../modules/accounts/personal-data-routes.ts';
import { adminRoutes } from '../modules/admin/routes.ts';
import { healthRoutes } from '../modules/health/routes.ts';
import { directoryRoutes } from '../modules/directory/routes.ts';
import { profilesRoutes } from '../modules/profiles/routes.ts';
import { exchangeRoutes } from '../modules/exchange/routes.ts';
import { onOrganisationChanged } from '../modules/directory/commands.ts';
import { reindexOrganisationProfiles } from '../modules/profiles/search-index.ts';
import { interestsRoutes } from '../modules/interests/routes.ts';
import { notificationsRoutes } from '../modules/notifications/routes.ts';
import { eventsRoutes } from '../modules/events/routes.ts';
import { calendarRoutes } from '../modules/events/calendar-routes.ts';
import { schedulingRoutes } from '../modules/scheduling/routes.ts';
import { matchingRoutes } from '../modules/matching/routes.ts';
import { callsRoutes } from '../modules/calls/routes.ts';
import { translateRoutes } from '../modules/translate/routes.ts';
import { reviewRoutes } from '../modules/review/routes.ts';

// Profiles copy their organisation's country and type into the search documents (a Set: registering twice is harmless).
onOrganisationChanged(reindexOrganisationProfiles);

export async function registerModules(app: App, deps: Deps) {
  healthRoutes(app, deps);
  accountsRoutes(app, deps);
  firstAdminRoutes(app, deps);
  personalDataRoutes(app, deps);
  adminRoutes(app, deps);
  directoryRoutes(app, deps);
  profilesRoutes(app, deps);
  exchangeRoutes(app, deps);
  interestsRoutes(app, deps);
  notificationsRoutes(app, deps);
  eventsRoutes(app, deps);
  calendarRoutes(app, deps);
  schedulingRoutes(app, deps);
  matchingRoutes(app, deps);
  callsRoutes(app, deps);
  translateRoutes(app, deps);
  reviewRoutes(app, deps);
}
