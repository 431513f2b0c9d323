// Facet counts for searches without a text query (the marketplace landing page, filter-only
// searches), counted in memory. In SQL such a search aggregates every matching row's facet keys —
// ~85,000 rows and 300–480 ms at 100,000 profiles; here a loop over small integer arrays does it in
// a few milliseconds. Searches with a text query keep the SQL path (their matches are few).
//
// One index per process and database (a WeakMap keyed by the Drizzle handle, as matching does).
// Freshness across processes comes from a commit-safe change feed: every write of a profile_search
// row stores the writing transaction's id in `indexed_xid` (a trigger, migration 0008). A read
// remembers xmin of its snapshot; the next catch-up re-reads rows with indexed_xid >= that xmin, in
// one statement that also returns its own snapshot's xmin. Why nothing is missed: a transaction T
// not yet visible to snapshot S was either in progress at S (so xid(T) >= xmin(S), xmin being the
// oldest transaction still running) or got its xid after S (xid(T) >= xmax(S) >= xmin(S)). So when T
// commits, the next catch-up reads its rows; while it is still running, a later snapshot's xmin is
// <= xid(T) again. Timestamps would not do: a long import commits late with early times.
// Rows seen before come back while an old transaction keeps xmin low; upserting them is harmless.
// The app never deletes search rows (only a restore replaces them, which changes the table's oid);
// a full reload every RELOAD_MS bounds anything else done by hand.
import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { queryRows, type Db, type Tx } from '../../db/client.ts';

export type Facets = { total: number } & Record<FacetName, Record<string, number>>;
export type FacetName = 'type' | 'country' | 'orgType' | 'area' | 'subArea' | 'partnershipType' | 'trl';
const FACETS: readonly FacetName[] = ['type', 'country', 'orgType', 'area', 'subArea', 'partnershipType', 'trl'];

/** A search's filters as plan() reads them (status already resolved for the viewer). */
export type FacetFilter = {
  status: string; type?: string[]; country?: string[]; orgType?: string[]; area?: string; subArea?: string;
  partnershipType?: string[]; trlMin?: number; trlMax?: number;
};

/** One profile_search row as the index needs it: its facet keys encode every filter field but status. */
export type FacetRow = { profileId: string; status: string; facetKeys: string[] };

/** The facet keys of a profile (the same as search-index.ts builds in SQL); for tests and tools. */
export function facetKeysOf(p: { type: string; country: string; orgType: string; trl: number | null; areas?: string[]; subAreas?: string[]; partnershipTypes?: string[] }): string[] {
  return [`type:${p.type}`, `country:${p.country}`, `orgType:${p.orgType}`, ...(p.trl === null ? [] : [`trl:${p.trl}`]),
    ...(p.areas ?? []).map((x) => `area:${x}`), ...(p.subAreas ?? []).map((x) => `subArea:${x}`),
    ...(p.partnershipTypes ?? []).map((x) => `partnershipType:${x}`)];
}

const emptyFacets = (): Facets => ({ total: 0, type: {}, country: {}, orgType: {}, area: {}, subArea: {}, partnershipType: {}, trl: {} });

const grow = (a: Int32Array<ArrayBuffer>, min: number): Int32Array<ArrayBuffer> => {
  if (min <= a.length) return a;
  const b = new Int32Array(Math.max(min, a.length * 2));
  b.set(a);
  return b;
};

/**
 * The in-memory table, pure (no database): per row a status id and the ids of its facet keys, all
 * in flat typed arrays (row r's keys are data[start[r] .. start[r] + len[r]]). A replaced row that
 * got longer moves to the end; the space it leaves is reclaimed by compacting when it piles up.
 */
export class FacetTable {
  private readonly keyIds = new Map<string, number>();
  /** per key id: its facet (index into FACETS, -1 for an unknown prefix) and its value */
  private readonly keyFacet: number[] = [];
  private readonly keyValue: string[] = [];
  private readonly statusIds = new Map<string, number>();
  private readonly slots = new Map<string, number>();
  private rows = 0;
  private status = new Int32Array(1024);
  private start = new Int32Array(1024);
  private len = new Int32Array(1024);
  private data = new Int32Array(8192);
  private used = 0;
  private garbage = 0;

  get size() { return this.rows; }

  private keyId(k: string): number {
    let id = this.keyIds.get(k);
    if (id === undefined) {
      id = this.keyFacet.length;
      this.keyIds.set(k, id);
      const i = k.indexOf(':');
      this.keyFacet.push(i < 0 ? -1 : FACETS.indexOf(k.slice(0, i) as FacetName));
      this.keyValue.push(k.slice(i + 1));
    }
    return id;
  }

