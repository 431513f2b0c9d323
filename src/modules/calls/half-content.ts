// Reads what a half contains: its sections (parsed, with versions), attachments, and the organisations its
// consortium names (from the directory).
import { asc, eq } from 'drizzle-orm';
import { applicationAttachments, applicationSections } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import { organisationSummaries } from '../directory/queries.ts';
import type { HalfRow } from './facts.ts';
import { sectionSchemas, SECTION_KEYS, type SectionKey, type Sections } from './sections.ts';

export type SectionRow = typeof applicationSections.$inferSelect;
export type AttachmentRow = typeof applicationAttachments.$inferSelect;

/** Stored content parsed through its schema (defaults filled), so readers never see a partial shape. */
export function parseSections(rows: SectionRow[]): Partial<Sections> {
  const out: Partial<Record<SectionKey, unknown>> = {};
  for (const r of rows) {
    if (!(SECTION_KEYS as readonly string[]).includes(r.key)) continue;
    const parsed = sectionSchemas[r.key as SectionKey].safeParse(r.content);
    if (parsed.success) out[r.key as SectionKey] = parsed.data;
  }
  return out as Partial<Sections>;
}

export async function loadHalfContent(tx: Tx, half: HalfRow) {
  const rows = await tx.select().from(applicationSections).where(eq(applicationSections.halfId, half.id)).orderBy(asc(applicationSections.key));
  const attachments = await tx.select().from(applicationAttachments).where(eq(applicationAttachments.halfId, half.id)).orderBy(asc(applicationAttachments.documentCode));
  const sections = parseSections(rows);
  const organisations = await organisationSummaries(tx, (sections.consortium?.organisations ?? []).map((o) => o.organisationId));
  return { rows, sections, attachments, uploaded: attachments.map((a) => a.documentCode), organisations };
}
