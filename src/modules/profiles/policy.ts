// Profiles: who may do what, and the lifecycle as a pure state machine with its validity rules.
import { isOrganiser, type Actor } from '../../platform/context.ts';
import type { ProfileStatus } from '../../shared/enums.ts';
import type { Membership } from '../directory/policy.ts';


export const canModerateProfiles = isOrganiser;
/** Any member of the organisation writes its profiles; organisers too. */
export const canEditProfile = (a: Actor | null, m: Membership) => isOrganiser(a) || (!!a && m !== null);
export const canCreateProfile = canEditProfile;
/** Published profiles are public; every other state only for the organisation and organisers. */
export const canViewProfile = (a: Actor | null, status: string, m: Membership) =>
  status === 'published' || isOrganiser(a) || (!!a && m !== null);
/** Whether the organisation of an anonymous profile is shown to this viewer. */
export const canSeeProfileOrganisation = (a: Actor | null, anonymous: boolean, rel: { membership: Membership; revealed: boolean }) =>
  !anonymous || isOrganiser(a) || rel.membership !== null || rel.revealed;

export type ProfileAction = 'submit' | 'approve' | 'return' | 'reject' | 'hold' | 'resume' | 'expire' | 'extend' | 'archive';
export type Acting = 'owner' | 'moderator' | 'system';

/** from-status → action → [to-status, who may do it]. */
const TRANSITIONS: Partial<Record<ProfileStatus, Partial<Record<ProfileAction, [ProfileStatus, Acting[]]>>>> = {
  draft: { submit: ['submitted', ['owner', 'moderator']], archive: ['archived', ['owner', 'moderator']] },
  returned: { submit: ['submitted', ['owner', 'moderator']], archive: ['archived', ['owner', 'moderator']] },
  submitted: {
    approve: ['published', ['moderator']], return: ['returned', ['moderator']], reject: ['rejected', ['moderator']],
    archive: ['archived', ['owner', 'moderator']],
  },
  published: {
    hold: ['on_hold', ['moderator']], expire: ['expired', ['system']], extend: ['published', ['owner', 'moderator']],
    archive: ['archived', ['owner', 'moderator']],
    // A published profile with a pending re-review: approving clears it, returning takes it offline.
    approve: ['published', ['moderator']], return: ['returned', ['moderator']], reject: ['rejected', ['moderator']],
  },
  on_hold: { resume: ['published', ['moderator']], expire: ['expired', ['system']], archive: ['archived', ['owner', 'moderator']] },
  expired: { extend: ['published', ['owner', 'moderator']], archive: ['archived', ['owner', 'moderator']] },
  rejected: { archive: ['archived', ['owner', 'moderator']] },
};

/** The next status, or null when the action is not allowed from this status for this actor. */
export function nextStatus(from: ProfileStatus, action: ProfileAction, who: Acting[]): ProfileStatus | null {
  const t = TRANSITIONS[from]?.[action];
  if (!t) return null;
  return t[1].some((w) => who.includes(w)) ? t[0] : null;
}

/** Statuses in which the profile content may be edited. */
export const EDITABLE: ProfileStatus[] = ['draft', 'returned', 'submitted', 'published', 'on_hold', 'expired'];

export const VALIDITY_MONTHS = 12;
export const MAX_LIFETIME_MONTHS = 24;
export const MAX_EXTENSIONS = 1;
export const REMINDER_DAYS = 14;

export const addMonths = (d: Date, months: number) => {
  const x = new Date(d.getTime());
  x.setUTCMonth(x.getUTCMonth() + months);
  return x;
};

const minDate = (...ds: (Date | null | undefined)[]) => new Date(Math.min(...ds.filter((d): d is Date => !!d).map((d) => d.getTime())));

/** Expiry on (first) publication: 12 months, never past the 2-year cap or the call's deadline. */
export function expiryOnPublish(now: Date, firstPublishedAt: Date | null, callDeadline: Date | null): Date {
  const first = firstPublishedAt ?? now;
  return minDate(addMonths(now, VALIDITY_MONTHS), addMonths(first, MAX_LIFETIME_MONTHS), callDeadline);
}

export type ExtendCheck = { ok: true; expiresAt: Date } | { ok: false; reason: 'extension_used' | 'lifetime_reached' | 'call_closed' };

/** One extension of 12 months from the current expiry (or now if already expired), capped at 2 years in total. */
export function extension(p: { firstPublishedAt: Date | null; expiresAt: Date | null; extensionCount: number; callDeadline: Date | null }, now: Date): ExtendCheck {
  if (p.extensionCount >= MAX_EXTENSIONS) return { ok: false, reason: 'extension_used' };
  if (p.callDeadline && p.callDeadline <= now) return { ok: false, reason: 'call_closed' };
  const first = p.firstPublishedAt ?? now;
  const cap = addMonths(first, MAX_LIFETIME_MONTHS);
  if (cap <= now) return { ok: false, reason: 'lifetime_reached' };
  const base = p.expiresAt && p.expiresAt > now ? p.expiresAt : now;
  return { ok: true, expiresAt: minDate(addMonths(base, VALIDITY_MONTHS), cap, p.callDeadline) };
}

/** Whether a reminder is due: published, expiring within 2 weeks, not yet reminded for this expiry. */
export function reminderDue(p: { status: string; expiresAt: Date | null; reminderSentAt: Date | null }, now: Date): boolean {
  if (p.status !== 'published' || !p.expiresAt || p.expiresAt <= now) return false;
  if (p.expiresAt.getTime() - now.getTime() > REMINDER_DAYS * 86400_000) return false;
  return !p.reminderSentAt || p.reminderSentAt.getTime() < p.expiresAt.getTime() - REMINDER_DAYS * 86400_000;
}

/** Fields whose change on a published profile sends it back to the moderation queue by default. */
export const DEFAULT_REREVIEW_FIELDS = ['title', 'summary', 'type', 'anonymous'];
