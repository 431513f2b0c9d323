// Calls: create and edit (staff and the call's funders' officers), the public list (open / upcoming /
// closed by the server clock) and the call page, with its documents and the marketplace's open partner
// searches (RDR profiles that refer to the call).
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { applications, callCaps, callDocuments, callFunders, calls, files, funders, programmes } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { audit, diff } from '../../platform/audit.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/tokens.ts';
import { zonedToUtc } from '../../shared/time.ts';
import { checkUpload, storeFile } from '../../platform/uploads.ts';
import { isUniqueViolation } from '../../platform/db-errors.ts';
import { callPartnerSearches } from '../profiles/queries.ts';
import { callsError } from './errors.ts';
import { callPhase, canEditCall, canManageCalls, canStartApplication, canViewCall } from './policy.ts';
import { loadCall, num, officerScope, type CallRow } from './facts.ts';
import { loadFunders } from './funders.ts';
import type { CallInput } from './schema.ts';

function columns(input: CallInput) {
  const opensAt = zonedToUtc(input.opensLocal.slice(0, 16), input.timezone);
  const closesAt = zonedToUtc(input.closesLocal.slice(0, 16), input.timezone);
  if (closesAt <= opensAt) throw new AppError('validation_failed', { fields: [{ path: 'closesLocal', code: 'before_opening' }] });
  return {
    programmeId: input.programmeId, slug: input.slug, type: input.type, title: input.title, description: input.description, status: input.status,
    projectStartYear: input.projectStartYear, projectEndYear: input.projectEndYear, opensAt, closesAt, timezone: input.timezone,
    priorityAreas: input.priorityAreas, maxDurationMonths: input.maxDurationMonths, criteria: input.criteria,
    requiredDocuments: input.requiredDocuments, eligibility: input.eligibility,
  };
}

async function writeFundersAndCaps(tx: Tx, callId: string, input: CallInput) {
  const ids = input.funders.map((f) => f.funderId);
  const rows = await tx.select().from(funders).where(inArray(funders.id, ids));
  if (rows.length !== new Set(ids).size) throw notFound('funder');
  for (const f of input.funders) {
    if (rows.find((r) => r.id === f.funderId)!.country !== f.side) throw callsError('side_not_in_call', { fields: [{ path: 'funders', code: 'side_mismatch' }] });
  }
  if (new Set(input.funders.map((f) => f.side)).size !== input.funders.length) throw callsError('side_not_in_call', { fields: [{ path: 'funders', code: 'side_twice' }] });
  for (const c of input.caps) if (!ids.includes(c.funderId)) throw callsError('side_not_in_call', { fields: [{ path: 'caps', code: 'funder_not_in_call' }] });
  await tx.delete(callFunders).where(eq(callFunders.callId, callId));
  await tx.delete(callCaps).where(eq(callCaps.callId, callId));
  await tx.insert(callFunders).values(input.funders.map((f) => ({ callId, funderId: f.funderId, side: f.side })));
  if (input.caps.length) await tx.insert(callCaps).values(input.caps.map((c) => ({ callId, funderId: c.funderId, year: c.year, amount: String(c.amount) })));
}

export async function createCall(ctx: RequestContext, input: CallInput) {
  if (!canManageCalls(ctx.actor)) throw forbidden();
  const id = newId(), now = ctx.clock.now();
  try {
    await ctx.db.transaction(async (tx) => {
      const [p] = await tx.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, input.programmeId));
      if (!p) throw notFound('programme');
      await tx.insert(calls).values({ id, ...columns(input), createdBy: ctx.actor!.userId, createdAt: now, updatedAt: now });
      await writeFundersAndCaps(tx, id, input);
      await audit(tx, ctx, { entityType: 'call', entityId: id, action: 'create', changes: { slug: input.slug, title: input.title } });
    });
  } catch (e) {
    if (isUniqueViolation(e, 'calls_slug_uq')) throw callsError('slug_taken', { fields: [{ path: 'slug', code: 'taken' }] });
    throw e;
  }
  return { id };
}

