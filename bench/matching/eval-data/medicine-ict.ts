// Medicine, biotechnology, ICT and AI: gold pairs and distractors.
import { pr, type Section } from './helpers.ts';

export const MEDICINE_ICT: Section = {
  profiles: [
    // 19. PCR test kits (ru ↔ zh)
    pr('mb-pcr-by', 'by-ibch', 'TO', { ru: 'Наборы реагентов для ПЦР-диагностики инфекций' },
      { ru: 'Институт выпускает тест-системы для выявления возбудителей респираторных инфекций методом полимеразной цепной реакции в реальном времени.' },
      { sub: ['medicine_biotech.diagnostics'], trl: 9, pt: ['licensing', 'commercial_technical_assistance'] }),
    pr('mb-pcr-cn', 'cn-bio', 'BR', { zh: '寻求呼吸道病原体核酸检测试剂盒合作' },
      { zh: '公司希望引进实时荧光定量PCR检测试剂盒，在中国完成注册并本地化生产。' },
      { sub: ['medicine_biotech.diagnostics'], pt: ['licensing'] }),

    // 20. hip joint implants (ru ↔ zh)
    pr('mb-hip-by', 'by-ortho', 'TR', { ru: 'Требуются эндопротезы тазобедренного сустава' },
      { ru: 'Центр ищет производителя ортопедических имплантов: бесцементные эндопротезы тазобедренного сустава с пористым титановым покрытием.' },
      { sub: ['medicine_biotech.implants'], trlMin: 8, pt: ['commercial_technical_assistance', 'rd_cooperation'] }),
    pr('mb-hip-cn', 'cn-meddev', 'TO', { zh: '人工髋关节假体' },
      { zh: '公司生产骨科植入物，包括钛合金多孔涂层非骨水泥型人工髋关节和膝关节，已获得国家药监局注册证。' },
      { sub: ['medicine_biotech.implants'], trl: 9, pt: ['commercial_technical_assistance'] }),
    pr('mb-dental-cn', 'cn-meddev', 'TO', { zh: '口腔种植体系统' },
      { zh: '纯钛牙种植体及配套修复基台。' },
      { sub: ['medicine_biotech.implants'], trl: 9, pt: ['commercial_technical_assistance'] }),

    // 21. bacteriophages (ru ↔ zh)
    pr('mb-phage-by', 'by-micro', 'TO', { ru: 'Препараты бактериофагов против антибиотикорезистентных бактерий' },
      { ru: 'Коллекция фагов и технология получения лечебно-профилактических фаговых препаратов для медицины и ветеринарии.' },
      { sub: ['medicine_biotech.biotech'], trl: 6, pt: ['rd_cooperation', 'licensing'] }),
    pr('mb-phage-cn', 'cn-jlu', 'RDR', { zh: '噬菌体治疗耐药菌感染联合研究' },
      { zh: '医学院寻求在噬菌体分离、鉴定和制剂方面有积累的合作单位，联合申报中白政府间科技合作项目。' },
      { areas: ['medicine_biotech'], pt: ['rd_cooperation'] }),

    // 22. telemedicine (ru ↔ zh)
    pr('mb-tele-by', 'by-medtech', 'TO', { ru: 'Платформа телемедицинских консультаций' },
      { ru: 'Программный комплекс для дистанционных консультаций врачей, передачи ЭКГ и медицинских изображений между районными больницами и областным центром.' },
      { sub: ['medicine_biotech.medical_equipment'], trl: 9, pt: ['commercial_technical_assistance', 'licensing'] }),
    pr('mb-tele-cn', 'cn-park', 'TR', { zh: '县域远程医疗会诊系统需求' },
      { zh: '园区医疗企业需要远程会诊平台，连接乡镇卫生院和市级医院，支持心电和影像传输。' },
      { sub: ['medicine_biotech.medical_equipment'], pt: ['commercial_technical_assistance'] }),

    // 23. AI medical imaging (with English)
    pr('mb-aiimg-cn', 'cn-ai', 'TO', { en: 'AI-assisted diagnosis of chest CT and X-ray images' },
      { en: 'Deep-learning software that detects lung nodules, pneumonia and fractures on CT and radiographs; certified Class III in China.' },
      { sub: ['medicine_biotech.diagnostics'], trl: 9, pt: ['commercial_technical_assistance', 'licensing'] }),
    pr('mb-aiimg-by', 'by-ortho', 'TR', { ru: 'Системы искусственного интеллекта для анализа медицинских изображений' },
      { ru: 'Нужны программные средства на основе нейронных сетей для автоматического выявления переломов на рентгенограммах и КТ.' },
      { sub: ['ict_ai.ai_robotics'], pt: ['commercial_technical_assistance'] }),

    // medicine distractors
    pr('mb-mask-cn', 'cn-meddev', 'BO', { zh: '医用防护口罩' },
      { zh: '大批量供应医用外科口罩和防护服。' },
      { sub: ['medicine_biotech.medical_equipment'], pt: ['commercial_technical_assistance'] }),
    pr('mb-tcm-cn', 'cn-pharma', 'TO', { zh: '中药饮片与中成药' },
      { zh: '传统中医药产品出口。' },
      { sub: ['medicine_biotech.pharma'], pt: ['commercial_technical_assistance'] }),
    pr('mb-seq-cn', 'cn-bio', 'TO', { zh: '高通量基因测序服务' },
      { zh: '提供全基因组测序和生物信息分析服务。' },
      { sub: ['medicine_biotech.diagnostics'], trl: 9, pt: ['outsourcing'] }),
    pr('mb-pcr-by2', 'by-medtech', 'TO', { ru: 'Амплификаторы для ПЦР' },
      { ru: 'Отечественные амплификаторы для лабораторной диагностики.' },
      { sub: ['medicine_biotech.diagnostics'], trl: 8, pt: ['commercial_technical_assistance'] }),

    // 24. Russian–Chinese machine translation (ru ↔ zh)
    pr('ict-mt-by', 'by-bsuir', 'TO', { ru: 'Машинный перевод с русского на китайский для технической документации' },
      { ru: 'Нейросетевая система перевода, обученная на параллельных корпусах технических текстов, с поддержкой терминологических словарей заказчика.' },
      { sub: ['ict_ai.ai_robotics'], trl: 7, pt: ['licensing', 'rd_cooperation'] }),
    pr('ict-mt-cn', 'cn-soft', 'TR', { zh: '需求俄汉机器翻译引擎' },
      { zh: '公司为对俄出口企业提供技术文档本地化服务，需要俄汉双向自动翻译技术并支持术语库。' },
      { sub: ['ict_ai.software'], pt: ['licensing'] }),

    // 25. intelligent transport (ru ↔ zh)
    pr('ict-its-by', 'by-smartsol', 'TR', { ru: 'Интеллектуальная транспортная система для областного центра' },
      { ru: 'Горисполком и компания ищут решение для адаптивного управления светофорами и мониторинга транспортных потоков.' },
      { sub: ['ict_ai.smart_city'], pt: ['commercial_technical_assistance'] }),
    pr('ict-its-cn', 'cn-smartcity', 'TO', { zh: '城市智能交通信号控制系统' },
      { zh: '基于视频检测的自适应信号控制和交通流监测平台，已在长春多个路口部署。' },
      { sub: ['ict_ai.smart_city'], trl: 9, pt: ['commercial_technical_assistance'] }),

    // 26. blockchain supply chain (with English)
    pr('ict-bc-by', 'by-smartsol', 'TO', { en: 'Blockchain platform for supply-chain traceability' },
      { en: 'Distributed-ledger platform that tracks goods from producer to retailer, integrated with customs declarations; used by Belarusian food exporters.' },
      { sub: ['ict_ai.software'], trl: 8, pt: ['commercial_technical_assistance', 'licensing'] }),
    pr('ict-bc-cn', 'cn-park', 'BR', { zh: '寻求区块链跨境供应链溯源平台' },
      { zh: '园区拟建设中白跨境贸易商品溯源系统，寻求区块链技术提供方。' },
      { pt: ['commercial_technical_assistance'] }),

    // 27. cybersecurity (ru ↔ zh)
    pr('ict-sec-by', 'by-hitech', 'TO', { ru: 'Средства защиты информации для промышленных систем управления' },
      { ru: 'Комплекс обнаружения вторжений в сетях АСУ ТП и защиты от кибератак для энергетических объектов.' },
      { sub: ['ict_ai.software'], trl: 8, pt: ['commercial_technical_assistance'] }),
    pr('ict-sec-cn', 'cn-energy', 'TR', { zh: '工业控制系统网络安全防护需求' },
      { zh: '电力企业需要工控网络入侵检测和网络安全防护解决方案。' },
      { sub: ['ict_ai.software'], pt: ['commercial_technical_assistance'] }),

    // ICT distractors and generic words
    pr('ict-chatbot-cn', 'cn-soft', 'TO', { zh: '智能客服机器人' },
      { zh: '基于人工智能的智能客服系统，创新型高新技术产品，帮助企业降本增效。' },
      { sub: ['ict_ai.ai_robotics'], trl: 9, pt: ['commercial_technical_assistance'] }),
    pr('ict-face-cn', 'cn-ai', 'TO', { zh: '人脸识别门禁系统' },
      { zh: '智能人脸识别终端和智慧园区管理平台。' },
      { sub: ['ict_ai.smart_city'], trl: 9, pt: ['commercial_technical_assistance'] }),
    pr('ict-bigdata-cn', 'cn-soft', 'TR', { zh: '寻求大数据分析平台合作' },
      { zh: '需要智能化大数据平台，用于企业数字化转型。' },
      { sub: ['ict_ai.big_data'], pt: ['rd_cooperation'] }),
    pr('ict-generic-by', 'by-hitech', 'TO', { ru: 'Инновационные интеллектуальные решения для цифровой трансформации бизнеса' },
      { ru: 'Инновационная компания предлагает высокотехнологичные интеллектуальные системы и эффективные технологии для предприятий.' },
      { areas: ['ict_ai'], pt: ['commercial_technical_assistance'] }),
    pr('ict-generic-cn', 'cn-park', 'BO', { zh: '高新技术创新服务平台' },
      { zh: '园区为入驻企业提供智能化、数字化的创新孵化服务和高新技术企业认定辅导。' },
      { pt: ['investment'] }),
  ],
  gold: [
    ['mb-pcr-by', 'mb-pcr-cn'], ['mb-hip-by', 'mb-hip-cn'], ['mb-phage-by', 'mb-phage-cn'], ['mb-tele-by', 'mb-tele-cn'],
    ['mb-aiimg-cn', 'mb-aiimg-by'], ['ict-mt-by', 'ict-mt-cn'], ['ict-its-by', 'ict-its-cn'], ['ict-bc-by', 'ict-bc-cn'],
    ['ict-sec-by', 'ict-sec-cn'],
  ],
};
