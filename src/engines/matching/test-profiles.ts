// Small hand-made profiles shared by the matching engine's tests.
import type { MatchProfile } from './types.ts';

export const mk = (p: Partial<MatchProfile> & Pick<MatchProfile, 'id' | 'organisationId' | 'country' | 'type' | 'title'>): MatchProfile =>
  ({ summary: {}, partnershipTypes: ['rd_cooperation'], ...p });

/** A Russian request whose only real partner wrote in Chinese, plus distractors. */
export const HYDROGEN_SET: MatchProfile[] = [
  mk({ id: 'ru-req', organisationId: 'by-inst', country: 'BY', type: 'TR', organisationType: 'research_institute',
    title: { ru: 'Требуется технология водородных топливных элементов' },
    summary: { ru: 'Институт ищет производителя батарей топливных элементов для резервного электропитания; нужны системы хранения водорода.' },
    trlMinSought: 5, partnershipTypes: ['rd_cooperation', 'licensing'] }),
  mk({ id: 'zh-offer', organisationId: 'cn-h2', country: 'CN', type: 'TO', organisationType: 'enterprise',
    title: { zh: '氢燃料电池电堆' }, summary: { zh: '公司提供质子交换膜燃料电池电堆和储氢系统，技术成熟度高。' },
    trl: 6, partnershipTypes: ['licensing'] }),
  // same area, another technology (Chinese offer)
  mk({ id: 'zh-battery', organisationId: 'cn-bat', country: 'CN', type: 'TO',
    title: { zh: '锂离子电池正极材料' }, summary: { zh: '提供磷酸铁锂正极材料，用于动力电池。' }, trl: 9, subAreas: ['energy_efficiency.storage'] }),
  // generic words only
  mk({ id: 'zh-generic', organisationId: 'cn-gen', country: 'CN', type: 'TO',
    title: { zh: '智能创新高新技术平台' }, summary: { zh: '智能化、数字化的创新服务。' } }),
  // same-country look-alike (Belarusian offer of fuel cells)
  mk({ id: 'ru-lookalike', organisationId: 'by-energo', country: 'BY', type: 'TO',
    title: { ru: 'Водородные топливные элементы' }, summary: { ru: 'Производим топливные элементы и системы хранения водорода.' }, trl: 7 }),
];
