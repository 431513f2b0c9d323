// Import of organisations and profiles from the exchange format (JSON, CSV or XLSX).
// Every row is checked first; a dry run (or any error) writes nothing and reports each problem
// by sheet, row and column. A real import is one transaction and idempotent by external id.
import { inArray, sql } from 'drizzle-orm';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { csvUnescapeCell } from '../../platform/csv-safety.ts';
import { z } from 'zod';
import { organisations, organisationContacts, profiles, taxonomyAreas } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { audit } from '../../platform/audit.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { newId } from '../../platform/tokens.ts';
import { IMPORT_FORMAT, importOrganisationSchema, importProfileSchema, type ImportOrganisation, type ImportProfile } from '../../shared/import-format.ts';
import { indexProfiles } from '../profiles/search-index.ts';
import { expiryOnPublish } from '../profiles/policy.ts';
import { canModerateDirectory } from '../directory/policy.ts';
import { columnOfHeader, columnOfPath, rowToObject, type Sheet } from './columns.ts';

export type ImportProblem = { sheet: Sheet | 'file'; row: number; column: string; code: string; value?: string };
type Item = { sheet: Sheet; row: number; value: Record<string, unknown>; problems: ImportProblem[] };
export type Source = { kind: 'json' | 'csv' | 'xlsx'; items: Item[]; fileProblems: ImportProblem[] };
export type ImportReport = {
  ok: boolean; dryRun: boolean; kind: Source['kind'];
  organisations: { total: number; create: number; update: number };
  profiles: { total: number; create: number; update: number };
  problems: ImportProblem[];
};

const SYNERGY_ID = /^synergy:([0-9a-f-]{36})$/;

/**
 * The external id to store for a row. A "synergy:<uuid>" id names a record of another Synergy
 * database (or of this one, exported without an external id): on a row of our own (same uuid)
 * nothing needs storing, on any other row it is kept so that the next import finds the row again.
 */
const storedExternalId = (externalId: string, id: string) => (SYNERGY_ID.exec(externalId)?.[1] === id ? null : externalId);

export async function readSource(content: Buffer, filename: string): Promise<Source> {
  const ext = filename.toLowerCase().split('.').pop();
  if (ext === 'json') return readJson(content);
  if (ext === 'csv') return readCsv(content);
  if (ext === 'xlsx') return readXlsx(content);
  return { kind: 'json', items: [], fileProblems: [{ sheet: 'file', row: 0, column: '', code: 'unsupported_format' }] };
}

function readJson(content: Buffer): Source {
  const src: Source = { kind: 'json', items: [], fileProblems: [] };
  let data: Record<string, unknown>;
  try { data = JSON.parse(content.toString('utf8').replace(/^\uFEFF/, '')); } catch {
    src.fileProblems.push({ sheet: 'file', row: 0, column: '', code: 'malformed_json' });
    return src;
  }
  if (data?.format !== IMPORT_FORMAT) src.fileProblems.push({ sheet: 'file', row: 0, column: 'format', code: 'invalid_value', value: String(data?.format) });
  if (data?.version !== 1 && data?.version !== 2) src.fileProblems.push({ sheet: 'file', row: 0, column: 'version', code: 'unsupported_version', value: String(data?.version) });
  for (const key of Object.keys(data ?? {})) {
    if (!['format', 'version', 'exportedAt', 'organisations', 'profiles'].includes(key)) src.fileProblems.push({ sheet: 'file', row: 0, column: key, code: 'unknown_field' });
  }
  for (const sheet of ['organisations', 'profiles'] as const) {
    const arr = data?.[sheet] ?? [];
    if (!Array.isArray(arr)) { src.fileProblems.push({ sheet: 'file', row: 0, column: sheet, code: 'invalid_type' }); continue; }
    arr.forEach((value, i) => { src.items.push({ sheet, row: i + 1, value: value as Record<string, unknown>, problems: [] }); });
  }
  return src;
}

function tableItems(sheet: Sheet, rows: string[][], firstDataRow: number, src: Source) {
  const [header, ...data] = rows;
  if (!header) return;
  const cols = header.map((h) => columnOfHeader(sheet, String(h ?? '')));
  header.forEach((h, i) => { if (!cols[i] && String(h ?? '').trim()) src.fileProblems.push({ sheet, row: firstDataRow - 1, column: String(h), code: 'unknown_column' }); });
  data.forEach((cells, i) => {
    if (cells.every((c) => String(c ?? '').trim() === '')) return;
    const row: Record<string, string> = {};
    cols.forEach((col, j) => { if (col) row[col] = String(cells[j] ?? ''); });
    const { value, problems } = rowToObject(sheet, row);
    src.items.push({ sheet, row: firstDataRow + i, value, problems: problems.map((p) => ({ sheet, row: firstDataRow + i, ...p })) });
  });
}

