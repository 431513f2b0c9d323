// Editing a half: section saves with optimistic concurrency (a save names the version it started from; the
// conditional UPDATE lets exactly one of two concurrent saves win, the other gets the current text) and
// attachments per required document (type from the bytes, size cap, SHA-256 kept).
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { applicationAttachments, applicationSections, files, users } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { audit } from '../../platform/audit.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/tokens.ts';
import { fieldErrorsFromZod } from '../../server/http-errors.ts';
import { checkUpload, storeFile } from '../../platform/uploads.ts';
import { callsError } from './errors.ts';
import { callPhase, canEditHalf, canReadHalfFiles, type Side } from './policy.ts';
import { loadApplication, loadHalf, membershipOf, officerScope, type CallRow, type HalfRow } from './facts.ts';
import { sectionSchemas, sectionsOf, type SectionKey } from './sections.ts';

/** A save refused because another save came first; carries the current text for the editor to show. */
export class VersionConflict extends AppError {
  constructor(readonly current: { version: number; content: Record<string, unknown>; updatedAt: string; updatedBy: string | null }) {
    super('version_conflict');
  }
}

/** Why the actor may not edit this half now, as an error; nothing when they may. */
async function assertEditable(db: Tx, ctx: RequestContext, call: CallRow, half: HalfRow, applicationId: string) {
  const m = await membershipOf(db, ctx.actor, applicationId);
  const now = ctx.clock.now();
  if (canEditHalf(ctx.actor, m, { side: half.side as Side, funderId: half.funderId, status: half.status }, call, now)) return;
  if (!m || m.role !== 'editor' || m.side !== half.side) throw forbidden();
  if (callPhase(call, now) !== 'open') throw callsError('call_closed');
  throw callsError('half_not_editable', { params: { status: half.status } });
}

export async function saveSection(ctx: RequestContext, applicationId: string, side: Side, key: SectionKey, baseVersion: number, raw: Record<string, unknown>) {
  const { call } = await loadApplication(ctx.db, applicationId);
  if (!sectionsOf(side).includes(key)) throw notFound('section');
  const parsed = sectionSchemas[key].safeParse(raw);
  if (!parsed.success) {
    throw new AppError('validation_failed', { fields: fieldErrorsFromZod(parsed.error.issues as never).map((f) => ({ ...f, path: `content.${f.path}`.replace(/\.$/, '') })) });
  }
  const content = parsed.data as Record<string, unknown>;
  return ctx.db.transaction(async (tx) => {
    // FOR SHARE: saves of different sections go together, a submission (FOR UPDATE) waits for them and they for it.
    const h = await loadHalf(tx, applicationId, side, 'share');
    await assertEditable(tx, ctx, call, h, applicationId);
    const now = ctx.clock.now();
    const updated = await tx.update(applicationSections)
      .set({ content, version: sql`${applicationSections.version} + 1`, updatedBy: ctx.actor!.userId, updatedAt: now })
      .where(and(eq(applicationSections.halfId, h.id), eq(applicationSections.key, key), eq(applicationSections.version, baseVersion)))
      .returning({ version: applicationSections.version });
    if (!updated.length) throw await conflict(tx, h.id, key);
    await audit(tx, ctx, { entityType: 'application', entityId: applicationId, action: 'section_save', changes: { side, key, version: updated[0].version } });
    return { version: updated[0].version, content };
  });
}

async function conflict(tx: Tx, halfId: string, key: string) {
  const [cur] = await tx.select({ s: applicationSections, name: users.name }).from(applicationSections)
    .leftJoin(users, eq(users.id, applicationSections.updatedBy)).where(and(eq(applicationSections.halfId, halfId), eq(applicationSections.key, key)));
  if (!cur) return notFound('section');
  return new VersionConflict({ version: cur.s.version, content: cur.s.content, updatedAt: cur.s.updatedAt.toISOString(), updatedBy: cur.name ?? null });
}

export async function uploadAttachment(ctx: RequestContext, applicationId: string, side: Side, documentCode: string, file: { filename: string; content: Buffer }) {
  const { call } = await loadApplication(ctx.db, applicationId);
  if (!call.requiredDocuments.some((d) => d.code === documentCode && d.side === side)) throw callsError('unknown_document', { params: { document: documentCode } });
  const half = await loadHalf(ctx.db, applicationId, side);
  await assertEditable(ctx.db, ctx, call, half, applicationId);
  const checked = await checkUpload('attachment', file.filename, file.content);
  const id = newId();
  return ctx.db.transaction(async (tx) => {
    const h = await loadHalf(tx, applicationId, side, true);
    await assertEditable(tx, ctx, call, h, applicationId);
    const now = ctx.clock.now();
    const fileId = await storeFile(tx, { ...checked, content: file.content, uploadedBy: ctx.actor!.userId, now });
    const f = { sha256: createHash('sha256').update(file.content).digest('hex') };
    await tx.delete(applicationAttachments).where(and(eq(applicationAttachments.halfId, h.id), eq(applicationAttachments.documentCode, documentCode)));
    await tx.insert(applicationAttachments).values({
      id, halfId: h.id, documentCode, fileId, name: checked.name, mime: checked.mime, size: file.content.length, sha256: f.sha256, uploadedBy: ctx.actor!.userId, createdAt: now,
    });
    await audit(tx, ctx, { entityType: 'application', entityId: applicationId, action: 'attachment', changes: { side, documentCode, name: checked.name, sha256: f.sha256 } });
    return { id, documentCode, name: checked.name, mime: checked.mime, size: file.content.length, sha256: f.sha256, url: `/api/applications/${applicationId}/halves/${side}/attachments/${id}` };
  });
}

export async function attachmentContent(ctx: RequestContext, applicationId: string, side: Side, attachmentId: string) {
  const { call } = await loadApplication(ctx.db, applicationId);
  const half = await loadHalf(ctx.db, applicationId, side);
  const m = await membershipOf(ctx.db, ctx.actor, applicationId);
  if (!canReadHalfFiles(ctx.actor, m, await officerScope(ctx.db, ctx.actor, call.id), { side, funderId: half.funderId, status: half.status })) throw notFound('application');
  const [row] = await ctx.db.select({ name: files.name, mime: files.mime, content: files.content }).from(applicationAttachments)
    .innerJoin(files, eq(files.id, applicationAttachments.fileId)).where(and(eq(applicationAttachments.id, attachmentId), eq(applicationAttachments.halfId, half.id)));
  if (!row) throw notFound('attachment');
  return row;
}
