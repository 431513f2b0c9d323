// Matching: who may see which recommendations and use the organisers' tools. Pure functions.
import { isOrganiser, type Actor } from '../../platform/context.ts';
import type { Membership } from '../directory/policy.ts';


/** Recommendations for a profile or an organisation: its members and organisers. */
export const canViewRecommendations = (a: Actor | null, m: Membership) => !!a && (isOrganiser(a) || m !== null);
/** "Not relevant" / "already in contact" is the organisation's own judgement: only its members record it. */
export const canGiveFeedback = (a: Actor | null, m: Membership) => !!a && m !== null;
/** Supply–demand, top pairs, introductions and pairing rules. */
export const canUseMatchingTools = isOrganiser;
/** Any signed-in person manages their own digest subscription. */
export const canManageDigest = (a: Actor | null) => !!a;

/** Offers and requests for the supply–demand view. */
export const OFFER_TYPES = ['TO', 'BO'] as const;
export const REQUEST_TYPES = ['TR', 'BR', 'RDR'] as const;

/** Unordered pair key (for "already introduced / in contact" lookups). */
export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