function readCsv(content: Buffer): Source {
  const src: Source = { kind: 'csv', items: [], fileProblems: [] };
  let rows: string[][];
  try {
    rows = (parseCsv(content, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][])
      .map((r) => r.map(csvUnescapeCell)); // our CSV export neutralises formula-like cells with an apostrophe
  } catch (e) {
    src.fileProblems.push({ sheet: 'file', row: Number((e as { lines?: number }).lines ?? 0), column: '', code: 'malformed_csv' });
    return src;
  }
  // One CSV holds one sheet: profiles have an "organisation" column, organisations do not.
  const sheet: Sheet = (rows[0] ?? []).some((h) => columnOfHeader('profiles', h) === 'organisation') ? 'profiles' : 'organisations';
  tableItems(sheet, rows, 2, src);
  return src;
}

async function readXlsx(content: Buffer): Promise<Source> {
  const src: Source = { kind: 'xlsx', items: [], fileProblems: [] };
  const wb = new ExcelJS.Workbook();
  try { await wb.xlsx.load(content as unknown as ArrayBuffer); } catch {
    src.fileProblems.push({ sheet: 'file', row: 0, column: '', code: 'malformed_xlsx' });
    return src;
  }
  for (const sheet of ['organisations', 'profiles'] as const) {
    const ws = wb.worksheets.find((w) => w.name.toLowerCase() === sheet);
    if (!ws) continue;
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (r, n) => {
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) cells.push(r.getCell(c).text ?? '');
      rows[n - 1] = cells;
    });
    tableItems(sheet, Array.from(rows, (r) => r ?? []), 2, src);
  }
  return src;
}

function issuesToProblems(item: Item, issues: z.core.$ZodIssue[]): ImportProblem[] {
  return issues.flatMap((i) => {
    const code = i.code === 'custom' && /^[a-z_]+$/.test(i.message) ? i.message : i.code === 'invalid_type' && i.input === undefined ? 'required' : i.code;
    if (i.code === 'unrecognized_keys') return i.keys.map((k) => ({ sheet: item.sheet, row: item.row, column: columnOfPath([k]), code: 'unknown_field' }));
    return [{ sheet: item.sheet, row: item.row, column: item.sheet && typeof i.path[0] === 'string' ? columnOfPath(i.path as (string | number)[]) : '', code }];
  });
}

type Checked = { orgs: { item: Item; v: ImportOrganisation }[]; profs: { item: Item; v: ImportProfile }[]; problems: ImportProblem[] };

async function check(db: Tx, src: Source): Promise<Checked & { existingOrgs: Map<string, string>; existingProfiles: Map<string, string> }> {
  const out: Checked = { orgs: [], profs: [], problems: [...src.fileProblems] };
  for (const item of src.items) {
    out.problems.push(...item.problems);
    const schema = item.sheet === 'organisations' ? importOrganisationSchema : importProfileSchema;
    const r = schema.safeParse(item.value);
    if (!r.success) { out.problems.push(...issuesToProblems(item, r.error.issues)); continue; }
    if (item.sheet === 'organisations') out.orgs.push({ item, v: r.data as ImportOrganisation });
    else out.profs.push({ item, v: r.data as ImportProfile });
  }
  const dup = (list: { item: Item; v: { externalId: string } }[]) => {
    const seen = new Map<string, number>();
    for (const { item, v } of list) {
      if (seen.has(v.externalId)) out.problems.push({ sheet: item.sheet, row: item.row, column: 'external_id', code: 'duplicate', value: v.externalId });
      else seen.set(v.externalId, item.row);
    }
  };
  dup(out.orgs); dup(out.profs);
  const existingOrgs = await existingIds(db, 'organisations', [...out.orgs.map((o) => o.v.externalId), ...out.profs.map((p) => p.v.organisation)]);
  const existingProfiles = await existingIds(db, 'profiles', out.profs.map((p) => p.v.externalId));
  const inFile = new Set(out.orgs.map((o) => o.v.externalId));
  const codes = new Set((await db.select({ code: taxonomyAreas.code }).from(taxonomyAreas)).map((r) => r.code));
  const areaCheck = (item: Item, v: { areas: string[]; subAreas: string[] }) => {
    for (const [column, list] of [['areas', v.areas], ['sub_areas', v.subAreas]] as const) {
      for (const a of list) if (!codes.has(a)) out.problems.push({ sheet: item.sheet, row: item.row, column, code: 'unknown_area', value: a });
    }
  };
  for (const { item, v } of out.orgs) areaCheck(item, v);
  for (const { item, v } of out.profs) {
    areaCheck(item, v);
    if (!inFile.has(v.organisation) && !existingOrgs.has(v.organisation)) out.problems.push({ sheet: 'profiles', row: item.row, column: 'organisation', code: 'unknown_organisation', value: v.organisation });
  }
  out.problems.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet.localeCompare(b.sheet)));
  return { ...out, existingOrgs, existingProfiles };
}

