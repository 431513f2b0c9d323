import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Database, Db } from '../db/client.ts';
import type { Lang } from '../shared/languages.ts';
import type { Role } from '../shared/enums.ts';
import type { Clock } from './clock.ts';
import type { Jobs } from './jobs.ts';

/** The signed-in person making a request. */
export type Actor = {
  userId: string; email: string; name: string; roles: Role[]; lang: Lang; timezone: string; sessionId: string;
  /** The account was made with a printed password: only the password change goes through until it is done. */
  mustChangePassword?: boolean;
};

/** Long-lived dependencies, passed explicitly (no container, no globals). */
export type Deps = { database: Database; db: Db; clock: Clock; config: Config; jobs: Jobs; log: Logger };

/** What a command needs to know about the request it serves. */
export type RequestContext = Deps & { actor: Actor | null; ip: string | null; requestId: string | null; lang: Lang };

export const hasRole = (actor: Actor | null, ...roles: Role[]) => !!actor && roles.some((r) => actor.roles.includes(r));

/** Organisers run the exchange; administrators may do everything an organiser may. The one definition of "staff". */
export const isOrganiser = (actor: Actor | null) => hasRole(actor, 'organiser', 'admin');

/** A context for work done outside a request (CLI, jobs, seeding). */
export function systemContext(deps: Deps, lang: Lang = 'en'): RequestContext {
  return { ...deps, actor: null, ip: null, requestId: null, lang };
}
