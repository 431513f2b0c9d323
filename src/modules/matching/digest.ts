// The weekly digest: per participant who belongs to an organisation with published profiles and
// has not opted out, the recommendations not sent before, in the participant's language.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { matchDigestSent, matchDigestState, organisationMembers, userRoles, users } from '../../db/schema/index.ts';
import type { Deps } from '../../platform/context.ts';
import { queueMail } from '../../platform/mail.ts';
import { t } from '../../platform/i18n.ts';
import { recommend, renderReason, type Candidate } from '../../engines/matching/index.ts';
import { isLang, mlText, type Lang } from '../../shared/languages.ts';
import { matchingIndex } from './index-service.ts';
import { loadHistory, loadSettings } from './queries.ts';

export const DIGEST_JOB = 'matching.digest';
/** Mondays 06:00 UTC: 09:00 in Minsk, 14:00 in Changchun. */
export const DIGEST_CRON = '0 6 * * 1';
/** Recommendations per digest, and how many are considered per organisation before removing sent ones. */
export const DIGEST_SIZE = 5;
const POOL = 30;

export async function runDigest(deps: Deps): Promise<{ sent: number; skipped: number }> {
  const index = await matchingIndex(deps.db).current();
  const settings = await loadSettings(deps.db);
  const now = deps.clock.now();
  // Participants who belong to an organisation with at least one indexed (published) profile.
  const rows = await deps.db.select({ userId: users.id, email: users.email, lang: users.lang, orgId: organisationMembers.organisationId })
    .from(users).innerJoin(organisationMembers, eq(organisationMembers.userId, users.id))
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'participant')))
    .where(isNull(users.disabledAt));
  const byUser = new Map<string, { email: string; lang: Lang; orgs: string[] }>();
  for (const r of rows) {
    if (!index.byOrg.get(r.orgId)?.size) continue;
    const u = byUser.get(r.userId) ?? byUser.set(r.userId, { email: r.email, lang: isLang(r.lang) ? r.lang : 'en', orgs: [] }).get(r.userId)!;
    u.orgs.push(r.orgId);
  }
  const optedOut = new Set((await deps.db.select({ id: matchDigestState.userId }).from(matchDigestState).where(eq(matchDigestState.optedOut, true))).map((r) => r.id));
  let sent = 0, skipped = 0;
  for (const [userId, u] of [...byUser].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (optedOut.has(userId)) { skipped++; continue; }
    const history = await loadHistory(deps.db, u.orgs);
    const best = new Map<string, Candidate>();
    for (const org of u.orgs.sort()) {
      for (const c of recommend(index, { organisationId: org }, { top: POOL, history, pairing: settings, lang: u.lang, now })) {
        const prev = best.get(c.profileId);
        if (!prev || c.score > prev.score) best.set(c.profileId, c);
      }
    }
    const already = new Set((await deps.db.select({ id: matchDigestSent.candidateProfileId }).from(matchDigestSent)
      .where(and(eq(matchDigestSent.userId, userId), inArray(matchDigestSent.candidateProfileId, [...best.keys(), '00000000-0000-0000-0000-000000000000'])))).map((r) => r.id));
    const fresh = [...best.values()].filter((c) => !already.has(c.profileId))
      .sort((a, b) => b.score - a.score || (a.profileId < b.profileId ? -1 : 1)).slice(0, DIGEST_SIZE);
    if (!fresh.length) { skipped++; continue; }
    const list = fresh.map((c) => {
      const p = index.get(c.profileId)!.profile;
      const why = c.reasons.slice(0, 2).map((r) => renderReason(r, u.lang)).join('; ');
      const country = new Intl.DisplayNames([u.lang === 'zh' ? 'zh-CN' : u.lang], { type: 'region' }).of(p.country) ?? p.country;
      return `• ${mlText(p.title, u.lang)} (${t(u.lang, `matching:ui.types.${p.type}`)}, ${country})\n  ${why}\n  ${deps.config.publicUrl}/marketplace/profiles/${p.id}`;
    }).join('\n\n');
    await deps.db.transaction(async (tx) => {
      await queueMail(tx, deps, { to: u.email, userId, lang: u.lang, template: 'matching_digest',
        params: { count: fresh.length, list, link: `${deps.config.publicUrl}/matching` } });
      await tx.insert(matchDigestSent).values(fresh.map((c) => ({ userId, candidateProfileId: c.profileId, sentAt: now }))).onConflictDoNothing();
      await tx.insert(matchDigestState).values({ userId, lastSentAt: now, updatedAt: now })
        .onConflictDoUpdate({ target: matchDigestState.userId, set: { lastSentAt: now, updatedAt: now } });
    });
    sent++;
  }
  deps.log.info({ sent, skipped }, 'matching digest');
  return { sent, skipped };
}

export function registerMatchingJobs(deps: Deps) {
  deps.jobs.register(DIGEST_JOB, async () => { await runDigest(deps); }, { cron: DIGEST_CRON, singleton: true });
}
