// Who may do what with organisations, their members, contacts and the taxonomy. Pure functions.
import { isOrganiser, type Actor } from '../../platform/context.ts';

export type Membership = 'owner' | 'member' | null;
export type ContactVisibility = 'public' | 'registered' | 'after_eoi';


/** Organisers and administrators act on every organisation. */
export const canModerateDirectory = isOrganiser;
export const canManageTaxonomy = isOrganiser;
export const canVerifyOrganisation = isOrganiser;

/** Any signed-in person may register an organisation and becomes its owner. */
export const canCreateOrganisation = (a: Actor | null) => !!a;

/** Owners edit their organisation; members do not change its card. */
export const canEditOrganisation = (a: Actor | null, m: Membership) => isOrganiser(a) || (!!a && m === 'owner');
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
  return isOrganiser(a) || rel.membership !== null || rel.revealed;
}

/** Member lists (names of people) are for signed-in users only. */
export const canSeeMembers = (a: Actor | null) => !!a;
