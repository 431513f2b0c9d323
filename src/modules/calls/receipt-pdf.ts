// The submission receipt as a PDF. Russian and Chinese text both need glyphs the PDF base fonts lack, so a
// CJK font that also covers Cyrillic (Noto Sans Hans, shipped in an npm package) is embedded as a subset;
// the machine's system fonts are never relied upon.
import PDFDocument from 'pdfkit';
import { fileURLToPath } from 'node:url';
import { formatDateTime, CITY_OF_ZONE } from '../../shared/time.ts';
import type { Ml } from '../../shared/languages.ts';

const FONT = fileURLToPath(new URL('../fonts/NotoSansHans-Regular.otf', import.meta.resolve('@embedpdf/fonts-sc')));

export type ReceiptData = {
  reference: string; side: string; version: number; sha256: string; submittedAt: string; submittedBy: string;
  call: { title: Ml; closesAt: string; timezone: string }; funder: { name: Ml }; title: Ml;
};

const both = (m: Ml) => [m.ru, m.zh, m.en].filter((x): x is string => !!x);
const at = (iso: string, tz: string) => `${formatDateTime(iso, tz, 'ru')} (${CITY_OF_ZONE[tz]?.ru ?? tz}) · ${formatDateTime(iso, tz, 'zh')} (${CITY_OF_ZONE[tz]?.zh ?? tz})`;

/** Renders the receipt in Russian and Chinese (both languages on one page, as both funders read it). */
export function receiptPdf(r: ReceiptData): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Receipt ${r.reference}`, Author: 'Synergy' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('noto', FONT);
    doc.font('noto');
    doc.fontSize(16).text('Квитанция о подаче заявки · 项目申请提交回执');
    doc.moveDown(0.5).fontSize(10).fillColor('#555').text('Synergy — белорусско-китайское научно-техническое сотрудничество · 中白科技合作平台').fillColor('#000');
    doc.moveDown();
    const row = (label: string, value: string) => { doc.fontSize(9).fillColor('#555').text(label); doc.fontSize(11).fillColor('#000').text(value || '—'); doc.moveDown(0.4); };
    row('Конкурс · 项目征集', both(r.call.title).join(' / '));
    row('Номер заявки · 申请编号', r.reference);
    row('Сторона · 申请方', r.side === 'BY' ? 'Беларусь · 白俄罗斯' : 'Китай · 中国');
    row('Финансирующая организация · 资助机构', both(r.funder.name).join(' / '));
    row('Название проекта (рус.) · 项目名称（俄文）', r.title.ru ?? '');
    row('Название проекта (кит.) · 项目名称（中文）', r.title.zh ?? '');
    row('Версия · 版本', String(r.version));
    row('Подано · 提交时间', at(r.submittedAt, 'Europe/Minsk') + '\n' + at(r.submittedAt, 'Asia/Shanghai'));
    row('Подал(а) · 提交人', r.submittedBy);
    row('Срок подачи · 截止时间', at(r.call.closesAt, r.call.timezone));
    row('SHA-256 канонической формы · 规范形式的SHA-256', r.sha256);
    doc.moveDown().fontSize(8).fillColor('#555').text('Хеш вычислен по канонической форме поданной версии (ключи по алфавиту, строки в NFC). Поданная версия не может быть изменена. · 哈希值基于所提交版本的规范形式计算；已提交版本不可更改。');
    doc.end();
  });
}

/** A plain document (e.g. the text of a call) in Russian and Chinese, with the same embedded font. */
export function textPdf(title: string, paragraphs: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title, Author: 'Synergy' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('noto', FONT);
    doc.font('noto').fontSize(15).text(title);
    for (const p of paragraphs) doc.moveDown().fontSize(10).text(p);
    doc.end();
  });
}
