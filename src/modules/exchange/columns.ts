// Columns of the CSV/XLSX form of the exchange format (docs/import-format.md). One sheet per
// entity; multilingual fields become <field>_ru / _zh / _en; lists are separated by ";".
// Pure: converts rows to the JSON shape and back, no database, no files.
import { LANGS, type Lang } from '../../shared/languages.ts';

export type Kind = 'ml' | 'text' | 'list' | 'int' | 'bool' | 'json';
export type Field = { key: string; kind: Kind; label: Record<Lang, string> };
export type Sheet = 'organisations' | 'profiles';

const f = (key: string, kind: Kind, ru: string, zh: string, en: string): Field => ({ key, kind, label: { ru, zh, en } });

export const ORG_FIELDS: Field[] = [
  f('externalId', 'text', 'Внешний ID', '外部编号', 'External ID'),
  f('name', 'ml', 'Название', '名称', 'Name'),
  f('shortName', 'ml', 'Краткое название', '简称', 'Short name'),
  f('description', 'ml', 'Описание', '简介', 'Description'),
  f('country', 'text', 'Страна (ISO)', '国家（ISO）', 'Country (ISO)'),
  f('type', 'text', 'Тип', '类型', 'Type'),
  f('city', 'ml', 'Город', '城市', 'City'),
  f('region', 'ml', 'Регион', '地区', 'Region'),
  f('website', 'text', 'Сайт', '网站', 'Website'),
  f('areas', 'list', 'Направления', '领域', 'Areas'),
  f('subAreas', 'list', 'Поднаправления', '子领域', 'Sub-areas'),
  f('verified', 'bool', 'Проверена', '已验证', 'Verified'),
  f('contacts', 'json', 'Контакты (JSON)', '联系人（JSON）', 'Contacts (JSON)'),
];

export const PROFILE_FIELDS: Field[] = [
  f('externalId', 'text', 'Внешний ID', '外部编号', 'External ID'),
  f('organisation', 'text', 'ID организации', '单位编号', 'Organisation ID'),
  f('type', 'text', 'Тип профиля', '类型', 'Profile type'),
  f('status', 'text', 'Статус', '状态', 'Status'),
  f('title', 'ml', 'Заголовок', '标题', 'Title'),
  f('summary', 'ml', 'Краткое описание', '摘要', 'Summary'),
  f('description', 'ml', 'Описание', '详细描述', 'Description'),
  f('partnerRole', 'ml', 'Роль партнёра', '合作伙伴角色', 'Partner role'),
  f('advantages', 'ml', 'Преимущества', '优势与创新', 'Advantages'),
  f('technicalSpecification', 'ml', 'Техническое задание', '技术要求', 'Technical specification'),
  f('iprNotes', 'ml', 'ИС: примечания', '知识产权说明', 'IPR notes'),
  f('technologyKeywords', 'list', 'Ключевые слова (технологии)', '技术关键词', 'Technology keywords'),
  f('marketKeywords', 'list', 'Ключевые слова (рынок)', '市场关键词', 'Market keywords'),
  f('areas', 'list', 'Направления', '领域', 'Areas'),
  f('subAreas', 'list', 'Поднаправления', '子领域', 'Sub-areas'),
  f('partnershipTypes', 'list', 'Формы сотрудничества', '合作方式', 'Partnership types'),
  f('partnerTypesSought', 'list', 'Тип партнёра', '合作伙伴类型', 'Partner types sought'),
  f('partnerSizeSought', 'text', 'Размер партнёра', '合作伙伴规模', 'Partner size'),
  f('targetCountries', 'list', 'Целевые страны', '目标国家', 'Target countries'),
  f('developmentStage', 'text', 'Стадия разработки', '开发阶段', 'Development stage'),
  f('trl', 'int', 'УГТ (TRL)', '技术成熟度', 'TRL'),
  f('trlMinSought', 'int', 'Мин. УГТ партнёра', '最低技术成熟度', 'Minimum TRL sought'),
  f('iprStatus', 'text', 'Статус ИС', '知识产权状态', 'IPR status'),
  f('anonymous', 'bool', 'Анонимно', '匿名', 'Anonymous'),
  f('programme', 'text', 'Программа', '计划', 'Programme'),
  f('callExternalId', 'text', 'ID конкурса', '项目征集编号', 'Call ID'),
  f('callDeadline', 'text', 'Срок конкурса', '征集截止', 'Call deadline'),
  f('coordinatorRequired', 'bool', 'Нужен координатор', '需要协调人', 'Coordinator required'),
  f('eoiDeadline', 'text', 'Срок выражения интереса', '意向截止日期', 'EoI deadline'),
  f('publishedAt', 'text', 'Опубликован', '发布时间', 'Published at'),
  f('expiresAt', 'text', 'Действует до', '有效期至', 'Expires at'),
  f('firstPublishedAt', 'text', 'Впервые опубликован', '首次发布', 'First published at'),
  f('extensionCount', 'int', 'Продлений', '延期次数', 'Extensions'),
];