  /** Adds the row, or replaces the one with the same profile id. */
  upsert(r: FacetRow): void {
    let slot = this.slots.get(r.profileId);
    const n = r.facetKeys.length;
    if (slot === undefined) {
      slot = this.rows++;
      this.slots.set(r.profileId, slot);
      if (slot >= this.status.length) {
        this.status = grow(this.status, slot + 1); this.start = grow(this.start, slot + 1); this.len = grow(this.len, slot + 1);
      }
      this.len[slot] = 0;
    }
    let sid = this.statusIds.get(r.status);
    if (sid === undefined) { sid = this.statusIds.size; this.statusIds.set(r.status, sid); }
    this.status[slot] = sid;
    if (n > this.len[slot]) {
      this.garbage += this.len[slot];
      if (this.garbage > 4096 && this.garbage > this.used / 2) this.compact();
      this.data = grow(this.data, this.used + n);
      this.start[slot] = this.used;
      this.used += n;
    } else this.garbage += this.len[slot] - n;
    const at = this.start[slot];
    for (let i = 0; i < n; i++) this.data[at + i] = this.keyId(r.facetKeys[i]);
    this.len[slot] = n;
  }

  private compact() {
    const data = new Int32Array(Math.max(8192, (this.used - this.garbage) * 2));
    let used = 0;
    for (let r = 0; r < this.rows; r++) {
      data.set(this.data.subarray(this.start[r], this.start[r] + this.len[r]), used);
      this.start[r] = used;
      used += this.len[r];
    }
    this.data = data;
    this.used = used;
    this.garbage = 0;
  }

  /** Facet counts of the rows matching `f`: the same numbers as search.ts's SQL over plan()'s filters. */
  count(f: FacetFilter): Facets {
    const out = emptyFacets();
    const sid = this.statusIds.get(f.status);
    if (sid === undefined) return out;
    // Each filter is one bit; a key satisfying a filter carries its bit. A row matches when the OR of
    // its keys' bits has every filter's bit (type IN, area contained, partnership types overlap… are
    // all "has one of these keys"; a TRL range is "has a trl key within it", so a null TRL fails it).
    const mask = new Uint8Array(this.keyFacet.length);
    let need = 0;
    const accept = (bit: number, keys: string[]) => {
      need |= bit;
      for (const k of keys) { const id = this.keyIds.get(k); if (id !== undefined) mask[id] |= bit; }
    };
    if (f.type?.length) accept(1, f.type.map((x) => `type:${x}`));
    if (f.country?.length) accept(2, f.country.map((x) => `country:${x}`));
    if (f.orgType?.length) accept(4, f.orgType.map((x) => `orgType:${x}`));
    if (f.area) accept(8, [`area:${f.area}`]);
    if (f.subArea) accept(16, [`subArea:${f.subArea}`]);
    if (f.partnershipType?.length) accept(32, f.partnershipType.map((x) => `partnershipType:${x}`));
    if (f.trlMin || f.trlMax) {
      const trl = FACETS.indexOf('trl');
      const inRange: string[] = [];
      for (let id = 0; id < this.keyFacet.length; id++) {
        if (this.keyFacet[id] !== trl) continue;
        const n = Number(this.keyValue[id]);
        if ((!f.trlMin || n >= f.trlMin) && (!f.trlMax || n <= f.trlMax)) inRange.push(`trl:${this.keyValue[id]}`);
      }
      accept(64, inRange);
    }
    const counts = new Int32Array(this.keyFacet.length);
    const { status, start, len, data } = this;
    for (let r = 0, n = this.rows; r < n; r++) {
      if (status[r] !== sid) continue;
      const from = start[r], to = from + len[r];
      if (need) {
        let bits = 0;
        for (let i = from; i < to; i++) bits |= mask[data[i]];
        if ((bits & need) !== need) continue;
      }
      for (let i = from; i < to; i++) counts[data[i]]++;
    }
    for (let id = 0; id < counts.length; id++) {
      if (!counts[id] || this.keyFacet[id] < 0) continue;
      const facet = FACETS[this.keyFacet[id]];
      out[facet][this.keyValue[id]] = counts[id];
      if (facet === 'type') out.total += counts[id];
    }
    return out;
  }
}

/** A full reload this often bounds changes the feed cannot show (rows deleted by hand). */
export const RELOAD_MS = 10 * 60_000;

type Loaded = { table: FacetTable; xmin: string; rel: string; loadedAt: number };
/** A chunk of rows: comma-separated ids, JSON arrays of statuses and of facet key arrays, in the same order. */
type FeedRow = { xmin: string; rel: string; ids: string | null; statuses: string | null; keys: string | null };

function upsertChunk(table: FacetTable, c: FeedRow): number {
  if (!c.ids) return 0;
  const ids = c.ids.split(',');
  const statuses = JSON.parse(c.statuses!) as string[];
  const keys = JSON.parse(c.keys!) as string[][];
  for (let i = 0; i < ids.length; i++) table.upsert({ profileId: ids[i], status: statuses[i], facetKeys: keys[i] });
  return ids.length;
}

