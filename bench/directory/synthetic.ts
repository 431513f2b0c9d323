// Synthetic trilingual profiles for benchmarks: terms from the matching thesaurus, glued into
// titles, summaries and descriptions; Chinese text without spaces, as people write it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { organisations, profiles } from '../../src/db/schema/index.ts';
import { newId } from '../../src/platform/tokens.ts';
import { indexProfiles } from '../../src/modules/profiles/search-index.ts';
import { ORG_TYPES, PARTNERSHIP_TYPES, PROFILE_TYPES } from '../../src/shared/enums.ts';

type Concept = { area: string | null; subArea: string | null; ru: string[]; zh: string[]; en: string[] };
const dir = fileURLToPath(new URL('../../src/engines/matching/thesaurus/', import.meta.url));
export const CONCEPTS: Concept[] = readdirSync(dir).filter((f) => f.endsWith('.json'))
  .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { concepts: Concept[] }).concepts);

const RU_FILL = ['разработка', 'внедрение', 'для', 'предприятий', 'с', 'использованием', 'новых', 'методов', 'и', 'оборудования', 'в', 'области', 'совместный', 'проект'];
const EN_FILL = ['development', 'of', 'for', 'industrial', 'use', 'with', 'new', 'methods', 'and', 'equipment', 'in', 'the', 'field', 'joint', 'project'];
const ZH_FILL = ['开发', '应用', '用于', '企业', '采用', '新', '方法', '和', '设备', '领域', '联合', '项目', '的'];

let seed = 42;
export const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
export const pick = <T>(a: T[]): T => a[Math.floor(rnd() * a.length)];

function text(lang: 'ru' | 'en' | 'zh', concepts: Concept[], words: number): string {
  const out: string[] = [];
  const fill = lang === 'ru' ? RU_FILL : lang === 'en' ? EN_FILL : ZH_FILL;
  while (out.length < words) out.push(rnd() < 0.45 ? pick(pick(concepts)[lang]) : pick(fill));
  return out.join(lang === 'zh' ? '' : ' ');
}

export async function generate(db: Db, n: number, log = (s: string) => console.log(s)) {
  const now = new Date();
  const orgIds: { id: string; country: string }[] = [];
  for (let i = 0; i < 300; i++) {
    const id = newId();
    const country = i % 2 ? 'CN' : 'BY';
    orgIds.push({ id, country });
    await db.insert(organisations).values({ id, name: { en: `Org ${i}`, ru: `Организация ${i}`, zh: `单位${i}` }, country, type: ORG_TYPES[i % ORG_TYPES.length], createdAt: now, updatedAt: now });
  }
  const BATCH = 1000;
  const t0 = performance.now();
  for (let b = 0; b < n; b += BATCH) {
    const rows: (typeof profiles.$inferInsert)[] = [];
    for (let i = b; i < Math.min(n, b + BATCH); i++) {
      const cs = Array.from({ length: 4 }, () => pick(CONCEPTS));
      const org = pick(orgIds);
      const langs = rnd() < 0.6 ? ['ru', 'zh', 'en'] : rnd() < 0.5 ? ['ru', 'en'] : ['zh', 'en'];
      const ml = (words: number) => Object.fromEntries(langs.map((l) => [l, text(l as 'ru', cs, words)]));
      const at = new Date(now.getTime() - Math.floor(rnd() * 700) * 86400_000);
      rows.push({
        id: newId(), organisationId: org.id, type: pick([...PROFILE_TYPES]), status: rnd() < 0.85 ? 'published' : pick(['draft', 'submitted', 'expired']),
        title: ml(8), summary: ml(30), description: ml(120),
        technologyKeywords: cs.slice(0, 2).map((c) => c.en[0]), marketKeywords: [],
        areas: [...new Set(cs.map((c) => c.area).filter((a): a is string => !!a))], subAreas: [...new Set(cs.map((c) => c.subArea).filter((a): a is string => !!a))],
        partnershipTypes: [pick([...PARTNERSHIP_TYPES])], trl: 1 + Math.floor(rnd() * 9),
        publishedAt: at, createdAt: at, updatedAt: at,
      });
    }
    await db.transaction(async (tx) => {
      await tx.insert(profiles).values(rows);
      await indexProfiles(tx, rows.map((r) => r.id));
    });
    if ((b / BATCH) % 10 === 9) log(`  ${b + BATCH} profiles, ${Math.round((performance.now() - t0) / 1000)} s`);
  }
  await db.execute(sql`ANALYZE`);
}
