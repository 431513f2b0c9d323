// Energy and mechanical engineering: gold pairs and distractors.
import { pr, type Section } from './helpers.ts';

export const ENERGY_MECHANICAL: Section = {
  profiles: [
    // 1. fuel cells (ru ↔ zh)
    pr('en-fc-by', 'by-itmo', 'TR', { ru: 'Требуются водородные топливные элементы для резервного электропитания' },
      { ru: 'Институт разрабатывает автономные источники питания для телекоммуникационных вышек и ищет производителя батарей топливных элементов мощностью 5–10 кВт, работающих на водороде.' },
      { sub: ['energy_efficiency.hydrogen'], trlMin: 6, pt: ['rd_cooperation', 'commercial_technical_assistance'],
        spec: { ru: 'Нужны стеки на протонообменной мембране с ресурсом не менее 20 000 часов.' } }),
    pr('en-fc-cn', 'cn-h2', 'TO', { zh: '质子交换膜燃料电池电堆及备用电源系统' },
      { zh: '公司自主研发的氢燃料电池电堆功率覆盖5—120千瓦，已用于通信基站备用电源和物流车，寿命超过两万小时。' },
      { sub: ['energy_efficiency.hydrogen'], trl: 8, stage: 'on_market', pt: ['commercial_technical_assistance', 'joint_venture'], kw: ['燃料电池', '氢能'] }),
    // distractors around hydrogen
    pr('en-h2station-cn', 'cn-energy', 'TO', { zh: '加氢站成套设备' },
      { zh: '提供35兆帕和70兆帕加氢站压缩机、储氢瓶组及加注机，可为氢能公交线路配套。' },
      { sub: ['energy_efficiency.hydrogen'], trl: 9, pt: ['commercial_technical_assistance'] }),
    pr('en-h2storage-cn', 'cn-ciac', 'TR', { zh: '寻求固态储氢材料合作研究' },
      { zh: '研究所开展镁基储氢合金研究，寻求在金属氢化物表征方面有经验的合作伙伴。' },
      { sub: ['energy_efficiency.hydrogen'], pt: ['rd_cooperation'] }),
    pr('en-fc-by2', 'by-energo', 'TO', { ru: 'Энергоустановки на топливных элементах' },
      { ru: 'Предприятие собирает энергоустановки на водородных топливных элементах для резервного питания и ищет рынки сбыта.' },
      { sub: ['energy_efficiency.hydrogen'], trl: 7, pt: ['commercial_technical_assistance'] }),

    // 2. heat pumps / waste heat (ru ↔ zh)
    pr('en-hp-by', 'by-bntu', 'TO', { ru: 'Тепловые насосы для утилизации сбросной теплоты промышленных предприятий' },
      { ru: 'Разработаны парокомпрессионные тепловые насосы, которые используют тепло оборотной воды и дымовых газов; экономия топлива до 30 %.' },
      { sub: ['energy_efficiency.saving'], trl: 7, pt: ['licensing', 'rd_cooperation'] }),
    pr('en-hp-cn', 'cn-energy', 'TR', { zh: '工业余热回收热泵技术需求' },
      { zh: '我公司为钢铁和化工企业提供节能改造服务，需要高温热泵技术，回收循环冷却水中的低品位余热。' },
      { areas: ['energy_efficiency'], trlMin: 6, pt: ['licensing'] }),

    // 3. sodium-ion batteries (ru ↔ zh)
    pr('en-na-by', 'by-hitech', 'TR', { ru: 'Ищем технологию натрий-ионных аккумуляторов для систем накопления энергии' },
      { ru: 'Для стационарных накопителей при солнечных электростанциях нужны недорогие натрий-ионные батареи, не боящиеся морозов.' },
      { sub: ['energy_efficiency.storage'], trlMin: 6, pt: ['licensing', 'joint_venture'] }),
    pr('en-na-cn', 'cn-sodium', 'TO', { zh: '钠离子电池及储能系统' },
      { zh: '公司量产层状氧化物正极钠离子电池，零下二十度容量保持率超过百分之九十，适用于光伏储能电站。' },
      { sub: ['energy_efficiency.storage'], trl: 8, pt: ['joint_venture', 'commercial_technical_assistance'] }),
    pr('en-li-cn', 'cn-newmat', 'TO', { zh: '锂离子电池正极材料磷酸铁锂' },
      { zh: '提供高压实密度磷酸铁锂正极材料，用于动力电池和储能电池。' },
      { sub: ['energy_efficiency.storage'], trl: 9, pt: ['commercial_technical_assistance'] }),
    pr('en-pv-cn', 'cn-energy', 'TO', { zh: '组串式光伏逆变器' },
      { zh: '智能光伏逆变器，支持远程监控，适用于分布式光伏电站。' },
      { sub: ['energy_efficiency.renewables'], trl: 9, pt: ['commercial_technical_assistance'] }),

    // 4. biogas (with English)
    pr('en-biogas-by', 'by-ecotech', 'TO', { en: 'Biogas plants for livestock farms', ru: 'Биогазовые установки для животноводческих комплексов' },
      { en: 'Turnkey anaerobic digesters processing cattle manure into biogas and fertiliser, 250 kW to 2 MW, 14 plants built in Belarus.' },
      { sub: ['energy_efficiency.renewables'], trl: 9, pt: ['commercial_technical_assistance', 'joint_venture'] }),
    pr('en-biogas-cn', 'cn-agrimach', 'BR', { zh: '寻求大型养殖场沼气工程设备供应商' },
      { zh: '我公司承建吉林省规模化奶牛场粪污资源化项目，需要厌氧发酵沼气工程成套设备和技术服务。' },
      { sub: ['environment.waste'], pt: ['commercial_technical_assistance'] }),

    // energy distractors
    pr('en-solar-by', 'by-energo', 'TO', { ru: 'Солнечные коллекторы для горячего водоснабжения' },
      { ru: 'Инновационные плоские солнечные коллекторы с селективным покрытием для жилых домов и ферм.' },
      { sub: ['energy_efficiency.renewables'], trl: 9, pt: ['commercial_technical_assistance'] }),
    pr('en-grid-cn', 'cn-energy', 'TO', { zh: '智能电网调度自动化系统' },
      { zh: '基于人工智能的智能电网调度平台，提高新能源消纳能力。' },
      { areas: ['energy_efficiency'], trl: 8, pt: ['commercial_technical_assistance'] }),
    pr('en-audit-by', 'by-energo', 'BO', { ru: 'Энергоаудит промышленных предприятий' },
      { ru: 'Проводим энергетические обследования и внедряем системы энергоменеджмента по ISO 50001.' },
      { sub: ['energy_efficiency.saving'], pt: ['outsourcing'] }),

    // 5. laser cladding for tractor parts (ru ↔ zh)
    pr('me-clad-by', 'by-mtz', 'TR', { ru: 'Требуется технология лазерной наплавки для восстановления деталей тракторов' },
      { ru: 'Завод ищет партнёра, владеющего лазерной наплавкой износостойких покрытий на валы, шестерни и кулачки; нужна передача технологии и оборудования.' },
      { sub: ['mechanical_engineering.coatings'], trlMin: 7, pt: ['commercial_technical_assistance', 'licensing'] }),
    pr('me-clad-cn', 'cn-cust', 'TO', { zh: '激光熔覆耐磨涂层修复技术' },
      { zh: '学校研发的高功率半导体激光熔覆工艺可在轴类、齿轮表面制备铁基和镍基耐磨涂层，已在矿山机械零件再制造中应用。' },
      { sub: ['mechanical_engineering.coatings'], trl: 7, pt: ['licensing', 'rd_cooperation'] }),
    pr('me-spray-cn', 'cn-machine', 'TO', { zh: '超音速火焰喷涂碳化钨涂层' },
      { zh: '为液压支柱和阀门提供热喷涂碳化钨涂层加工服务。' },
      { sub: ['mechanical_engineering.coatings'], trl: 9, pt: ['outsourcing'] }),
    pr('me-tractor-cn', 'cn-agrimach', 'BO', { zh: '大马力轮式拖拉机整机销售' },
      { zh: '公司生产200马力以上轮式拖拉机，寻求在白俄罗斯建立经销网络。' },
      { sub: ['mechanical_engineering.agri_machinery'], pt: ['commercial_technical_assistance'] }),

    // 6. titanium powders for 3D printing (ru ↔ zh)
    pr('me-tipowder-by', 'by-ipm', 'TO', { ru: 'Сферические порошки титановых сплавов для аддитивного производства' },
      { ru: 'Институт получает сферические порошки ВТ6 методом плазменного распыления; порошки пригодны для селективного лазерного сплавления.' },
      { sub: ['mechanical_engineering.additive', 'advanced_materials.powder_metallurgy'], trl: 6, pt: ['rd_cooperation', 'licensing'] }),
    pr('me-tipowder-cn', 'cn-jlu', 'TR', { zh: '寻求3D打印用球形钛合金粉末制备技术' },
      { zh: '学院开展钛合金零件增材制造研究，需要低氧含量、高球形度的钛合金粉末及等离子雾化制粉合作伙伴。' },
      { areas: ['mechanical_engineering'], pt: ['rd_cooperation'] }),

    // 7. combine harvesters (ru ↔ zh)
    pr('me-combine-by', 'by-gomsel', 'BO', { ru: 'Зерноуборочные комбайны: поставки и сборка за рубежом' },
      { ru: 'Гомсельмаш предлагает зерноуборочные и кормоуборочные комбайны и готов организовать крупноузловую сборку у партнёра.' },
      { sub: ['mechanical_engineering.agri_machinery'], pt: ['joint_venture', 'commercial_technical_assistance'] }),
    pr('me-combine-cn', 'cn-agrimach', 'BR', { zh: '寻求联合收割机合资组装合作' },
      { zh: '公司计划在吉林建设收获机械组装基地，寻求国外联合收割机制造商共同成立合资企业。' },
      { sub: ['mechanical_engineering.agri_machinery'], pt: ['joint_venture'] }),

    // 8. autonomous mining trucks (ru ↔ zh)
    pr('me-auto-by', 'by-belaz', 'TR', { ru: 'Системы автономного управления карьерными самосвалами' },
      { ru: 'Нужны решения беспилотного вождения для самосвалов грузоподъёмностью 130–220 т: навигация, обнаружение препятствий, диспетчеризация.' },
      { sub: ['mechanical_engineering.automotive'], pt: ['rd_cooperation', 'licensing'] }),
    pr('me-auto-cn', 'cn-faw', 'TO', { zh: '矿用卡车无人驾驶系统' },
      { zh: '集团研发的矿区自动驾驶系统融合激光雷达与毫米波雷达，实现矿用自卸车编组运行和智能调度。' },
      { sub: ['ict_ai.ai_robotics'], trl: 7, pt: ['rd_cooperation'] }),

    // 9. electric drive for buses (with English)
    pr('me-edrive-cn', 'cn-faw', 'TO', { en: 'Electric drive systems for commercial vehicles', zh: '商用车电驱动系统' },
      { en: 'Integrated e-axles with permanent-magnet traction motors and inverters for buses and trucks, 150–350 kW.' },
      { sub: ['mechanical_engineering.automotive'], trl: 9, pt: ['commercial_technical_assistance', 'joint_venture'] }),
    pr('me-edrive-by', 'by-maz', 'TR', { en: 'Traction electric drive for city electric buses' },
      { en: 'MAZ seeks a supplier of traction motors and electric drive units for a new low-floor electric bus, with local assembly.' },
      { sub: ['mechanical_engineering.automotive'], pt: ['commercial_technical_assistance'] }),

    // mechanical distractors
    pr('me-robot-cn', 'cn-machine', 'TO', { zh: '智能制造工业机器人工作站' },
      { zh: '创新型智能焊接机器人工作站，助力企业数字化转型。' },
      { sub: ['mechanical_engineering.smart_manufacturing'], trl: 9, pt: ['commercial_technical_assistance'] }),
    pr('me-cnc-cn', 'cn-machine', 'BO', { zh: '五轴数控机床' },
      { zh: '高精度五轴联动数控机床，适用于航空零件加工。' },
      { sub: ['mechanical_engineering.smart_manufacturing'], trl: 9, pt: ['commercial_technical_assistance'] }),
    pr('me-hydraulic-by', 'by-mtz', 'BO', { ru: 'Гидравлические системы для сельхозтехники' },
      { ru: 'Поставляем гидрораспределители и гидроцилиндры для тракторов и комбайнов.' },
      { sub: ['mechanical_engineering.agri_machinery'], pt: ['commercial_technical_assistance'] }),
    pr('me-tyres-cn', 'cn-faw', 'BO', { zh: '工程机械子午线轮胎' },
      { zh: '为矿用自卸车和工程机械提供全钢子午线轮胎。' },
      { sub: ['mechanical_engineering.automotive'], pt: ['commercial_technical_assistance'] }),
    pr('me-clad-by2', 'by-bntu', 'TO', { ru: 'Лазерная наплавка и закалка деталей машин' },
      { ru: 'Кафедра выполняет лазерное упрочнение и наплавку деталей по заказам предприятий.' },
      { sub: ['mechanical_engineering.coatings'], trl: 8, pt: ['outsourcing'] }),
  ],
  gold: [
    ['en-fc-by', 'en-fc-cn'], ['en-hp-by', 'en-hp-cn'], ['en-na-by', 'en-na-cn'], ['en-biogas-by', 'en-biogas-cn'],
    ['me-clad-by', 'me-clad-cn'], ['me-tipowder-by', 'me-tipowder-cn'], ['me-combine-by', 'me-combine-cn'],
    ['me-auto-by', 'me-auto-cn'], ['me-edrive-cn', 'me-edrive-by'],
  ],
};
