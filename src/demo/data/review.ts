// Texts of the review demo: a dozen experts per country with statements of expertise in their own
// language (and English for some), their organisations, and the reviews the closed call received.
import type { Ml } from '../../shared/languages.ts';

export type DemoExpert = { email: string; name: string; country: 'BY' | 'CN'; lang: 'ru' | 'zh' | 'en'; org: string; statement: Ml; keywords: string[]; areas: string[]; maxLoad: number };

const by = (email: string, name: string, org: string, ru: string, keywords: string[], areas: string[], en?: string): DemoExpert =>
  ({ email: `${email}@expert.demo`, name, country: 'BY', lang: 'ru', org, statement: { ru, ...(en ? { en } : {}) }, keywords, areas, maxLoad: 5 });
const cn = (email: string, name: string, org: string, zh: string, keywords: string[], areas: string[], en?: string): DemoExpert =>
  ({ email: `${email}@expert.demo`, name, country: 'CN', lang: 'zh', org, statement: { zh, ...(en ? { en } : {}) }, keywords, areas, maxLoad: 5 });

export const DEMO_EXPERTS: DemoExpert[] = [
  by('kovalenko', 'Виктор Коваленко', 'by-nasb', 'Лазерная обработка и наплавка металлов, износостойкие покрытия.', ['лазерная наплавка', 'покрытия'], ['advanced_materials', 'mechanical_engineering'], 'Laser processing and cladding of metals, wear-resistant coatings.'),
  by('sidorova', 'Елена Сидорова', 'by-bsuir', 'Медицинская визуализация, нейронные сети для анализа изображений.', ['нейронные сети', 'медицинские изображения'], ['ict_ai', 'medicine_biotech']),
  by('zhuk', 'Андрей Жук', 'by-ipm', 'Порошковая металлургия, спекание, детали трансмиссий.', ['порошковая металлургия'], ['advanced_materials']),
  by('lis', 'Ольга Лис', 'by-stepanov', 'Лазерные источники и спектроскопия для медицинской диагностики.', ['лазеры', 'спектроскопия', 'диагностика'], ['instruments_photonics', 'medicine_biotech']),
  by('bondar', 'Игорь Бондарь', 'by-belomo', 'Оптические системы контроля, метрология поверхности.', ['оптический контроль', 'метрология'], ['instruments_photonics']),
  by('moroz', 'Наталья Мороз', 'by-bsu', 'Биосовместимые материалы, имплантаты, тканевая инженерия.', ['биоматериалы', 'имплантаты'], ['medicine_biotech']),
  by('klimovich', 'Сергей Климович', 'by-mtz', 'Диагностика сельскохозяйственной техники, электроника тракторов.', ['диагностика техники', 'тракторы'], ['mechanical_engineering', 'ict_ai']),
  by('gurin', 'Павел Гурин', 'by-belaz', 'Тяговые электроприводы карьерных самосвалов, энергосбережение.', ['электропривод', 'энергосбережение'], ['energy_efficiency', 'mechanical_engineering']),
  by('yasko', 'Марина Ясько', 'by-integral', 'Датчики давления и МЭМС для автомобильной электроники.', ['датчики давления', 'МЭМС'], ['instruments_photonics']),
  by('tkach', 'Денис Ткач', 'by-polytechnic', 'Переработка полимерных отходов, композиционные материалы.', ['полимеры', 'композиты', 'переработка'], ['environment', 'advanced_materials']),
  by('shevchuk', 'Алла Шевчук', 'by-great-stone', 'Мониторинг окружающей среды, качество воды, беспилотные системы.', ['качество воды', 'беспилотники'], ['environment', 'ict_ai']),
  by('romanov', 'Юрий Романов', 'by-nasb', 'Электрохимия, полимерные электролиты, накопители энергии.', ['электролиты', 'аккумуляторы'], ['energy_efficiency', 'advanced_materials'], 'Electrochemistry, polymer electrolytes, energy storage.'),
  cn('zhangwei', '张伟', 'cn-ciomp', '激光熔覆与表面工程，耐磨涂层。', ['激光熔覆', '涂层'], ['advanced_materials']),
  cn('liuna', '刘娜', 'cn-jlu', '医学影像分析与深度学习。', ['医学影像', '深度学习'], ['ict_ai', 'medicine_biotech'], 'Medical image analysis and deep learning.'),
  cn('wangqiang', '王强', 'cn-faw', '汽车电子与压力传感器。', ['压力传感器', '汽车电子'], ['instruments_photonics']),
  cn('chenjing', '陈静', 'cn-ciac', '聚合物电解质与储能材料。', ['聚合物电解质', '储能'], ['energy_efficiency', 'advanced_materials']),
  cn('zhaolei', '赵磊', 'cn-cust', '光学检测系统与精密测量。', ['光学检测', '精密测量'], ['instruments_photonics']),
  cn('sunli', '孙丽', 'cn-jlu', '生物相容性材料与植入物。', ['生物材料', '植入物'], ['medicine_biotech']),
  cn('zhoujie', '周杰', 'cn-faw', '粉末冶金与变速器零件。', ['粉末冶金'], ['advanced_materials']),
  cn('wuhao', '吴昊', 'cn-cust', '无人机遥感与水质监测。', ['无人机', '水质监测'], ['environment', 'ict_ai']),
  cn('xumin', '徐敏', 'cn-ciomp', '医学诊断用激光光源与光谱技术。', ['激光光源', '光谱'], ['instruments_photonics', 'medicine_biotech']),
  cn('huangtao', '黄涛', 'cn-jilin-gov', '农业机械智能诊断与物联网。', ['农业机械', '智能诊断'], ['mechanical_engineering', 'ict_ai']),
  cn('linfang', '林芳', 'cn-ciac', '聚合物废料回收与复合材料。', ['复合材料', '回收'], ['environment', 'advanced_materials']),
  cn('gaofeng', '高峰', 'cn-bc-park', '矿用车辆节能驱动与电动化。', ['节能驱动', '矿用车辆'], ['energy_efficiency', 'mechanical_engineering']),
];

/** The demo expert (already a demo account) joins the pool with this record. */
export const DEMO_EXPERT_RECORD = { statement: { ru: 'Оптика и лазерная техника, датчики, неразрушающий контроль.', en: 'Optics and laser engineering, sensors, non-destructive testing.' } as Ml,
  keywords: ['оптика', 'лазеры', 'датчики'], areas: ['instruments_photonics', 'advanced_materials'] };

export const COMMENTS = {
  ru: ['Актуальная тема, сильные коллективы, план реалистичен.', 'Новизна умеренная, бюджет требует уточнения.', 'Хорошая кооперация сторон, ожидаемые результаты конкретны.'],
  zh: ['选题有意义，团队实力强，计划可行。', '创新性一般，预算需进一步细化。', '双方合作基础好，预期成果明确。'],
};
