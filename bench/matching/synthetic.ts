// Synthetic profiles for the speed benchmark: texts assembled from thesaurus labels (ru / zh /
// en) and ordinary filler words, so concept mapping, stemming and segmentation do real work.
// Seeded PRNG: the same n gives the same profiles.
import { loadThesaurus, type Concept } from '../../src/engines/matching/thesaurus/index.ts';
import { TAXONOMY } from '../../src/shared/taxonomy-data.ts';
import { PARTNERSHIP_TYPES, PROFILE_TYPES, ORG_TYPES } from '../../src/shared/enums.ts';
import type { MatchProfile } from '../../src/engines/matching/types.ts';
import type { Lang } from '../../src/shared/languages.ts';

export function prng(seed: number) {
  let s = seed >>> 0;
  return () => { s = (s + 0x6d2b79f5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

const FILLER: Record<Lang, string[]> = {
  ru: `разработка внедрение предприятие производство испытания установка оборудование линия качество стоимость сырье
    партнер рынок поставки проект лаборатория образец серия контроль сборка ресурс надежность экономия параметры
    мощность скорость точность температура давление материал деталь узел изделие заказчик эксплуатация модернизация
    регион город район завод цех сервис обслуживание обучение специалисты документация стандарт сертификат`.split(/\s+/).filter(Boolean),
  zh: `研发 应用 生产 设备 工艺 产品 质量 成本 市场 客户 项目 实验室 样机 批量 检测 控制 装配 可靠性 节约 参数 功率 速度 精度
    温度 压力 零件 部件 用户 运行 改造 地区 城市 工厂 车间 服务 维护 培训 人员 文件 标准 证书 推广 示范 基地 能力 规模`.split(/\s+/).filter(Boolean),
  en: `development deployment production testing plant equipment line quality cost raw partner market supply project laboratory
    prototype series control assembly reliability savings parameters power speed accuracy temperature pressure component
    customer operation upgrade region city factory workshop service maintenance training specialists documentation standard`.split(/\s+/).filter(Boolean),
};

const TEMPLATES: Record<Lang, (a: string, b: string, f: () => string) => string> = {
  ru: (a, b, f) => `Мы предлагаем ${a} и ${b}: ${f()} ${f()} ${f()}, ${f()} ${f()}.`,
  zh: (a, b, f) => `本单位在${a}和${b}方面${f()}${f()}，${f()}${f()}${f()}。`,
  en: (a, b, f) => `We work on ${a} and ${b} for ${f()} ${f()} ${f()} and ${f()} ${f()}.`,
};

export function syntheticProfiles(n: number, seed = 42): MatchProfile[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const th = loadThesaurus();
  const byArea = new Map<string, Concept[]>();
  for (const c of th.concepts) if (c.area && !c.generic) (byArea.get(c.area) ?? byArea.set(c.area, []).get(c.area)!).push(c);
  const out: MatchProfile[] = [];
  const orgCount = Math.max(10, Math.floor(n / 4));
  for (let i = 0; i < n; i++) {
    const area = pick(TAXONOMY);
    const pool = byArea.get(area.code)!;
    const lang: Lang = rnd() < 0.45 ? 'ru' : rnd() < 0.82 ? 'zh' : 'en';
    const label = (c: Concept) => pick(c[lang]);
    const f = () => pick(FILLER[lang]);
    const concepts = Array.from({ length: 3 + Math.floor(rnd() * 4) }, () => pick(pool));
    if (rnd() < 0.3) concepts.push(pick(byArea.get(pick(TAXONOMY).code)!));
    const sentences: string[] = [];
    for (let k = 0; k + 1 < concepts.length; k += 2) sentences.push(TEMPLATES[lang](label(concepts[k]), label(concepts[k + 1]), f));
    const org = Math.floor(rnd() * orgCount);
    const sub = concepts[0].subArea;
    out.push({
      id: `p${i}`, organisationId: `o${org}`, country: org % 2 ? 'CN' : 'BY', organisationType: pick(ORG_TYPES),
      type: pick(PROFILE_TYPES),
      title: { [lang]: `${label(concepts[0])} ${f()}` },
      summary: { [lang]: sentences.slice(0, 2).join(' ') },
      description: { [lang]: sentences.join(' ') + ' ' + Array.from({ length: 30 }, f).join(lang === 'zh' ? '' : ' ') },
      areas: [area.code], subAreas: sub ? [sub] : [],
      partnershipTypes: [pick(PARTNERSHIP_TYPES)],
      trl: rnd() < 0.5 ? 1 + Math.floor(rnd() * 9) : undefined,
      trlMinSought: rnd() < 0.3 ? 1 + Math.floor(rnd() * 9) : undefined,
    });
  }
  return out;
}