/** externalId → id of rows that exist, matching "synergy:<uuid>" ids of rows exported without an external id. */
async function existingIds(db: Tx, table: 'organisations' | 'profiles', externalIds: string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  const t = table === 'organisations' ? organisations : profiles;
  const uniq = [...new Set(externalIds)];
  for (let i = 0; i < uniq.length; i += 1000) {
    const part = uniq.slice(i, i + 1000);
    for (const r of await db.select({ id: t.id, ext: t.externalId }).from(t).where(inArray(t.externalId, part))) map.set(r.ext!, r.id);
    const internal = part.map((e) => SYNERGY_ID.exec(e)?.[1]).filter((x): x is string => !!x);
    if (internal.length) for (const r of await db.select({ id: t.id }).from(t).where(inArray(t.id, internal))) map.set(`synergy:${r.id}`, r.id);
  }
  return map;
}

export async function importSource(ctx: RequestContext, src: Source, opts: { dryRun: boolean; tx?: Tx }): Promise<ImportReport> {
  if (ctx.actor && !canModerateDirectory(ctx.actor)) throw forbidden();
  const inTx = <T>(fn: (tx: Tx) => Promise<T>) => (opts.tx ? fn(opts.tx) : ctx.db.transaction(fn));
  const result = await inTx(async (tx) => {
    const c = await check(tx, src);
    const report: ImportReport = {
      ok: c.problems.length === 0, dryRun: opts.dryRun, kind: src.kind,
      organisations: { total: c.orgs.length, create: c.orgs.filter((o) => !c.existingOrgs.has(o.v.externalId)).length, update: c.orgs.filter((o) => c.existingOrgs.has(o.v.externalId)).length },
      profiles: { total: c.profs.length, create: c.profs.filter((p) => !c.existingProfiles.has(p.v.externalId)).length, update: c.profs.filter((p) => c.existingProfiles.has(p.v.externalId)).length },
      problems: c.problems,
    };
    if (!report.ok || opts.dryRun) return report;
    const orgIds = await upsertOrganisations(tx, ctx, c.orgs.map((o) => o.v), c.existingOrgs);
    const profileIds = await upsertProfiles(tx, ctx, c.profs.map((p) => p.v), orgIds, c.existingProfiles);
    await indexProfiles(tx, profileIds);
    await audit(tx, ctx, { entityType: 'directory', action: 'import', changes: { kind: src.kind, organisations: report.organisations, profiles: report.profiles } });
    return report;
  });
  // A large import changes what the planner should know about the search tables (PGlite has no autovacuum).
  if (result.ok && !opts.dryRun && !opts.tx && result.profiles.total >= 1000) await ctx.db.execute(sql`ANALYZE profiles, profile_search, organisations`);
  return result;
}

/** Throws import_invalid when a real import meets problems (the CLI and the API show the report). */
export function assertImported(r: ImportReport) {
  if (!r.ok) throw new AppError('import_invalid', { params: { count: r.problems.length } });
}

const excluded = (cols: string[]) => Object.fromEntries(cols.map((c) => [c, sql.raw(`excluded.${c.replace(/[A-Z]/g, (x) => `_${x.toLowerCase()}`)}`)]));

