// The suggested taxonomy of priority areas (domain notes), loaded as demo/seed data.
// Organisers edit it in the database afterwards; code never depends on these labels.
import type { Ml } from './languages.ts';

export type SubAreaSeed = { code: string; label: Ml; grnti?: string[]; gbt?: string[] };
export type AreaSeed = {
  code: string; label: Ml; byPriority: number; grnti: string[]; gbt: string[];
  /** Areas that often meet in joint projects (used by matching as "related areas"). */
  related: string[]; subAreas: SubAreaSeed[];
};

export const TAXONOMY: AreaSeed[] = [
  {
    code: 'ict_ai', byPriority: 1, grnti: ['20', '28', '49', '50'], gbt: ['520', '510', '413'],
    label: { ru: 'ИКТ и искусственный интеллект', zh: '信息通信与人工智能', en: 'ICT & AI' },
    related: ['instruments_photonics', 'mechanical_engineering'],
    subAreas: [
      { code: 'ict_ai.ai_robotics', label: { ru: 'ИИ и робототехника', zh: '人工智能与机器人', en: 'AI & robotics' }, grnti: ['28'], gbt: ['520'] },
      { code: 'ict_ai.big_data', label: { ru: 'Большие данные', zh: '大数据', en: 'Big data' }, grnti: ['20'], gbt: ['520'] },
      { code: 'ict_ai.telecom', label: { ru: 'Связь 5G/6G', zh: '5G/6G通信', en: '5G/6G telecommunications' }, grnti: ['49'], gbt: ['510'] },
      { code: 'ict_ai.smart_city', label: { ru: 'Умный город', zh: '智慧城市', en: 'Smart city' }, grnti: ['50'], gbt: ['520'] },
      { code: 'ict_ai.software', label: { ru: 'Программное обеспечение', zh: '软件', en: 'Software' }, grnti: ['50'], gbt: ['520'] },
    ],
  },
  {
    code: 'medicine_biotech', byPriority: 2, grnti: ['76', '34', '62'], gbt: ['320', '180'],
    label: { ru: 'Медицина и биотехнологии', zh: '医学与生物技术', en: 'Medicine & biotech' },
    related: ['instruments_photonics', 'advanced_materials', 'agri_food'],
    subAreas: [
      { code: 'medicine_biotech.medical_equipment', label: { ru: 'Медицинская техника', zh: '医疗器械', en: 'Medical equipment' }, grnti: ['76'], gbt: ['320'] },
      { code: 'medicine_biotech.diagnostics', label: { ru: 'Диагностика', zh: '诊断', en: 'Diagnostics' }, grnti: ['76'], gbt: ['320'] },
      { code: 'medicine_biotech.pharma', label: { ru: 'Фармацевтика', zh: '制药', en: 'Pharmaceuticals' }, grnti: ['76'], gbt: ['350'] },
      { code: 'medicine_biotech.implants', label: { ru: 'Импланты и биоматериалы', zh: '植入物与生物材料', en: 'Implants & biomaterials' }, grnti: ['76'], gbt: ['320'] },
      { code: 'medicine_biotech.biotech', label: { ru: 'Биотехнологии', zh: '生物技术', en: 'Biotechnology' }, grnti: ['62'], gbt: ['180'] },
    ],
  },
  {
    code: 'mechanical_engineering', byPriority: 4, grnti: ['55'], gbt: ['460'],
    label: { ru: 'Машиностроение', zh: '机械制造', en: 'Mechanical engineering' },
    related: ['advanced_materials', 'instruments_photonics', 'agri_food', 'energy_efficiency'],
    subAreas: [
      { code: 'mechanical_engineering.agri_machinery', label: { ru: 'Сельскохозяйственная техника', zh: '农业机械', en: 'Agricultural machinery' }, grnti: ['55'], gbt: ['460'] },
      { code: 'mechanical_engineering.automotive', label: { ru: 'Автомобилестроение', zh: '汽车制造', en: 'Automotive' }, grnti: ['55'], gbt: ['460'] },
      { code: 'mechanical_engineering.additive', label: { ru: 'Аддитивное производство', zh: '增材制造', en: 'Additive manufacturing' }, grnti: ['55'], gbt: ['460'] },
      { code: 'mechanical_engineering.coatings', label: { ru: 'Покрытия и обработка поверхностей', zh: '涂层与表面处理', en: 'Coatings & surface engineering' }, grnti: ['55'], gbt: ['460'] },
      { code: 'mechanical_engineering.smart_manufacturing', label: { ru: 'Умное производство', zh: '智能制造', en: 'Smart manufacturing' }, grnti: ['55'], gbt: ['460'] },
    ],
  },
  {
    code: 'instruments_photonics', byPriority: 4, grnti: ['29', '47', '59'], gbt: ['140', '510'],
    label: { ru: 'Приборостроение, оптика, микроэлектроника', zh: '仪器、光电与微电子', en: 'Instruments & photonics' },
    related: ['ict_ai', 'medicine_biotech', 'advanced_materials'],
    subAreas: [
      { code: 'instruments_photonics.lasers', label: { ru: 'Лазеры', zh: '激光', en: 'Lasers' }, grnti: ['29'], gbt: ['140'] },
      { code: 'instruments_photonics.sensors', label: { ru: 'Датчики', zh: '传感器', en: 'Sensors' }, grnti: ['59'], gbt: ['460'] },
      { code: 'instruments_photonics.optics', label: { ru: 'Оптика', zh: '光学', en: 'Optics' }, grnti: ['29'], gbt: ['140'] },
      { code: 'instruments_photonics.microelectronics', label: { ru: 'Микроэлектроника и интегральные схемы', zh: '微电子与集成电路', en: 'Microelectronics & integrated circuits' }, grnti: ['47'], gbt: ['510'] },
    ],
  },
  {
    code: 'advanced_materials', byPriority: 4, grnti: ['53', '61', '81'], gbt: ['430', '530'],
    label: { ru: 'Новые материалы', zh: '新材料', en: 'Advanced materials' },
    related: ['mechanical_engineering', 'energy_efficiency', 'medicine_biotech'],
    subAreas: [
      { code: 'advanced_materials.composites', label: { ru: 'Композиты', zh: '复合材料', en: 'Composites' }, grnti: ['81'], gbt: ['430'] },
      { code: 'advanced_materials.powder_metallurgy', label: { ru: 'Порошковая металлургия', zh: '粉末冶金', en: 'Powder metallurgy' }, grnti: ['53'], gbt: ['450'] },
      { code: 'advanced_materials.polymers', label: { ru: 'Полимеры', zh: '高分子材料', en: 'Polymers' }, grnti: ['61'], gbt: ['530'] },
      { code: 'advanced_materials.nanomaterials', label: { ru: 'Наноматериалы и графен', zh: '纳米材料与石墨烯', en: 'Nanomaterials & graphene' }, grnti: ['81'], gbt: ['430'] },
    ],
  },
  {
    code: 'energy_efficiency', byPriority: 3, grnti: ['44', '45'], gbt: ['480', '470'],
    label: { ru: 'Энергетика и энергосбережение', zh: '能源与节能', en: 'Energy & efficiency' },
    related: ['environment', 'advanced_materials', 'mechanical_engineering'],
    subAreas: [
      { code: 'energy_efficiency.renewables', label: { ru: 'Возобновляемая энергетика', zh: '可再生能源', en: 'Renewable energy' }, grnti: ['44'], gbt: ['480'] },
      { code: 'energy_efficiency.storage', label: { ru: 'Накопители энергии', zh: '储能', en: 'Energy storage' }, grnti: ['44'], gbt: ['480'] },
      { code: 'energy_efficiency.hydrogen', label: { ru: 'Водородная энергетика', zh: '氢能', en: 'Hydrogen energy' }, grnti: ['44'], gbt: ['480'] },
      { code: 'energy_efficiency.saving', label: { ru: 'Энергосбережение', zh: '节能', en: 'Energy saving' }, grnti: ['44'], gbt: ['480'] },
    ],
  },
  {
    code: 'environment', byPriority: 3, grnti: ['87'], gbt: ['610'],
    label: { ru: 'Экология и природопользование', zh: '生态环境', en: 'Environment' },
    related: ['energy_efficiency', 'agri_food'],
    subAreas: [
      { code: 'environment.waste', label: { ru: 'Переработка отходов', zh: '废物处理', en: 'Waste processing' }, grnti: ['87'], gbt: ['610'] },
      { code: 'environment.water', label: { ru: 'Водоочистка', zh: '水处理', en: 'Water treatment' }, grnti: ['87'], gbt: ['610'] },
      { code: 'environment.monitoring', label: { ru: 'Экологический мониторинг', zh: '环境监测', en: 'Environmental monitoring' }, grnti: ['87'], gbt: ['610'] },
    ],
  },
  {
    code: 'agri_food', byPriority: 5, grnti: ['68', '65'], gbt: ['210', '550'],
    label: { ru: 'Агро- и пищевые технологии', zh: '农业与食品', en: 'Agri-food' },
    related: ['medicine_biotech', 'environment', 'mechanical_engineering'],
    subAreas: [
      { code: 'agri_food.breeding', label: { ru: 'Селекция', zh: '育种', en: 'Breeding' }, grnti: ['68'], gbt: ['210'] },
      { code: 'agri_food.food_processing', label: { ru: 'Переработка пищевого сырья', zh: '食品加工', en: 'Food processing' }, grnti: ['65'], gbt: ['550'] },
      { code: 'agri_food.precision_agriculture', label: { ru: 'Точное земледелие', zh: '精准农业', en: 'Precision agriculture' }, grnti: ['68'], gbt: ['210'] },
    ],
  },
];