/** Changes the terms; the funders of a call with applications stay (each half is addressed to one). */
export async function updateCall(ctx: RequestContext, id: string, input: CallInput) {
  const scope = await officerScope(ctx.db, ctx.actor, id);
  if (!canEditCall(ctx.actor, scope)) throw forbidden();
  try {
    await ctx.db.transaction(async (tx) => {
      const before = await loadCall(tx, id, true);
      const cols = columns(input);
      const [hasApps] = await tx.select({ id: applications.id }).from(applications).where(eq(applications.callId, id)).limit(1);
      const currentFunders = await tx.select().from(callFunders).where(eq(callFunders.callId, id));
      const same = currentFunders.length === input.funders.length && input.funders.every((f) => currentFunders.some((c) => c.funderId === f.funderId && c.side === f.side));
      if (hasApps && !same) throw callsError('call_has_applications');
      await tx.update(calls).set({ ...cols, updatedAt: ctx.clock.now() }).where(eq(calls.id, id));
      await writeFundersAndCaps(tx, id, input);
      await audit(tx, ctx, { entityType: 'call', entityId: id, action: 'update', changes: diff(before as never, cols as never) });
    });
  } catch (e) {
    if (isUniqueViolation(e, 'calls_slug_uq')) throw callsError('slug_taken', { fields: [{ path: 'slug', code: 'taken' }] });
    throw e;
  }
}

async function presentSummaries(db: Tx, rows: CallRow[], now: Date) {
  if (!rows.length) return [];
  const ids = rows.map((c) => c.id);
  const links = await db.select().from(callFunders).where(inArray(callFunders.callId, ids));
  const fs = await loadFunders(db, [...new Set(links.map((l) => l.funderId))]);
  const progs = await db.select().from(programmes).where(inArray(programmes.id, [...new Set(rows.map((c) => c.programmeId))]));
  return rows.map((c) => ({
    id: c.id, slug: c.slug, type: c.type, title: c.title, status: c.status, phase: callPhase(c, now),
    programme: { id: c.programmeId, name: progs.find((p) => p.id === c.programmeId)?.name ?? {} },
    projectStartYear: c.projectStartYear, projectEndYear: c.projectEndYear, opensAt: c.opensAt.toISOString(), closesAt: c.closesAt.toISOString(), timezone: c.timezone,
    funders: links.filter((l) => l.callId === c.id).sort((a, b) => a.side.localeCompare(b.side)).map((l) => {
      const f = fs.find((x) => x.id === l.funderId)!;
      return { funderId: f.id, side: l.side, organisationId: f.organisationId, name: f.name, shortName: f.shortName, currency: f.currency, timezone: f.timezone };
    }),
  }));
}

/** Published calls for everyone; drafts too for staff. Open first (closing soonest), then upcoming, then closed. */
export async function listCalls(db: Tx, actor: Actor | null, q: { phase?: 'open' | 'upcoming' | 'closed'; programmeId?: string }, now: Date) {
  const conds = [q.programmeId ? eq(calls.programmeId, q.programmeId) : undefined, canManageCalls(actor) ? undefined : eq(calls.status, 'published')];
  const rows = await db.select().from(calls).where(and(...conds.filter((x) => !!x))).orderBy(asc(calls.closesAt));
  const order = { open: 0, upcoming: 1, closed: 2 } as const;
  const list = (await presentSummaries(db, rows, now)).filter((c) => !q.phase || c.phase === q.phase);
  return list.sort((a, b) => order[a.phase] - order[b.phase] || (a.phase === 'closed' ? b.closesAt.localeCompare(a.closesAt) : a.closesAt.localeCompare(b.closesAt)));
}

