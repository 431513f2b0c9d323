// Validates the trilingual thesaurus files (see README.md in this folder for the rules).
// Every check collects all violations, so one run lists everything an editor has to fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TAXONOMY } from '../../../shared/taxonomy-data.ts';
import {
  THESAURUS_LANGS, THESAURUS_RAW, ancestorsOf, isAcronym, loadThesaurus, matchKey, matchTokens, normaliseLabel, thesaurusFileSchema,
  type Concept, type Thesaurus, type ThesaurusLang,
} from './index.ts';

const DIR = fileURLToPath(new URL('.', import.meta.url));
const AREA_CODES = TAXONOMY.map((a) => a.code);
const EXPECTED_FILES = ['general', ...AREA_CODES];
const MIN_PER_AREA = 45;
const MIN_GENERAL = 30;
const MIN_TOTAL = 450;
const MIN_PER_SUBAREA = 3;

// Words a label must never normalise to: they occur in every text.
const STOPWORDS: Record<ThesaurusLang, Set<string>> = {
  ru: new Set('в во и на по с со к о об от до из за не то же как для при без под над это или но а у мы вы он она они их его ее все так да нет ли бы'.split(' ')),
  en: new Set('a an the in on at to of is it as by or and for be we he his her its us am are was do if no not so up my me our can may will with from this that one'.split(' ')),
  zh: new Set(),
};
// Capitalised words allowed in ru/en labels besides acronyms (proper nouns and adjectives).
const PROPER = new Set(['Земли', 'Holter', 'Chinese', 'Earth', 'Raman', 'African', 'Belarus', 'Belarusian', 'Китай', 'Китая', 'Китае', 'Беларусь', 'Беларуси']);
// Traditional characters that have a different simplified form (a guard, not a full list).
const TRADITIONAL = new Set([...'機電學網體藥醫療環農產製設備測據計開發資訊導熱氣運輸車鐵鋼質實驗檢裝變壓傳認證標準術處級線圖絡腦軟雲數層塗鍍鑄鍛礦輪齒軸動觸頻號無風陽區園總點種飼養魚蟲獸業廢棄淨顯鏡儀頭邊遠衛盤膠纖維組織復複離鋰鈉儲濾穩']);

const HAN = /\p{Script=Han}/u;
const CYR = /\p{Script=Cyrillic}/u;
const LAT = /\p{Script=Latin}/u;

const th: Thesaurus = loadThesaurus();
const all = th.concepts;

function report(errors: string[], what: string): void {
  assert.deepEqual(errors, [], `${errors.length} ${what}:\n  ${errors.join('\n  ')}`);
}

/** Stemmed tokens of a ru/en label, as the matching engine compares them. */
const stemTokens = (label: string): string[] => matchTokens(label);

const isLatinOnly = (s: string): boolean => !HAN.test(s) && !CYR.test(s);

function linked(a: Concept, b: Concept): boolean {
  return (
    a.related.includes(b.id) || b.related.includes(a.id) ||
    ancestorsOf(th, a.id).has(b.id) || ancestorsOf(th, b.id).has(a.id)
  );
}