async function upsertOrganisations(tx: Tx, ctx: RequestContext, list: ImportOrganisation[], existing: Map<string, string>) {
  const ids = new Map(existing);
  const now = ctx.clock.now();
  for (let i = 0; i < list.length; i += 500) {
    const rows = list.slice(i, i + 500).map((o) => {
      const id = existing.get(o.externalId) ?? newId();
      ids.set(o.externalId, id);
      return {
        id, externalId: storedExternalId(o.externalId, id), name: o.name, shortName: o.shortName ?? {}, description: o.description ?? {},
        country: o.country, type: o.type, city: o.city ?? {}, region: o.region ?? {}, website: o.website ?? null, areas: o.areas, subAreas: o.subAreas,
        verifiedAt: o.verified ? now : null, createdAt: now, updatedAt: now,
      };
    });
    await tx.insert(organisations).values(rows).onConflictDoUpdate({
      target: organisations.id,
      set: { ...excluded(['externalId', 'name', 'shortName', 'description', 'country', 'type', 'city', 'region', 'website', 'areas', 'subAreas', 'updatedAt']),
        // Keep the original verification date when still verified.
        verifiedAt: sql`CASE WHEN excluded.verified_at IS NULL THEN NULL ELSE coalesce(organisations.verified_at, excluded.verified_at) END` },
    });
  }
  const touched = list.map((o) => ids.get(o.externalId)!);
  for (let i = 0; i < touched.length; i += 1000) await tx.delete(organisationContacts).where(inArray(organisationContacts.organisationId, touched.slice(i, i + 1000)));
  const contacts = list.flatMap((o) => o.contacts.map((c, sort) => ({
    id: newId(), organisationId: ids.get(o.externalId)!, name: c.name, position: c.position ?? {}, email: c.email ?? null, phone: c.phone ?? null, visibility: c.visibility, sort,
  })));
  for (let i = 0; i < contacts.length; i += 500) await tx.insert(organisationContacts).values(contacts.slice(i, i + 500));
  return ids;
}

async function upsertProfiles(tx: Tx, ctx: RequestContext, list: ImportProfile[], orgIds: Map<string, string>, existing: Map<string, string>) {
  const now = ctx.clock.now();
  const ids: string[] = [];
  const d = (s?: string) => (s ? new Date(s) : null);
  for (let i = 0; i < list.length; i += 500) {
    const rows = list.slice(i, i + 500).map((p) => {
      const id = existing.get(p.externalId) ?? newId();
      ids.push(id);
      const published = p.status === 'published' || p.status === 'expired' || p.status === 'on_hold';
      const publishedAt = d(p.publishedAt) ?? (published ? now : null);
      const firstPublishedAt = d(p.firstPublishedAt) ?? publishedAt;
      return {
        id, externalId: storedExternalId(p.externalId, id), organisationId: orgIds.get(p.organisation)!, type: p.type, status: p.status,
        title: p.title, summary: p.summary, description: p.description ?? {}, partnerRole: p.partnerRole ?? {}, advantages: p.advantages ?? {},
        technicalSpecification: p.technicalSpecification ?? {}, iprNotes: p.iprNotes ?? {}, technologyKeywords: p.technologyKeywords, marketKeywords: p.marketKeywords,
        areas: p.areas, subAreas: p.subAreas, partnershipTypes: p.partnershipTypes, partnerTypesSought: p.partnerTypesSought, partnerSizeSought: p.partnerSizeSought,
        targetCountries: p.targetCountries, developmentStage: p.developmentStage ?? null, trl: p.trl ?? null, trlMinSought: p.trlMinSought ?? null,
        iprStatus: p.iprStatus ?? null, anonymous: p.anonymous, programme: p.programme ?? null, callExternalId: p.callExternalId ?? null,
        callDeadline: d(p.callDeadline), coordinatorRequired: p.coordinatorRequired ?? null, eoiDeadline: p.eoiDeadline ?? null,
        publishedAt, firstPublishedAt, extensionCount: p.extensionCount ?? 0,
        expiresAt: d(p.expiresAt) ?? (publishedAt ? expiryOnPublish(publishedAt, firstPublishedAt, d(p.callDeadline)) : null),
        submittedAt: p.status === 'submitted' ? now : null, createdAt: now, updatedAt: now,
      };
    });
    await tx.insert(profiles).values(rows).onConflictDoUpdate({
      target: profiles.id,
      set: excluded(['externalId', 'organisationId', 'type', 'status', 'title', 'summary', 'description', 'partnerRole', 'advantages', 'technicalSpecification', 'iprNotes',
        'technologyKeywords', 'marketKeywords', 'areas', 'subAreas', 'partnershipTypes', 'partnerTypesSought', 'partnerSizeSought', 'targetCountries', 'developmentStage',
        'trl', 'trlMinSought', 'iprStatus', 'anonymous', 'programme', 'callExternalId', 'callDeadline', 'coordinatorRequired', 'eoiDeadline', 'publishedAt',
        'firstPublishedAt', 'extensionCount', 'expiresAt', 'updatedAt']),
    });
  }
  return ids;
}