export async function callTerms(db: Tx, c: CallRow, funderId: string) {
  const caps = await db.select().from(callCaps).where(and(eq(callCaps.callId, c.id), eq(callCaps.funderId, funderId)));
  return {
    projectStartYear: c.projectStartYear, projectEndYear: c.projectEndYear, maxDurationMonths: c.maxDurationMonths, priorityAreas: c.priorityAreas,
    caps: caps.map((x) => ({ year: x.year, amount: num(x.amount) })), requiredDocuments: c.requiredDocuments,
  };
}

export async function getCall(ctx: RequestContext, idOrSlug: string) {
  const isId = /^[0-9a-f-]{36}$/i.test(idOrSlug);
  const [c] = await ctx.db.select().from(calls).where(isId ? eq(calls.id, idOrSlug) : eq(calls.slug, idOrSlug));
  if (!c) throw notFound('call');
  const scope = await officerScope(ctx.db, ctx.actor, c.id);
  if (!canViewCall(ctx.actor, c, scope)) throw notFound('call');
  const now = ctx.clock.now();
  const [summary] = await presentSummaries(ctx.db, [c], now);
  const caps = await ctx.db.select().from(callCaps).where(eq(callCaps.callId, c.id)).orderBy(asc(callCaps.year));
  const docs = await ctx.db.select({ d: callDocuments, name: files.name, size: files.size }).from(callDocuments)
    .innerJoin(files, eq(files.id, callDocuments.fileId)).where(eq(callDocuments.callId, c.id)).orderBy(asc(callDocuments.createdAt));
  return {
    ...summary, description: c.description, priorityAreas: c.priorityAreas, maxDurationMonths: c.maxDurationMonths, serverNow: now.toISOString(),
    caps: caps.map((x) => ({ funderId: x.funderId, year: x.year, amount: num(x.amount) })),
    criteria: c.criteria, requiredDocuments: c.requiredDocuments, eligibility: c.eligibility,
    documents: docs.map((d) => ({ id: d.d.id, title: d.d.title, name: d.name, size: d.size, url: `/api/calls/${c.id}/documents/${d.d.id}` })),
    partnerSearches: await callPartnerSearches(ctx.db, c.id),
    canEdit: canEditCall(ctx.actor, scope), canApply: canStartApplication(ctx.actor, c, now), officerOf: scope.funderIds,
  };
}

export async function addCallDocument(ctx: RequestContext, callId: string, file: { filename: string; content: Buffer }, title: Record<string, string>) {
  const scope = await officerScope(ctx.db, ctx.actor, callId);
  if (!canEditCall(ctx.actor, scope)) throw forbidden();
  const checked = await checkUpload('attachment', file.filename, file.content);
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await loadCall(tx, callId, true);
    const fileId = await storeFile(tx, { ...checked, content: file.content, uploadedBy: ctx.actor!.userId, now: ctx.clock.now() });
    await tx.insert(callDocuments).values({ id, callId, fileId, title: Object.keys(title).length ? title : { en: checked.name }, createdAt: ctx.clock.now() });
    await audit(tx, ctx, { entityType: 'call', entityId: callId, action: 'document_add', changes: { name: checked.name } });
  });
  return { id };
}

export async function callDocumentContent(ctx: RequestContext, callId: string, docId: string) {
  const c = await loadCall(ctx.db, callId);
  if (!canViewCall(ctx.actor, c, await officerScope(ctx.db, ctx.actor, callId))) throw notFound('call');
  const [d] = await ctx.db.select({ name: files.name, mime: files.mime, content: files.content }).from(callDocuments)
    .innerJoin(files, eq(files.id, callDocuments.fileId)).where(and(eq(callDocuments.id, docId), eq(callDocuments.callId, callId)));
  if (!d) throw notFound('document');
  return d;
}

/** For the list of calls an officer administers. */
export async function latestCalls(db: Tx, limit = 50) {
  return db.select().from(calls).orderBy(desc(calls.closesAt)).limit(limit);
}