test('the folder holds exactly the expected files and each parses against the schema', () => {
  const onDisk = readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
  assert.deepEqual(onDisk, [...EXPECTED_FILES].sort());
  assert.deepEqual(Object.keys(THESAURUS_RAW).sort(), [...EXPECTED_FILES].sort());
  const errors: string[] = [];
  for (const name of EXPECTED_FILES) {
    const r = thesaurusFileSchema.safeParse(THESAURUS_RAW[name]);
    if (!r.success) errors.push(`${name}.json: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  report(errors, 'schema errors');
});

test('file area, concept area and subArea codes agree with the taxonomy', () => {
  const errors: string[] = [];
  for (const [name, file] of Object.entries(th.files)) {
    const area = name === 'general' ? null : name;
    if (file.area !== area) errors.push(`${name}.json: file area ${file.area}, expected ${area}`);
    const subCodes = new Set(TAXONOMY.find((a) => a.code === area)?.subAreas.map((s) => s.code) ?? []);
    for (const c of file.concepts) {
      if (c.area !== area) errors.push(`${c.id}: area ${c.area}, expected ${area} (file ${name}.json)`);
      if (c.subArea !== null && !subCodes.has(c.subArea)) errors.push(`${c.id}: subArea ${c.subArea} is not a sub-area of ${area}`);
    }
  }
  report(errors, 'area errors');
});

test('ids are unique snake_case; broader/related point to existing other concepts; related is symmetric; broader has no cycles', () => {
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const c of all) {
    if (seen.has(c.id)) errors.push(`${c.id}: duplicate id`);
    seen.add(c.id);
  }
  for (const c of all) {
    for (const kind of ['broader', 'related'] as const) {
      const list = c[kind];
      if (new Set(list).size !== list.length) errors.push(`${c.id}: duplicate entries in ${kind}`);
      for (const id of list) {
        if (id === c.id) errors.push(`${c.id}: lists itself in ${kind}`);
        else if (!th.byId.has(id)) errors.push(`${c.id}: ${kind} id "${id}" does not exist`);
      }
    }
    for (const id of c.related) {
      if (c.broader.includes(id)) errors.push(`${c.id}: "${id}" is both broader and related`);
      const other = th.byId.get(id);
      if (other && !other.related.includes(c.id)) errors.push(`${c.id} → ${id}: related is not symmetric (add "${c.id}" to ${id}.related)`);
    }
  }
  // Cycle check on broader (depth-first with colours).
  const colour = new Map<string, 1 | 2>();
  const visit = (id: string, path: string[]): void => {
    if (colour.get(id) === 2) return;
    if (colour.get(id) === 1) { errors.push(`broader cycle: ${[...path, id].join(' → ')}`); return; }
    colour.set(id, 1);
    for (const b of th.byId.get(id)?.broader ?? []) visit(b, [...path, id]);
    colour.set(id, 2);
  };
  for (const c of all) visit(c.id, []);
  report(errors, 'reference errors');
});

test('labels: each language present, clean, in the right script, no duplicates or inflection variants within a concept', () => {
  const errors: string[] = [];
  for (const c of all) {
    for (const lang of THESAURUS_LANGS) {
      const labels = c[lang];
      if (labels.length === 0) errors.push(`${c.id}: no ${lang} label`);
      const keys = new Map<string, string>();
      for (const l of labels) {
        const where = `${c.id} ${lang} "${l}"`;
        if (l !== l.trim() || /\s{2,}/.test(l)) errors.push(`${where}: stray whitespace`);
        const norm = normaliseLabel(l, lang);
        if (norm.length < 2) errors.push(`${where}: too short`);
        const key = matchKey(l, lang);
        if (STOPWORDS[lang].has(norm) || STOPWORDS[lang].has(key)) errors.push(`${where}: normalises or stems to a stop word`);
        if (lang !== 'zh' && !key.includes(' ') && key.length < 3 && !isAcronym(l) && !/\d/.test(l)) errors.push(`${where}: one-word label stems to "${key}", too short to be safe`);
        if (keys.has(key)) errors.push(`${where}: same match key as "${keys.get(key)}" (list synonyms, not inflections)`);
        keys.set(key, l);
        if (lang === 'zh') {
          if (CYR.test(l)) errors.push(`${where}: Cyrillic in a Chinese label`);
          if (/\s/.test(l) && HAN.test(l)) errors.push(`${where}: spaces in a Chinese label`);
          const han = [...l].filter((ch) => HAN.test(ch)).length;
          if (han === 1 && !/[a-z0-9]/i.test(l)) errors.push(`${where}: single-character Chinese label`);
          const trad = [...l].filter((ch) => TRADITIONAL.has(ch));
          if (trad.length) errors.push(`${where}: traditional characters ${trad.join('')}`);
          continue;
        }
        if (HAN.test(l)) errors.push(`${where}: Chinese characters in a ${lang} label`);
        if (lang === 'en' && CYR.test(l)) errors.push(`${where}: Cyrillic in an English label`);
        if (norm.replace(/ /g, '').length === 2 && l !== l.toUpperCase()) errors.push(`${where}: two-letter labels must be acronyms in capitals`);
        for (const tok of l.split(/[\s\-/]+/).filter(Boolean)) {
          if (CYR.test(tok) && LAT.test(tok)) errors.push(`${where}: word "${tok}" mixes Cyrillic and Latin letters`);
          const upper = [...tok].filter((ch) => ch !== ch.toLowerCase()).length;
          const ok = upper === 0 || upper >= 2 || /\d/.test(tok) || /^[A-Z][a-z]?$/.test(tok) || PROPER.has(tok); // X-ray, Li-ion
          if (!ok) errors.push(`${where}: "${tok}" is capitalised (labels are lower-case except acronyms and proper nouns)`);
        }
      }
    }
  }
  report(errors, 'label errors');
});

// Ambiguity rule. A label (after normalisation and stemming) may belong to two concepts of the
// same language only when the two concepts are `related` to each other; then the engine credits both.
// Preferred (first) labels are never shared. Latin-script labels (acronyms such as "PCR", "LED")
// are compared across all three languages, since they occur unchanged in Russian and Chinese texts.
test('no label is shared by unrelated concepts; preferred labels are unique', () => {
  const errors: string[] = [];
  const index = new Map<string, Map<string, { c: Concept; label: string; first: boolean }>>();
  const add = (space: string, key: string, c: Concept, label: string, first: boolean) => {
    const k = `${space}\u0000${key}`;
    if (!index.has(k)) index.set(k, new Map());
    const m = index.get(k)!;
    if (!m.has(c.id)) m.set(c.id, { c, label, first });
    else if (first) m.get(c.id)!.first = true;
  };
  for (const c of all) {
    for (const lang of THESAURUS_LANGS) {
      c[lang].forEach((l, i) => {
        add(lang, matchKey(l, lang), c, l, i === 0);
        if (isLatinOnly(l)) add('latin', stemTokens(l).join(' '), c, l, i === 0);
      });
    }
  }
  for (const [k, m] of index) {
    if (m.size < 2) continue;
    const entries = [...m.values()];
    const space = k.split('\u0000')[0];
    const desc = entries.map((e) => `${e.c.id} "${e.label}"`).join(', ');
    if (space !== 'latin' && entries.some((e) => e.first)) errors.push(`[${space}] a preferred label is shared: ${desc}`);
    for (let i = 0; i < entries.length; i++) {
      for (let j = i + 1; j < entries.length; j++) {
        const a = entries[i].c, b = entries[j].c;
        if (!(a.related.includes(b.id) && b.related.includes(a.id))) errors.push(`[${space}] ${desc}: the concepts must be related to each other or the label removed from one`);
      }
    }
  }
  report(errors, 'ambiguous labels');
});

// Containment rule. Chinese text is matched by substring and Russian/English text by stemmed
// word sequences, so a label contained in another concept's label fires inside it ("激光" in
// "激光熔覆", "сварка" in "лазерная сварка"). That is only acceptable when the two concepts are
// linked (broader chain either way, or related) or the contained label belongs to a generic concept.
test('a label contained in another concept\'s label belongs to a linked or generic concept', () => {
  const errors: string[] = [];
  type Entry = { c: Concept; label: string; norm: string; toks: string[] };
  for (const lang of THESAURUS_LANGS) {
    const entries: Entry[] = [];
    for (const c of all) {
      for (const l of c[lang]) {
        const norm = normaliseLabel(l, lang);
        const toks = lang === 'zh' ? norm.match(/[a-z0-9]+|[^a-z0-9 ]+/g) ?? [] : stemTokens(l);
        entries.push({ c, label: l, norm, toks });
      }
    }
    const containsSeq = (hay: string[], needle: string[]) => {
      if (needle.length >= hay.length) return false;
      outer: for (let i = 0; i + needle.length <= hay.length; i++) {
        for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
        return true;
      }
      return false;
    };
    for (const a of entries) {
      if (a.c.generic) continue;
      const latin = lang === 'zh' && !HAN.test(a.norm);
      for (const b of entries) {
        if (a.c === b.c || a.norm === b.norm) continue;
        const inside = lang === 'zh' && !latin ? b.norm.includes(a.norm) : containsSeq(b.toks, a.toks);
        if (inside && !linked(a.c, b.c)) errors.push(`[${lang}] "${a.label}" (${a.c.id}) is inside "${b.label}" (${b.c.id}): link the concepts or change a label`);
      }
    }
  }
  report(errors, 'contained labels');
});

test('coverage: concepts per file, per sub-area and in total', () => {
  const errors: string[] = [];
  for (const name of EXPECTED_FILES) {
    const n = th.files[name].concepts.length;
    const min = name === 'general' ? MIN_GENERAL : MIN_PER_AREA;
    if (n < min) errors.push(`${name}.json has ${n} concepts, at least ${min} expected`);
  }
  for (const area of TAXONOMY) {
    for (const sub of area.subAreas) {
      const n = all.filter((c) => c.subArea === sub.code).length;
      if (n < MIN_PER_SUBAREA) errors.push(`sub-area ${sub.code} has ${n} concepts, at least ${MIN_PER_SUBAREA} expected`);
    }
  }
  if (all.length < MIN_TOTAL) errors.push(`${all.length} concepts in all, at least ${MIN_TOTAL} expected`);
  report(errors, 'coverage errors');
});

test('general.json carries the cross-cutting concepts and the generic words', () => {
  const general = th.files.general.concepts;
  assert.ok(general.filter((c) => c.generic).length >= 10, 'at least 10 generic concepts in general.json');
  for (const id of ['technology_transfer', 'licensing', 'joint_venture', 'joint_laboratory', 'pilot_production', 'certification']) {
    assert.ok(general.some((c) => c.id === id), `general.json defines ${id}`);
  }
  const areaGeneric = all.filter((c) => c.area !== null && c.generic).map((c) => c.id);
  assert.ok(areaGeneric.length <= 2 * AREA_CODES.length, `few generic concepts in area files (${areaGeneric.join(', ')})`);
});

test('loadThesaurus indexes every concept once and the engine example maps across languages', () => {
  assert.equal(th.byId.size, all.length);
  assert.equal(loadThesaurus(), th, 'cached');
  // The motivating example: a Russian request and a Chinese offer meet on the same concepts.
  const find = (lang: ThesaurusLang, text: string) =>
    all.filter((c) => c[lang].some((l) => {
      const key = matchKey(l, lang);
      return lang === 'zh' ? normaliseLabel(text, 'zh').includes(key) : ` ${stemTokens(text).join(' ')} `.includes(` ${key} `);
    })).map((c) => c.id);
  const ru = find('ru', 'требуется технология лазерной наплавки износостойких покрытий');
  const zh = find('zh', '激光熔覆耐磨涂层技术');
  for (const id of ['laser_cladding', 'wear_resistant_coating']) {
    assert.ok(ru.includes(id), `ru text maps to ${id} (got ${ru.join(', ')})`);
    assert.ok(zh.includes(id), `zh text maps to ${id} (got ${zh.join(', ')})`);
  }
});

test('matchTokens: acronyms are kept, Russian noun forms share one stem, known Snowball collisions are repaired', () => {
  assert.deepEqual(matchTokens('ИИ и БПЛА; UAS, R&D, индустрия 4.0'), ['ии', 'и', 'бпла', 'uas', 'r&d', 'индустр', '4.0']);
  const same = (...forms: string[]) => assert.equal(new Set(forms.map((f) => matchTokens(f).join(' '))).size, 1, forms.join(' / '));
  same('материал', 'материала', 'материалы', 'материалов');
  same('карьерный самосвал', 'карьерные самосвалы', 'карьерного самосвала');
  same('титан', 'титана', 'титаны');
  same('полиэтилен', 'полиэтилена', 'полиэтилены');
  same('графен', 'графена', 'графеном');
  same('лен', 'льна');
  const differ = (a: string, b: string) => assert.notEqual(matchTokens(a).join(' '), matchTokens(b).join(' '), `${a} ≠ ${b}`);
  differ('графен', 'граф');
  differ('графит', 'граф');
  differ('соя', 'со');
  differ('литий', 'литье');
  assert.deepEqual(matchTokens('Laser cladding of coatings'), ['laser', 'clad', 'of', 'coat']);
});
