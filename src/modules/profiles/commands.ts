import { eq } from 'drizzle-orm';
import { appMeta, organisations, profileHistory, profiles, profileAttachments } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/context.ts';
import { audit, diff } from '../../platform/audit.ts';
import { newId } from '../../platform/tokens.ts';
import type { ProfileStatus } from '../../shared/enums.ts';
import { membershipOf } from '../directory/queries.ts';
import { memberIds, notifyUsers } from '../directory/notify.ts';
import { checkUpload, storeFile } from '../../platform/uploads.ts';
import { MAX_ATTACHMENTS } from '../../shared/uploads.ts';
import {
  canCreateProfile, canEditProfile, canModerateProfiles, DEFAULT_REREVIEW_FIELDS, EDITABLE, expiryOnPublish, extension, nextStatus,
  type Acting, type ProfileAction,
} from './policy.ts';
import { indexProfiles } from './search-index.ts';
import type { ProfileFields } from './schema.ts';

export type ProfileRow = typeof profiles.$inferSelect;
const REREVIEW_KEY = 'profiles:rereview_fields';

/** Converts API field values to column values (dates). */
function toColumns(input: Partial<ProfileFields>): Partial<ProfileRow> {
  const out: Record<string, unknown> = { ...input };
  if ('callDeadline' in input) out.callDeadline = input.callDeadline ? new Date(input.callDeadline) : null;
  return out as Partial<ProfileRow>;
}

export async function loadProfile(tx: Tx, id: string, lock = false): Promise<ProfileRow> {
  const q = tx.select().from(profiles).where(eq(profiles.id, id));
  const [p] = lock ? await q.for('update') : await q;
  if (!p) throw notFound('profile');
  return p;
}

async function actingAs(ctx: RequestContext, tx: Tx, p: ProfileRow): Promise<Acting[]> {
  const m = await membershipOf(tx, ctx.actor?.userId, p.organisationId);
  const who: Acting[] = [];
  if (m !== null) who.push('owner');
  if (canModerateProfiles(ctx.actor)) who.push('moderator', 'owner'); // organisers may act for an organisation
  return who;
}

export async function history(tx: Tx, ctx: Pick<RequestContext, 'clock' | 'actor'>, profileId: string, e: { action: string; from?: string | null; to?: string | null; comment?: string | null; changes?: Record<string, unknown> | null }) {
  await tx.insert(profileHistory).values({
    profileId, at: ctx.clock.now(), actorId: ctx.actor?.userId ?? null, action: e.action, fromStatus: e.from ?? null, toStatus: e.to ?? null,
    comment: e.comment ?? null, changes: e.changes ?? null,
  });
}

export async function rereviewFields(tx: Tx): Promise<string[]> {
  const [row] = await tx.select().from(appMeta).where(eq(appMeta.key, REREVIEW_KEY));
  return (row?.value as string[] | undefined) ?? DEFAULT_REREVIEW_FIELDS;
}

export async function setRereviewFields(ctx: RequestContext, fields: string[]) {
  if (!canModerateProfiles(ctx.actor)) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await tx.insert(appMeta).values({ key: REREVIEW_KEY, value: fields, updatedAt: now })
      .onConflictDoUpdate({ target: appMeta.key, set: { value: fields, updatedAt: now } });
    await audit(tx, ctx, { entityType: 'settings', entityId: REREVIEW_KEY, action: 'update', changes: { fields } });
  });
}

export async function createProfile(ctx: RequestContext, input: Partial<ProfileFields> & { organisationId: string }) {
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    const [org] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisationId));
    if (!org) throw notFound('organisation');
    if (!canCreateProfile(ctx.actor, await membershipOf(tx, ctx.actor?.userId, input.organisationId))) throw forbidden();
    const now = ctx.clock.now();
    const { organisationId, ...fields } = input;
    await tx.insert(profiles).values({
      ...toColumns(fields), id, organisationId, type: input.type!, title: input.title!, summary: input.summary!,
      status: 'draft', createdBy: ctx.actor!.userId, createdAt: now, updatedAt: now,
    } as typeof profiles.$inferInsert);
    await history(tx, ctx, id, { action: 'create', to: 'draft' });
    await audit(tx, ctx, { entityType: 'profile', entityId: id, action: 'create', changes: { type: input.type, organisationId } });
    await indexProfiles(tx, [id]);
  });
  return id;
}

