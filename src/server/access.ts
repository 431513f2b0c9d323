// Route-level access rules. Every route must declare one (app.ts refuses routes without),
// and a test walks all routes proving anonymous and wrong-role callers are refused.
// Finer rules about particular records (owner of a profile, member of an organisation)
// live in each module's policy.ts as pure functions.
import type { Role } from '../shared/enums.ts';
import type { Actor } from '../platform/context.ts';

export type Access =
  | { kind: 'public' }
  | { kind: 'signedIn' }
  | { kind: 'roles'; roles: Role[] };

export const access = {
  public: { kind: 'public' } as Access,
  signedIn: { kind: 'signedIn' } as Access,
  roles: (...roles: Role[]): Access => ({ kind: 'roles', roles }),
  admin: { kind: 'roles', roles: ['admin'] } as Access,
  organiser: { kind: 'roles', roles: ['organiser', 'admin'] } as Access,
};

export type AccessDecision = 'ok' | 'unauthenticated' | 'forbidden';

export function checkAccess(rule: Access, actor: Actor | null): AccessDecision {
  if (rule.kind === 'public') return 'ok';
  if (!actor) return 'unauthenticated';
  if (rule.kind === 'signedIn') return 'ok';
  return rule.roles.some((r) => actor.roles.includes(r)) ? 'ok' : 'forbidden';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** State-changing routes check CSRF unless they opt out (token-authenticated feeds, for example). */
    csrf?: boolean;
  }
}
