// Export in the exchange format: JSON (re-imports unchanged), CSV (one sheet) and XLSX (two
// sheets), plus the XLSX template with trilingual headers.
import { asc, inArray } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { csvSafeRows } from '../../platform/csv-safety.ts';
import { organisationContacts, organisations, profiles } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import { IMPORT_FORMAT, IMPORT_VERSION, type ImportFile } from '../../shared/import-format.ts';
import { filledLangs, type Ml } from '../../shared/languages.ts';
import { columns, headerLabel, objectToRow, type Sheet } from './columns.ts';

const ext = (row: { id: string; externalId: string | null }) => row.externalId ?? `synergy:${row.id}`;
const ml = (v: Ml) => (filledLangs(v).length ? v : undefined);
const iso = (d: Date | null) => d?.toISOString().replace('Z', '+00:00');

/** Drops undefined values so the JSON is exactly what the import schema produces. */
const clean = <T extends Record<string, unknown>>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;

export async function exportData(db: Tx, opts: { profileIds?: string[]; now: Date }): Promise<ImportFile> {
  const profRows = opts.profileIds
    ? (opts.profileIds.length ? await db.select().from(profiles).where(inArray(profiles.id, opts.profileIds)).orderBy(asc(profiles.createdAt), asc(profiles.id)) : [])
    : await db.select().from(profiles).orderBy(asc(profiles.createdAt), asc(profiles.id));
  const orgIdSet = opts.profileIds ? [...new Set(profRows.map((p) => p.organisationId))] : null;
  const orgRows = orgIdSet
    ? (orgIdSet.length ? await db.select().from(organisations).where(inArray(organisations.id, orgIdSet)).orderBy(asc(organisations.createdAt), asc(organisations.id)) : [])
    : await db.select().from(organisations).orderBy(asc(organisations.createdAt), asc(organisations.id));
  const contacts = await db.select().from(organisationContacts).orderBy(asc(organisationContacts.sort));
  const orgExt = new Map(orgRows.map((o) => [o.id, ext(o)]));
  return {
    format: IMPORT_FORMAT, version: IMPORT_VERSION, exportedAt: iso(opts.now),
    organisations: orgRows.map((o) => clean({
      externalId: ext(o), name: o.name, shortName: ml(o.shortName), description: ml(o.description), country: o.country, type: o.type as never,
      city: ml(o.city), region: ml(o.region), website: o.website ?? undefined, areas: o.areas, subAreas: o.subAreas, verified: !!o.verifiedAt,
      contacts: contacts.filter((c) => c.organisationId === o.id).map((c) => clean({
        name: c.name, position: ml(c.position), email: c.email ?? undefined, phone: c.phone ?? undefined, visibility: c.visibility as never,
      })),
    })),
    profiles: profRows.map((p) => clean({
      externalId: ext(p), organisation: orgExt.get(p.organisationId) ?? `synergy:${p.organisationId}`, type: p.type as never, status: p.status as never,
      title: p.title, summary: p.summary, description: ml(p.description), partnerRole: ml(p.partnerRole), advantages: ml(p.advantages),
      technicalSpecification: ml(p.technicalSpecification), iprNotes: ml(p.iprNotes), technologyKeywords: p.technologyKeywords, marketKeywords: p.marketKeywords,
      areas: p.areas, subAreas: p.subAreas, partnershipTypes: p.partnershipTypes as never, partnerTypesSought: p.partnerTypesSought as never,
      partnerSizeSought: p.partnerSizeSought as never, targetCountries: p.targetCountries, developmentStage: p.developmentStage as never, trl: p.trl,
      trlMinSought: p.trlMinSought, iprStatus: p.iprStatus as never, anonymous: p.anonymous, programme: p.programme, callExternalId: p.callExternalId,
      coordinatorRequired: p.coordinatorRequired, eoiDeadline: p.eoiDeadline, publishedAt: iso(p.publishedAt), expiresAt: iso(p.expiresAt),
      callDeadline: iso(p.callDeadline), firstPublishedAt: iso(p.firstPublishedAt), extensionCount: p.extensionCount,
    })),
  } as ImportFile;
}

export function toCsv(file: ImportFile, sheet: Sheet): Buffer {
  const cols = columns(sheet).map((c) => c.column);
  const rows = (file[sheet] as unknown as Record<string, unknown>[]).map((o) => objectToRow(sheet, o));
  return Buffer.from('\uFEFF' + stringify(csvSafeRows(rows), { header: true, columns: cols }), 'utf8');
}

async function workbook(file: ImportFile | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Synergy';
  for (const sheet of ['organisations', 'profiles'] as const) {
    const ws = wb.addWorksheet(sheet);
    const cols = columns(sheet);
    // The template carries the trilingual labels in the header; exports use the plain keys.
    ws.addRow(cols.map((c) => (file ? c.column : headerLabel(c))));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    cols.forEach((_, i) => { ws.getColumn(i + 1).width = 24; });
    if (file) for (const o of file[sheet] as unknown as Record<string, unknown>[]) { const r = objectToRow(sheet, o); ws.addRow(cols.map((c) => r[c.column])); }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const toXlsx = (file: ImportFile) => workbook(file);
export const templateXlsx = () => workbook(null);
