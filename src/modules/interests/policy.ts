// Expressions of interest: who may send, answer, read and write in the conversation. Pure functions.
import { isOrganiser, type Actor } from '../../platform/context.ts';

/** Relation of the actor to one expression: member of the sending org, of the profile's org, or neither. */
export type EoiSide = { sender: boolean; owner: boolean };


/** A signed-in member of another organisation may express interest in a published profile. */
export function canSendInterest(a: Actor | null, o: { profileStatus: string; fromOrgIsMine: boolean; fromOrgOwnsProfile: boolean }): boolean {
  return !!a && o.profileStatus === 'published' && o.fromOrgIsMine && !o.fromOrgOwnsProfile;
}
/** The profile's organisation answers; organisers do not answer for it. */
export const canRespond = (a: Actor | null, side: EoiSide, status: string) => !!a && side.owner && status === 'open';
export const canWithdraw = (a: Actor | null, side: EoiSide, status: string) => !!a && side.sender && status === 'open';
/** Both sides read the expression; organisers too (moderation of abuse). */
export const canReadInterest = (a: Actor | null, side: EoiSide) => !!a && (side.sender || side.owner || isOrganiser(a));
/** Messages only once accepted, and only by the two sides. */
export const canPostMessage = (a: Actor | null, side: EoiSide, status: string) => !!a && (side.sender || side.owner) && status === 'accepted';
/** Contacts are exchanged when the expression is accepted. */
export const contactsExchanged = (status: string) => status === 'accepted';

export const EOI_RATE = { max: 10, windowMs: 3600_000 };
