// One matching index per process and database, built lazily from the published profiles and kept
// current incrementally: every use first asks the database which profiles (or their organisations)
// changed since the watermark and upserts/removes just those. Several server processes therefore
// stay correct without shared memory: each catches up from the database before answering.
import { and, eq, gte, inArray, or, sql } from 'drizzle-orm';
import { organisations, profiles } from '../../db/schema/index.ts';
import type { Db, Tx } from '../../db/client.ts';
import { buildIndex, type MatchIndex, type MatchProfile } from '../../engines/matching/index.ts';
import type { OrgType, PartnershipType, ProfileType } from '../../shared/enums.ts';

/**
 * Changes are looked up from `watermark - LAG_MS`: a transaction that committed after another one
 * may carry an earlier updated_at, and the lag lets the next refresh still see it. Rows already
 * indexed with the same stamp are skipped, so the overlap costs one small query.
 */
export const LAG_MS = 120_000;

type Row = { p: typeof profiles.$inferSelect; o: typeof organisations.$inferSelect };

export function toMatchProfile({ p, o }: Row): MatchProfile {
  return {
    id: p.id, organisationId: p.organisationId, country: o.country, organisationType: o.type as OrgType,
    type: p.type as ProfileType, status: p.status, title: p.title, summary: p.summary, description: p.description,
    partnerRole: p.partnerRole, advantages: p.advantages, technicalSpecification: p.technicalSpecification,
    technologyKeywords: p.technologyKeywords, marketKeywords: p.marketKeywords, areas: p.areas, subAreas: p.subAreas,
    partnershipTypes: p.partnershipTypes as PartnershipType[], partnerTypesSought: p.partnerTypesSought as OrgType[],
    targetCountries: p.targetCountries, developmentStage: (p.developmentStage ?? undefined) as MatchProfile['developmentStage'],
    trl: p.trl ?? undefined, trlMinSought: p.trlMinSought ?? undefined, expiresAt: p.expiresAt?.toISOString(),
  };
}

/** Stamp of a profile as the index sees it: the later of its own and its organisation's change. */
const stampOf = (p: { updatedAt: Date }, o: { updatedAt: Date }) => Math.max(p.updatedAt.getTime(), o.updatedAt.getTime());

export class MatchingIndexService {
  private index: MatchIndex | null = null;
  /** profile id → stamp it was indexed (or found unpublished) with */
  private readonly stamps = new Map<string, number>();
  private watermark = -Infinity;
  private chain: Promise<unknown> = Promise.resolve();
  /** Counters for tests and logs. */
  stats = { builds: 0, upserts: 0, removals: 0 };

  constructor(private readonly db: Db) {}

  /** The index, caught up with the database. Calls are serialised within the process. */
  current(): Promise<MatchIndex> {
    const run = this.chain.then(() => (this.index ? this.refresh() : this.build()));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async build(): Promise<MatchIndex> {
    const rows = await this.db.select({ p: profiles, o: organisations }).from(profiles)
      .innerJoin(organisations, eq(organisations.id, profiles.organisationId)).where(eq(profiles.status, 'published'));
    // Built in slices of ~50 ms with the event loop served in between: at 100,000 profiles the whole
    // build takes minutes of CPU, which in one piece would leave the server deaf to every request.
    const index = buildIndex([]);
    await inSlices(rows.sort((a, b) => (a.p.id < b.p.id ? -1 : 1)), (r) => index.upsert(toMatchProfile(r)));
    index.refreshNorms();
    for (const r of rows) this.note(r.p.id, stampOf(r.p, r.o));
    // Later refreshes look at everything changed since the newest stamp of any profile (not only published).
    const [m] = await this.db.select({ max: sql<string | null>`max(greatest(${profiles.updatedAt}, ${organisations.updatedAt}))` })
      .from(profiles).innerJoin(organisations, eq(organisations.id, profiles.organisationId));
    if (m?.max) this.watermark = Math.max(this.watermark, new Date(m.max).getTime());
    this.index = index;
    this.stats.builds++;
    return index;
  }

  private note(id: string, stamp: number) {
    this.stamps.set(id, stamp);
    if (stamp > this.watermark) this.watermark = stamp;
  }

  private async refresh(): Promise<MatchIndex> {
    const index = this.index!;
    const since = new Date(Number.isFinite(this.watermark) ? this.watermark - LAG_MS : 0);
    const changed = await this.db.select({ id: profiles.id, status: profiles.status, pu: profiles.updatedAt, ou: organisations.updatedAt })
      .from(profiles).innerJoin(organisations, eq(organisations.id, profiles.organisationId))
      .where(or(gte(profiles.updatedAt, since), gte(organisations.updatedAt, since)));
    const toLoad: string[] = [];
    for (const c of changed) {
      const stamp = stampOf({ updatedAt: c.pu }, { updatedAt: c.ou });
      if (this.stamps.get(c.id) === stamp) continue;
      if (c.status === 'published') toLoad.push(c.id);
      else {
        if (index.remove(c.id)) this.stats.removals++;
        this.note(c.id, stamp);
      }
    }
    if (toLoad.length) {
      const rows = await this.db.select({ p: profiles, o: organisations }).from(profiles)
        .innerJoin(organisations, eq(organisations.id, profiles.organisationId)).where(and(inArray(profiles.id, toLoad), eq(profiles.status, 'published')));
      await inSlices(rows.sort((a, b) => (a.p.id < b.p.id ? -1 : 1)), (r) => {
        index.upsert(toMatchProfile(r));
        this.note(r.p.id, stampOf(r.p, r.o));
        this.stats.upserts++;
      });
    }
    return index;
  }
}

/** Runs fn over items, yielding to the event loop every ~50 ms so requests are served meanwhile. */
async function inSlices<T>(items: T[], fn: (item: T) => void, sliceMs = 50): Promise<void> {
  let t = performance.now();
  for (const item of items) {
    fn(item);
    if (performance.now() - t > sliceMs) { await new Promise((r) => setImmediate(r)); t = performance.now(); }
  }
}

// Keyed by the Drizzle handle: tests run several apps (databases) in one process.
const services = new WeakMap<object, MatchingIndexService>();

export function matchingIndex(db: Db): MatchingIndexService {
  let s = services.get(db);
  if (!s) { s = new MatchingIndexService(db); services.set(db, s); }
  return s;
}

export type { Tx };
