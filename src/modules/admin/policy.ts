// Who may do what in administration. Pure functions of the actor; tested for every role.
import type { Actor } from '../../platform/context.ts';
import type { Role } from '../../shared/enums.ts';

const has = (a: Actor | null, r: Role) => !!a && a.roles.includes(r);

export const canManageUsers = (a: Actor | null) => has(a, 'admin');
export const canReadAudit = (a: Actor | null) => has(a, 'admin');
export const canReadOutbox = (a: Actor | null) => has(a, 'admin');

/** Organisers invite participants and experts; administrators may invite any role. */
export function canInvite(a: Actor | null, role: Role): boolean {
  if (has(a, 'admin')) return true;
  return has(a, 'organiser') && (role === 'participant' || role === 'expert');
}

/** Administrators see and revoke every invitation; organisers the ones they sent. */
export const canSeeAllInvitations = (a: Actor | null) => has(a, 'admin');
export const canRevokeInvitation = (a: Actor | null, inv: { createdBy: string | null }) => has(a, 'admin') || (!!a && inv.createdBy === a.userId);

/** Nobody removes their own admin role (an installation must keep at least one administrator reachable). */
export function canSetRoles(a: Actor | null, targetUserId: string, roles: Role[]): boolean {
  if (!canManageUsers(a)) return false;
  if (a!.userId === targetUserId && !roles.includes('admin')) return false;
  return true;
}