export class FacetIndex {
  private state: Loaded | null = null;
  private running: Promise<FacetTable> | null = null;
  private queued: Promise<FacetTable> | null = null;
  private reloading: Promise<void> | null = null;
  private readonly reloadMs: number;
  /** Counters for tests and logs. */
  stats = { loads: 0, catchUps: 0, rowsRead: 0 };

  constructor(private readonly db: Db, opts: { reloadMs?: number } = {}) {
    this.reloadMs = opts.reloadMs ?? RELOAD_MS;
  }

  async counts(f: FacetFilter): Promise<Facets> {
    return (await this.current()).count(f);
  }

  /**
   * The table, caught up with everything committed before the call. One load or catch-up runs at a
   * time; callers arriving while one runs share the next one (the running one may have taken its
   * snapshot before the caller's own change committed).
   */
  current(): Promise<FacetTable> {
    if (!this.running) {
      const run: Promise<FacetTable> = this.sync().finally(() => { if (this.running === run) this.running = null; });
      this.running = run;
      return run;
    }
    if (!this.queued) {
      const next: Promise<FacetTable> = this.running.catch(() => undefined).then(() => { this.queued = null; return this.current(); });
      this.queued = next;
    }
    return this.queued;
  }

  /** Resolves when a periodic reload started in the background is done (for tests). */
  async settled(): Promise<void> { await this.reloading; }

  private async sync(): Promise<FacetTable> {
    const s = this.state;
    if (!s) return (this.state = await this.load()).table;
    // The periodic reload runs beside the catch-ups and is swapped in when complete: the new table is
    // consistent with its own snapshot, and the next catch-up brings it up to date.
    if (!this.reloading && performance.now() - s.loadedAt > this.reloadMs) {
      this.reloading = this.load().then((fresh) => { this.state = fresh; }, () => undefined).finally(() => { this.reloading = null; });
    }
    const chunks = await this.feed(s.xmin);
    // A restore drops and recreates the table: its rows may be anything, start again.
    if (chunks[0].rel !== s.rel) return (this.state = await this.load()).table;
    for (const c of chunks) this.stats.rowsRead += upsertChunk(s.table, c);
    s.xmin = chunks[0].xmin;
    this.stats.catchUps++;
    return s.table;
  }

  private async load(): Promise<Loaded> {
    const chunks = await this.feed(null);
    const table = new FacetTable();
    for (const c of chunks) {
      this.stats.rowsRead += upsertChunk(table, c);
      await new Promise(setImmediate); // other requests are served between chunks
    }
    this.stats.loads++;
    return { table, xmin: chunks[0].xmin, rel: chunks[0].rel, loadedAt: performance.now() };
  }

  /**
   * Rows written by transactions with id >= `since` (all rows when null) and the xmin of the same
   * statement's snapshot — one statement, so no commit can fall between the rows and the xmin.
   * Always at least one row (the LEFT JOIN), carrying xmin and the table's oid. Rows come in up to 64
   * aggregated chunks: PGlite spends ~10 µs per result row in JavaScript, 1.5 s for a full load row
   * by row, ~0.5 s in chunks; JSON keeps any key text intact. The upper bound changes nothing (a
   * row visible to the snapshot was written by a transaction that ended before it, below its xmax)
   * but makes it a range: without statistics on indexed_xid (right after migration 0008) PostgreSQL
   * guesses a third of the table for `>=` alone and scans it all (~150 ms), a range it guesses small.
   */
  private feed(since: string | null): Promise<FeedRow[]> {
    return queryRows<FeedRow>(this.db, sql`
      SELECT x.xmin::text AS xmin, x.rel::text AS rel, c.ids, c.statuses, c.keys
      FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin, 'profile_search'::regclass::oid AS rel) x
      LEFT JOIN (SELECT string_agg(s.profile_id::text, ',') AS ids, json_agg(s.status)::text AS statuses, json_agg(s.facet_keys)::text AS keys
        FROM profile_search s ${since === null ? sql`` : sql`WHERE s.indexed_xid >= ${since}::xid8 AND s.indexed_xid < pg_snapshot_xmax(pg_current_snapshot())`}
        GROUP BY hashtext(s.profile_id::text) & 63) c ON true`);
  }
}

// Keyed by the Drizzle handle: tests run several apps (databases) in one process.
const indexes = new WeakMap<object, FacetIndex>();

/**
 * The facet index of `db`, or null inside a transaction: a transaction may hold uncommitted
 * changes the index must not see (nor miss), and on PGlite a query on the root handle would wait
 * for the open transaction — so callers fall back to SQL there.
 */
export function facetIndex(db: Tx): FacetIndex | null {
  if (db instanceof PgTransaction) return null;
  let ix = indexes.get(db);
  if (!ix) { ix = new FacetIndex(db as Db); indexes.set(db, ix); }
  return ix;
}
