// Texts of the calls demo: the intergovernmental programme, the 2022–2023 call and a dozen joint projects
// between the demo organisations (titles in Russian, Chinese and English).
import type { Ml } from '../../shared/languages.ts';
import type { EvaluationCriterion, RequiredDocument } from '../../db/schema/index.ts';

export const DEMO_CALL_SPEC = {
  programme: { ru: 'Белорусско-китайское межправительственное научно-техническое сотрудничество', zh: '中白政府间科技合作', en: 'Belarus–China intergovernmental S&T cooperation' } as Ml,
  programmeDescription: { ru: 'Совместные проекты в рамках комиссии по научно-техническому сотрудничеству: ГКНТ финансирует белорусских участников, MOST — китайских.', zh: '中白科技合作委员会框架下的联合项目：白俄罗斯国家科学技术委员会资助白方，中国科技部资助中方。', en: 'Joint projects under the S&T cooperation commission: SCST funds the Belarusian partners, MOST the Chinese partners.' } as Ml,
  title2022: { ru: 'Совместные научно-технические проекты 2022–2023', zh: '2022—2023年中白联合科技项目', en: 'Joint S&T projects 2022–2023' } as Ml,
  description: {
    ru: 'ГКНТ и Министерство науки и технологий КНР объявляют конкурс совместных проектов. Каждая сторона подаёт зеркальную заявку своему финансирующему органу: название проекта, организации-участники и руководители должны совпадать. Приоритеты: медицина, ИКТ, машиностроение, экология, энергосбережение. Срок проекта — до 2 лет.',
    zh: '白俄罗斯国家科学技术委员会与中华人民共和国科学技术部联合发布联合项目征集。双方分别向本国资助机构提交镜像申请：项目名称、参与单位和负责人必须一致。优先领域：医学、信息通信、机械制造、生态、节能。项目期限不超过2年。',
    en: 'SCST and China\'s Ministry of Science and Technology call for joint projects. Each side submits a mirror application to its own funder: the project title, partner organisations and principal investigators must match. Priorities: medicine, ICT, machine building, ecology, energy saving. Up to 2 years.',
  } as Ml,
  priorityAreas: ['medicine_biotech', 'ict_ai', 'mechanical_engineering', 'environment', 'energy_efficiency', 'instruments_photonics', 'advanced_materials'],
  criteria: [
    { code: 'priorities', title: { ru: 'Соответствие приоритетам', zh: '符合优先领域', en: 'Fit with priorities' }, weight: 15, scaleMin: 0, scaleMax: 5, step: 0.5, threshold: 3 },
    { code: 'novelty', title: { ru: 'Новизна и конкурентоспособность', zh: '创新性与竞争力', en: 'Novelty and competitiveness' }, weight: 25, scaleMin: 0, scaleMax: 5, step: 0.5, threshold: 3 },
    { code: 'customer', title: { ru: 'Обязательства заказчика и софинансирование', zh: '订购方承诺与共同出资', en: 'Customer commitment and co-financing' }, weight: 15, scaleMin: 0, scaleMax: 5, step: 0.5, threshold: 3 },
    { code: 'team', title: { ru: 'Квалификация коллективов и баланс партнёров', zh: '团队能力与合作平衡', en: 'Team capacity and balance of partners' }, weight: 20, scaleMin: 0, scaleMax: 5, step: 0.5, threshold: 3 },
    { code: 'plan', title: { ru: 'Реалистичность плана и бюджета', zh: '计划与预算的可行性', en: 'Realism of plan and budget' }, weight: 15, scaleMin: 0, scaleMax: 5, step: 0.5, threshold: 3 },
    { code: 'ip', title: { ru: 'ИС и коммерциализация', zh: '知识产权与商业化', en: 'IP and commercialisation' }, weight: 10, scaleMin: 0, scaleMax: 5, step: 0.5, threshold: 3 },
  ] satisfies EvaluationCriterion[],
};

export const CALL_DOCUMENTS: RequiredDocument[] = [
  { code: 'customer_letter', side: 'BY', required: true, title: { ru: 'Письмо государственного заказчика', zh: '国家订购方函件', en: 'State customer\'s letter' } },
  { code: 'feasibility', side: 'BY', required: true, title: { ru: 'ТЭО с калькуляцией сметы', zh: '可行性研究及费用预算', en: 'Feasibility study with cost estimate' } },
  { code: 'work_plan', side: 'BY', required: true, title: { ru: 'Календарный план', zh: '工作计划', en: 'Work plan and schedule' } },
  { code: 'cofinancing', side: 'BY', required: true, title: { ru: 'Обязательство о софинансировании', zh: '共同出资承诺', en: 'Co-financing commitment' } },
  { code: 'agreement', side: 'BY', required: true, title: { ru: 'Договор о сотрудничестве с китайским партнёром', zh: '与中方合作协议', en: 'Cooperation agreement with the Chinese partner' } },
  { code: 'expertise', side: 'BY', required: false, title: { ru: 'Заключение ведомственной экспертизы', zh: '部门评审意见', en: 'Departmental expertise conclusion' } },
  { code: 'cn_form', side: 'CN', required: true, title: { ru: 'Заявочная форма (КНР)', zh: '项目申报书', en: 'Application form (China)' } },
  { code: 'cn_agreement', side: 'CN', required: true, title: { ru: 'Соглашение с белорусским партнёром', zh: '与白方合作协议', en: 'Agreement with the Belarusian partner' } },
  { code: 'cn_recommendation', side: 'CN', required: true, title: { ru: 'Рекомендация провинциального департамента', zh: '省科技厅推荐函', en: 'Provincial department\'s recommendation' } },
];