export async function updateProfile(ctx: RequestContext, id: string, input: Partial<ProfileFields>) {
  return ctx.db.transaction(async (tx) => {
    const p = await loadProfile(tx, id, true);
    if (!canEditProfile(ctx.actor, await membershipOf(tx, ctx.actor?.userId, p.organisationId))) throw forbidden();
    if (!EDITABLE.includes(p.status as ProfileStatus)) throw new AppError('invalid_transition', { params: { status: p.status } });
    const next = toColumns(Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
    const changes = diff(p as unknown as Record<string, unknown>, next as Record<string, unknown>);
    if (!Object.keys(changes).length) return { reviewPending: p.reviewPending };
    const now = ctx.clock.now();
    // Editing keeps a published profile published; changes to the re-review fields put it back in the queue.
    const watched = await rereviewFields(tx);
    const needsReview = p.status === 'published' && !canModerateProfiles(ctx.actor) && Object.keys(changes).some((k) => watched.includes(k));
    await tx.update(profiles).set({
      ...next, updatedAt: now, version: p.version + 1,
      ...(needsReview ? { reviewPending: true, submittedAt: now } : {}),
    }).where(eq(profiles.id, id));
    await history(tx, ctx, id, { action: needsReview ? 'edit_rereview' : 'edit', from: p.status, to: p.status, changes });
    await audit(tx, ctx, { entityType: 'profile', entityId: id, action: 'update', changes });
    await indexProfiles(tx, [id]);
    return { reviewPending: needsReview || p.reviewPending };
  });
}

/** Missing pieces that block submission (beyond the field schema). */
export function submissionProblems(p: ProfileRow): string[] {
  const out: string[] = [];
  if (p.partnershipTypes.length < 1) out.push('partnershipTypes');
  if (p.type === 'TO' && !p.developmentStage) out.push('developmentStage');
  if (p.type === 'RDR' && !p.programme && !p.callId && !p.callExternalId) out.push('programme');
  return out;
}

export async function transition(ctx: RequestContext, id: string, action: ProfileAction, o: { comment?: string; reason?: string } = {}) {
  return ctx.db.transaction(async (tx) => applyTransition(ctx, tx, id, action, o));
}

export async function applyTransition(ctx: RequestContext, tx: Tx, id: string, action: ProfileAction, o: { comment?: string; reason?: string } = {}) {
  const p = await loadProfile(tx, id, true);
  const who = ctx.actor ? await actingAs(ctx, tx, p) : ['system' as Acting];
  if (!who.length) throw forbidden();
  const to = nextStatus(p.status as ProfileStatus, action, who);
  if (!to) {
    // Someone allowed to act on the profile but not this way gets a clear conflict; others a plain refusal.
    if (nextStatus(p.status as ProfileStatus, action, ['owner', 'moderator', 'system'])) throw forbidden();
    throw new AppError('invalid_transition', { params: { status: p.status, action } });
  }
  if (action === 'approve' && p.status === 'published' && !p.reviewPending) throw new AppError('invalid_transition', { params: { status: p.status, action } });
  const now = ctx.clock.now();
  const set: Partial<ProfileRow> = { status: to, updatedAt: now };
  switch (action) {
    case 'submit': {
      const problems = submissionProblems(p);
      if (problems.length) throw new AppError('validation_failed', { fields: problems.map((path) => ({ path, code: 'required' })) });
      set.submittedAt = now; set.moderatorComment = null;
      break;
    }
    case 'approve':
      if (p.status !== 'published') {
        set.publishedAt = now; set.firstPublishedAt = p.firstPublishedAt ?? now;
        set.expiresAt = expiryOnPublish(now, p.firstPublishedAt, p.callDeadline); set.reminderSentAt = null;
      }
      Object.assign(set, { reviewPending: false, reviewedAt: now, reviewedBy: ctx.actor!.userId, moderatorComment: o.comment ?? null });
      break;
    case 'return':
      Object.assign(set, { reviewPending: false, reviewedAt: now, reviewedBy: ctx.actor!.userId, moderatorComment: o.comment ?? null });
      break;
    case 'reject':
      Object.assign(set, { reviewPending: false, reviewedAt: now, reviewedBy: ctx.actor!.userId, rejectionReason: o.reason ?? o.comment ?? null });
      break;
    case 'hold': set.holdReason = o.reason ?? o.comment ?? null; break;
    case 'resume': set.holdReason = null; break;
    case 'extend': {
      const e = extension(p, now);
      if (!e.ok) throw new AppError('invalid_transition', { params: { status: p.status, action, reason: e.reason } });
      Object.assign(set, { expiresAt: e.expiresAt, extensionCount: p.extensionCount + 1, reminderSentAt: null });
      break;
    }
    case 'archive': set.archivedAt = now; break;
    case 'expire': break;
  }
  await tx.update(profiles).set(set).where(eq(profiles.id, id));
  await history(tx, ctx, id, { action, from: p.status, to, comment: o.comment ?? o.reason ?? null });
  await audit(tx, ctx, { entityType: 'profile', entityId: id, action, changes: { status: { from: p.status, to }, ...(o.comment || o.reason ? { comment: o.comment ?? o.reason } : {}) } });
  await indexProfiles(tx, [id]);
  const notifyKinds: Partial<Record<ProfileAction, string>> = { approve: 'profile_approved', return: 'profile_returned', reject: 'profile_rejected', expire: 'profile_expired', hold: 'profile_on_hold' };
  const kind = notifyKinds[action];
  if (kind && !(action === 'approve' && p.status === 'published')) {
    await notifyUsers(tx, ctx, await memberIds(tx, p.organisationId), {
      kind, template: kind, link: `/marketplace/profiles/${id}`, data: { profileId: id, comment: o.comment ?? o.reason ?? null },
      ml: { title: p.title }, params: { comment: o.comment ?? o.reason ?? '' },
    });
  }
  return { status: to };
}

/** Bulk moderation: each profile in its own transaction, so one refusal does not undo the others. */
export async function bulkModerate(ctx: RequestContext, ids: string[], action: 'approve' | 'return' | 'reject', comment?: string) {
  if (!canModerateProfiles(ctx.actor)) throw forbidden();
  if (action === 'reject' && !comment) throw new AppError('validation_failed', { fields: [{ path: 'comment', code: 'required' }] });
  const results: { id: string; ok: boolean; status?: string; error?: string }[] = [];
  for (const id of ids) {
    try {
      const r = await transition(ctx, id, action, action === 'reject' ? { reason: comment } : { comment });
      results.push({ id, ok: true, status: r.status });
    } catch (e) {
      results.push({ id, ok: false, error: (e as AppError).code ?? 'internal' });
    }
  }
  return results;
}

export async function addAttachment(ctx: RequestContext, id: string, file: { filename: string; content: Buffer }) {
  const checked = await checkUpload('attachment', file.filename, file.content);
  return ctx.db.transaction(async (tx) => {
    const p = await loadProfile(tx, id, true);
    if (!canEditProfile(ctx.actor, await membershipOf(tx, ctx.actor?.userId, p.organisationId))) throw forbidden();
    const existing = await tx.select({ id: profileAttachments.id }).from(profileAttachments).where(eq(profileAttachments.profileId, id));
    if (existing.length >= MAX_ATTACHMENTS) throw new AppError('conflict', { params: { reason: 'too_many_attachments' } });
    const now = ctx.clock.now();
    const fileId = await storeFile(tx, { ...checked, content: file.content, uploadedBy: ctx.actor!.userId, now });
    const attId = newId();
    await tx.insert(profileAttachments).values({ id: attId, profileId: id, fileId, sort: existing.length, createdAt: now });
    await history(tx, ctx, id, { action: 'attach', changes: { name: checked.name, size: file.content.length } });
    await audit(tx, ctx, { entityType: 'profile', entityId: id, action: 'attach', changes: { fileId, name: checked.name, mime: checked.mime } });
    return { id: attId, name: checked.name, mime: checked.mime, size: file.content.length };
  });
}

export async function removeAttachment(ctx: RequestContext, id: string, attachmentId: string) {
  await ctx.db.transaction(async (tx) => {
    const p = await loadProfile(tx, id, true);
    if (!canEditProfile(ctx.actor, await membershipOf(tx, ctx.actor?.userId, p.organisationId))) throw forbidden();
    const r = await tx.delete(profileAttachments).where(eq(profileAttachments.id, attachmentId)).returning();
    if (!r.length || r[0].profileId !== id) throw notFound('attachment');
    await history(tx, ctx, id, { action: 'detach', changes: { attachmentId } });
    await audit(tx, ctx, { entityType: 'profile', entityId: id, action: 'detach', changes: { attachmentId } });
  });
}
