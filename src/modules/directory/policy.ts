// Who may do what with organisations, their members, contacts and the taxonomy. Pure functions.
import type { Actor } from '../../platform/context.ts';

export type Membership = 'owner' | 'member' | null;
export type ContactVisibility = 'public' | 'registered' | 'after_eoi';

const isStaff = (a: Actor | null) => !!a && (a.roles.includes('organiser') || a.roles.includes('admin'));

/** Organisers and administrators act on every organisation. */
export const canModerateDirectory = isStaff;
export const canManageTaxonomy = isStaff;
export const canVerifyOrganisation = isStaff;

/** Any signed-in person may register an organisation and becomes its owner. */
export const canCreateOrganisation = (a: Actor | null) => !!a;

/** Owners edit their organisation; members do not change its card. */
export const canEditOrganisation = (a: Actor | null, m: Membership) => isStaff(a) || (!!a && m === 'owner');
export const canManageMembers = canEditOrganisation;
/** Deleting (when nothing references it) or archiving an organisation: its owners and staff. */
export const canDeleteOrganisation = canEditOrganisation;

/**
 * Whether a contact is shown. `revealed` means an expression of interest between the viewer's
 * organisation and this one has been accepted (either direction).
 */
export function canSeeContact(a: Actor | null, visibility: ContactVisibility, rel: { membership: Membership; revealed: boolean }): boolean {
  if (visibility === 'public') return true;
  if (!a) return false;
  if (visibility === 'registered') return true;
  return isStaff(a) || rel.membership !== null || rel.revealed;
}

/** Member lists (names of people) are for signed-in users only. */
export const canSeeMembers = (a: Actor | null) => !!a;