type Project = {
  title: Ml; abstract: { ru: string; zh: string }; results: { ru: string; zh: string }; areas: string[]; customer: string;
  by: { user: string; orgs: string[] }; cn: { user: string; orgs: string[] }; cnTitleZh?: string; ineligible?: 'BY' | 'CN';
};
const P = (ru: string, zh: string, en: string, areas: string[], by: [string, string[]], cn: [string, string[]], extra: Partial<Project> = {}): Project => ({
  title: { ru, zh, en }, abstract: { ru: `Цель проекта: ${ru.toLowerCase()}. Совместные исследования, опытный образец и испытания у партнёров.`, zh: `项目目标：${zh}。开展联合研究、研制样机并在合作方进行测试。` },
  results: { ru: 'Опытный образец, методика испытаний, совместные публикации и заявка на патент.', zh: '样机、测试方法、联合论文及专利申请。' },
  areas, customer: 'Министерство промышленности Республики Беларусь', by: { user: by[0], orgs: by[1] }, cn: { user: cn[0], orgs: cn[1] }, ...extra,
});

export const DEMO_PROJECTS: Project[] = [
  P('Лазерная наплавка износостойких покрытий', '耐磨涂层激光熔覆', 'Laser cladding of wear-resistant coatings', ['advanced_materials', 'mechanical_engineering'],
    ['participant@synergy.demo', ['by-bntu', 'by-polytechnic']], ['participant.cn@synergy.demo', ['cn-ciomp']]),
  P('Биосовместимые материалы для имплантатов', '植入物用生物相容性材料', 'Biocompatible materials for implants', ['medicine_biotech'],
    ['participant.bsu@synergy.demo', ['by-bsu']], ['participant.jlu@synergy.demo', ['cn-jlu']], { customer: 'Министерство здравоохранения Республики Беларусь' }),
  P('Датчики давления для автомобильной электроники', '汽车电子压力传感器', 'Pressure sensors for automotive electronics', ['instruments_photonics'],
    ['participant.integral@synergy.demo', ['by-integral']], ['participant.faw@synergy.demo', ['cn-faw', 'cn-cust']]),
  P('Оптические системы контроля качества поверхности', '表面质量光学检测系统', 'Optical surface inspection systems', ['instruments_photonics'],
    ['participant@synergy.demo', ['by-bntu', 'by-belomo']], ['participant.cn@synergy.demo', ['cn-ciomp', 'cn-cust']], { cnTitleZh: '表面质量光学检测系统研究' }),
  P('Порошковая металлургия для деталей трансмиссий', '变速器零件粉末冶金', 'Powder metallurgy for transmission parts', ['advanced_materials'],
    ['participant.bsu@synergy.demo', ['by-bsu', 'by-ipm']], ['participant.faw@synergy.demo', ['cn-faw']]),
  P('Полимерные электролиты для накопителей энергии', '储能用聚合物电解质', 'Polymer electrolytes for energy storage', ['energy_efficiency', 'advanced_materials'],
    ['participant.integral@synergy.demo', ['by-integral', 'by-nasb']], ['participant.jlu@synergy.demo', ['cn-ciac']]),
  P('Интеллектуальная диагностика сельхозтехники', '农业机械智能诊断', 'Intelligent diagnostics of agricultural machinery', ['mechanical_engineering', 'ict_ai'],
    ['participant@synergy.demo', ['by-bntu', 'by-mtz']], ['participant.jlu@synergy.demo', ['cn-jlu']]),
  P('Лазерные источники для медицинской диагностики', '医学诊断用激光光源', 'Laser sources for medical diagnostics', ['instruments_photonics', 'medicine_biotech'],
    ['participant.bsu@synergy.demo', ['by-bsu', 'by-stepanov']], ['participant.cn@synergy.demo', ['cn-ciomp']], { customer: 'Министерство здравоохранения Республики Беларусь' }),
  P('Мониторинг качества воды с беспилотников', '无人机水质监测', 'Water quality monitoring from drones', ['environment', 'ict_ai'],
    ['participant.integral@synergy.demo', ['by-integral']], ['participant.cn@synergy.demo', ['cn-cust']], { ineligible: 'BY' }),
  P('Энергосберегающие приводы карьерных самосвалов', '矿用自卸车节能驱动', 'Energy-saving drives for mining dump trucks', ['energy_efficiency', 'mechanical_engineering'],
    ['participant@synergy.demo', ['by-bntu', 'by-belaz']], ['participant.faw@synergy.demo', ['cn-faw']]),
  P('Нейросетевой анализ медицинских изображений', '医学影像神经网络分析', 'Neural analysis of medical images', ['ict_ai', 'medicine_biotech'],
    ['participant.bsu@synergy.demo', ['by-bsu', 'by-bsuir']], ['participant.jlu@synergy.demo', ['cn-jlu']], { customer: 'Министерство здравоохранения Республики Беларусь' }),
  P('Переработка полимерных отходов в композиты', '聚合物废料再生复合材料', 'Recycling polymer waste into composites', ['environment', 'advanced_materials'],
    ['participant.integral@synergy.demo', ['by-integral', 'by-great-stone']], ['participant.faw@synergy.demo', ['cn-ciac', 'cn-bc-park']]),
];
