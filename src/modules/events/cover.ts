// The cover image of an event: uploaded by organisers with the directory's upload checks (type read
// from the bytes, size cap, plain file name), kept in `files`, served to whoever may see the event.
import { eq } from 'drizzle-orm';
import { events, files } from '../../db/schema/index.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { audit } from '../../platform/audit.ts';
import { checkUpload, storeFile, UPLOAD_RULES } from '../../platform/uploads.ts';
import { canManageEvents, canViewEvent } from './policy.ts';
import { coverUrl, loadEvent, myRegistration } from './events.ts';

/** The directory's checks, with messages that tell an organiser what a cover may be. */
async function checkCover(file: { filename: string; content: Buffer }) {
  try {
    return await checkUpload('cover', file.filename, file.content);
  } catch (e) {
    if (e instanceof AppError && e.code === 'unsupported_media_type') throw new AppError('cover_not_image');
    if (e instanceof AppError && e.code === 'payload_too_large') throw new AppError('cover_too_large', { params: { mb: UPLOAD_RULES.cover.maxBytes / 1024 / 1024 } });
    throw e;
  }
}

export async function uploadCover(ctx: RequestContext, eventId: string, file: { filename: string; content: Buffer }) {
  if (!canManageEvents(ctx.actor)) throw forbidden();
  const checked = await checkCover(file);
  return ctx.db.transaction(async (tx) => {
    const e = await loadEvent(tx, eventId, true);
    const fileId = await storeFile(tx, { ...checked, content: file.content, uploadedBy: ctx.actor!.userId, now: ctx.clock.now() });
    await tx.update(events).set({ coverFileId: fileId, updatedAt: ctx.clock.now() }).where(eq(events.id, e.id));
    await audit(tx, ctx, { entityType: 'event', entityId: e.id, action: 'set_cover',
      changes: { coverFileId: { from: e.coverFileId, to: fileId }, name: checked.name, size: file.content.length, mime: checked.mime } });
    return { coverUrl: coverUrl({ id: e.id, coverFileId: fileId })! };
  });
}

export async function removeCover(ctx: RequestContext, eventId: string) {
  if (!canManageEvents(ctx.actor)) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const e = await loadEvent(tx, eventId, true);
    if (!e.coverFileId) throw notFound('cover');
    await tx.update(events).set({ coverFileId: null, updatedAt: ctx.clock.now() }).where(eq(events.id, e.id));
    await audit(tx, ctx, { entityType: 'event', entityId: e.id, action: 'remove_cover', changes: { coverFileId: { from: e.coverFileId, to: null } } });
  });
}

/** The image, for people who may see the event (drafts: organisers; invitation-only: registrants too); otherwise 404. */
export async function coverContent(ctx: RequestContext, eventId: string) {
  const e = await loadEvent(ctx.db, eventId);
  if (!e.coverFileId || !canViewEvent(ctx.actor, e, await myRegistration(ctx.db, e.id, ctx.actor))) throw notFound('cover');
  const [f] = await ctx.db.select({ mime: files.mime, content: files.content }).from(files).where(eq(files.id, e.coverFileId));
  if (!f) throw notFound('cover');
  return { mime: f.mime, content: Buffer.from(f.content), isPublic: e.status !== 'draft' && e.visibility === 'public' };
}