export const FIELDS: Record<Sheet, Field[]> = { organisations: ORG_FIELDS, profiles: PROFILE_FIELDS };

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Column keys of a sheet, in order (ml fields expand to three). */
export function columns(sheet: Sheet): { column: string; field: Field; lang?: Lang }[] {
  return FIELDS[sheet].flatMap((fl) => fl.kind === 'ml'
    ? LANGS.map((lang) => ({ column: `${snake(fl.key)}_${lang}`, field: fl, lang }))
    : [{ column: snake(fl.key), field: fl }]);
}

/** The template header: column key, then the label in the three languages. */
export function headerLabel(c: { column: string; field: Field; lang?: Lang }): string {
  const l = c.lang ? ` (${c.lang})` : '';
  return `${c.column} — ${c.field.label.ru}${l} / ${c.field.label.zh}${l} / ${c.field.label.en}${l}`;
}

/** Header cell → column key: the key itself, or a template header that starts with it. */
export function columnOfHeader(sheet: Sheet, header: string): string | null {
  const key = header.trim().split(/\s+[—-]\s+|\s/)[0]?.toLowerCase() ?? '';
  return columns(sheet).some((c) => c.column === key) ? key : null;
}

export type CellProblem = { column: string; code: string };

/** A row (column key → cell text) to the JSON shape; cells that cannot be read are reported. */
export function rowToObject(sheet: Sheet, row: Record<string, string>): { value: Record<string, unknown>; problems: CellProblem[] } {
  const out: Record<string, unknown> = {};
  const problems: CellProblem[] = [];
  for (const c of columns(sheet)) {
    const raw = (row[c.column] ?? '').trim();
    if (raw === '') continue;
    const k = c.field.key;
    switch (c.field.kind) {
      case 'ml': out[k] = { ...(out[k] as object ?? {}), [c.lang!]: raw }; break;
      case 'text': out[k] = raw; break;
      case 'list': out[k] = raw.split(';').map((s) => s.trim()).filter(Boolean); break;
      case 'int': if (/^-?\d+$/.test(raw)) out[k] = Number(raw); else problems.push({ column: c.column, code: 'invalid_type' }); break;
      case 'bool': {
        const v = raw.toLowerCase();
        if (['true', '1', 'yes', 'да', '是'].includes(v)) out[k] = true;
        else if (['false', '0', 'no', 'нет', '否'].includes(v)) out[k] = false;
        else problems.push({ column: c.column, code: 'invalid_type' });
        break;
      }
      case 'json': try { out[k] = JSON.parse(raw); } catch { problems.push({ column: c.column, code: 'invalid_format' }); } break;
    }
  }
  return { value: out, problems };
}

/** The JSON shape to a row of cells. */
export function objectToRow(sheet: Sheet, o: Record<string, unknown>): Record<string, string | number | boolean> {
  const row: Record<string, string | number | boolean> = {};
  for (const c of columns(sheet)) {
    const v = o[c.field.key];
    if (v === undefined || v === null) { row[c.column] = ''; continue; }
    switch (c.field.kind) {
      case 'ml': row[c.column] = (v as Record<string, string>)[c.lang!] ?? ''; break;
      case 'list': row[c.column] = (v as string[]).join('; '); break;
      case 'json': row[c.column] = (v as unknown[]).length ? JSON.stringify(v) : ''; break;
      default: row[c.column] = v as string | number | boolean;
    }
  }
  return row;
}

/** Maps a JSON path of a validation issue (e.g. title.ru) to the column name (title_ru). */
export function columnOfPath(path: (string | number)[]): string {
  const [first, second] = path;
  if (typeof first !== 'string') return '';
  return typeof second === 'string' && LANGS.includes(second as Lang) ? `${snake(first)}_${second}` : snake(first);
}
