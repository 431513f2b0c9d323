// Instruments, photonics and advanced materials: gold pairs and distractors.
import { pr, type Section } from './helpers.ts';

export const INSTRUMENTS_MATERIALS: Section = {
  profiles: [
    // 10. fibre lasers for cutting (ru ↔ zh)
    pr('ip-fiber-by', 'by-phys', 'TO', { ru: 'Мощные волоконные лазеры для резки металлов' },
      { ru: 'Институт разработал иттербиевые волоконные лазеры непрерывного действия мощностью до 3 кВт для раскроя листового металла.' },
      { sub: ['instruments_photonics.lasers'], trl: 6, pt: ['rd_cooperation', 'licensing'] }),
    pr('ip-fiber-cn', 'cn-lasertech', 'TR', { zh: '寻求高功率光纤激光器用于激光切割机' },
      { zh: '公司生产钣金激光切割设备，希望引进千瓦级光纤激光器技术，实现核心光源国产化。' },
      { sub: ['instruments_photonics.lasers'], trlMin: 6, pt: ['licensing', 'rd_cooperation'] }),
    pr('ip-weld-cn', 'cn-lasertech', 'TO', { zh: '激光焊接设备' },
      { zh: '手持式激光焊接机，适用于不锈钢和铝合金薄板焊接。' },
      { sub: ['instruments_photonics.lasers'], trl: 9, pt: ['commercial_technical_assistance'] }),
    pr('ip-range-by', 'by-belomo', 'TO', { ru: 'Лазерные дальномеры' },
      { ru: 'Импульсные лазерные дальномеры для геодезии и охраны периметра.' },
      { sub: ['instruments_photonics.lasers'], trl: 9, pt: ['commercial_technical_assistance'] }),

    // 11. thermal imaging optics (ru ↔ zh)
    pr('ip-ir-by', 'by-belomo', 'TR', { ru: 'Требуются объективы для тепловизионных камер' },
      { ru: 'Для серийных тепловизоров нужны германиевые и халькогенидные объективы инфракрасного диапазона 8–14 мкм.' },
      { sub: ['instruments_photonics.optics'], trlMin: 7, pt: ['commercial_technical_assistance'] }),
    pr('ip-ir-cn', 'cn-ciomp', 'TO', { zh: '长波红外光学镜头与热像仪光学系统' },
      { zh: '研究所设计制造8—14微米长波红外光学系统，采用锗和硫系玻璃非球面透镜，可批量供货。' },
      { sub: ['instruments_photonics.optics'], trl: 8, pt: ['commercial_technical_assistance', 'rd_cooperation'] }),
    pr('ip-lens-cn', 'cn-ciomp', 'TO', { zh: '高分辨率可见光光学镜头' },
      { zh: '面向工业相机和安防监控的定焦与变焦可见光镜头。' },
      { sub: ['instruments_photonics.optics'], trl: 9, pt: ['commercial_technical_assistance'] }),

    // 12. MEMS pressure sensors (ru ↔ zh)
    pr('ip-mems-by', 'by-integral', 'TO', { ru: 'МЭМС-датчики давления' },
      { ru: 'Интеграл выпускает кремниевые микромеханические чувствительные элементы давления для автомобильной и промышленной электроники.' },
      { sub: ['instruments_photonics.sensors'], trl: 9, pt: ['commercial_technical_assistance', 'outsourcing'] }),
    pr('ip-mems-cn', 'cn-faw', 'BR', { zh: '采购汽车用MEMS压力传感器芯片' },
      { zh: '集团零部件公司寻找MEMS压力传感器芯片供应商，用于进气压力和制动系统。' },
      { pt: ['outsourcing'] }),
    pr('ip-ic-cn', 'cn-newmat', 'TO', { zh: '集成电路封装测试服务' },
      { zh: '提供芯片封装与测试代工服务。' },
      { sub: ['instruments_photonics.microelectronics'], trl: 9, pt: ['outsourcing'] }),

    // 13. lidar (with English)
    pr('ip-lidar-cn', 'cn-ciomp', 'TO', { en: 'Solid-state LiDAR for autonomous vehicles' },
      { en: 'CIOMP offers a MEMS-mirror solid-state LiDAR with 200 m range for self-driving cars and robots; seeking partners to co-develop automotive versions.' },
      { sub: ['instruments_photonics.optics'], trl: 6, pt: ['rd_cooperation', 'licensing'] }),
    pr('ip-lidar-by', 'by-bsuir', 'RDR', { ru: 'Совместная разработка лидара для беспилотных транспортных средств' },
      { ru: 'Университет готовит заявку в совместный конкурс ГКНТ и Минобрнауки КНР: лазерный сканирующий дальномер (лидар) для систем автономного вождения.' },
      { sub: ['ict_ai.ai_robotics'], pt: ['rd_cooperation'] }),

    // 14. Raman spectroscopy (ru ↔ zh)
    pr('ip-raman-by', 'by-bsu', 'RDR', { ru: 'Рамановская спектроскопия для экспресс-анализа лекарственных средств' },
      { ru: 'Физический факультет ищет партнёров для совместного проекта по портативным спектрометрам комбинационного рассеяния света.' },
      { sub: ['instruments_photonics.optics'], pt: ['rd_cooperation'] }),
    pr('ip-raman-cn', 'cn-cust', 'TO', { zh: '便携式拉曼光谱仪' },
      { zh: '学校研制的手持拉曼光谱仪可在30秒内鉴别药品和毒品，希望开展国际联合研究。' },
      { sub: ['instruments_photonics.optics'], trl: 6, pt: ['rd_cooperation'] }),

    // 15. graphene thermal films (ru ↔ zh)
    pr('am-graphene-by', 'by-bsu', 'TO', { ru: 'Теплопроводящие плёнки на основе графена' },
      { ru: 'Получены гибкие плёнки из восстановленного оксида графена с теплопроводностью более 1000 Вт/(м·К) для отвода тепла в электронике.' },
      { sub: ['advanced_materials.nanomaterials'], trl: 5, pt: ['rd_cooperation', 'licensing'] }),
    pr('am-graphene-cn', 'cn-ai', 'TR', { zh: '需求石墨烯导热膜技术' },
      { zh: '公司生产智能手机和服务器散热模组，需要高导热石墨烯膜制备技术。' },
      { sub: ['advanced_materials.nanomaterials'], trlMin: 5, pt: ['licensing'] }),
    pr('am-graphite-cn', 'cn-carbon', 'TO', { zh: '超高功率石墨电极' },
      { zh: '用于电弧炉炼钢的超高功率石墨电极。' },
      { sub: ['advanced_materials.nanomaterials'], trl: 9, pt: ['commercial_technical_assistance'] }),

    // 16. carbon fibre composites (ru ↔ zh)
    pr('am-cf-by', 'by-maz', 'TR', { ru: 'Требуются углепластиковые панели кузова' },
      { ru: 'Для снижения массы автобусов ищем поставщика панелей из полимерных композитов, армированных углеродным волокном.' },
      { sub: ['mechanical_engineering.automotive'], pt: ['commercial_technical_assistance'] }),
    pr('am-cf-cn', 'cn-carbon', 'TO', { zh: '碳纤维复合材料车身部件' },
      { zh: '公司拥有大丝束碳纤维原丝和碳纤维增强复合材料生产线，可为客车和货车提供轻量化车身部件。' },
      { sub: ['advanced_materials.composites'], trl: 8, pt: ['commercial_technical_assistance', 'joint_venture'] }),

    // 17. biodegradable packaging (ru ↔ zh)
    pr('am-pla-by', 'by-ecotech', 'TO', { ru: 'Биоразлагаемая упаковка из полимолочной кислоты' },
      { ru: 'Разработана технология производства плёнок и одноразовой посуды из биоразлагаемых полимеров на основе полилактида.' },
      { sub: ['advanced_materials.polymers'], trl: 6, pt: ['licensing', 'joint_venture'] }),
    pr('am-pla-cn', 'cn-ciac', 'TR', { zh: '寻求聚乳酸可降解包装膜加工合作' },
      { zh: '研究所拥有聚乳酸合成技术，需要合作伙伴开发可降解包装薄膜吹塑工艺。' },
      { areas: ['advanced_materials'], pt: ['rd_cooperation'] }),
    pr('am-pe-cn', 'cn-newmat', 'BO', { zh: '聚乙烯管材' },
      { zh: '给水用高密度聚乙烯管材。' },
      { sub: ['advanced_materials.polymers'], pt: ['commercial_technical_assistance'] }),

    // 18. friction materials (with English)
    pr('am-friction-by', 'by-ipm', 'TO', { en: 'Powder-metallurgy friction materials for brakes and clutches' },
      { en: 'Sintered copper- and iron-based friction linings for tractors, mining trucks and railway brakes, with stable friction coefficient up to 600 °C.' },
      { sub: ['advanced_materials.powder_metallurgy'], trl: 9, pt: ['licensing', 'commercial_technical_assistance'] }),
    pr('am-friction-cn', 'cn-machine', 'TR', { zh: '需求粉末冶金摩擦材料技术' },
      { zh: '公司为工程机械生产离合器和制动器，需要铜基粉末冶金摩擦片配方和烧结工艺。' },
      { sub: ['advanced_materials.powder_metallurgy'], trlMin: 7, pt: ['licensing'] }),

    // distractors
    pr('am-ceramic-cn', 'cn-newmat', 'TO', { zh: '高性能结构陶瓷' },
      { zh: '氮化硅和氧化锆结构陶瓷零件。' },
      { areas: ['advanced_materials'], trl: 9, pt: ['commercial_technical_assistance'] }),
    pr('am-dlc-by', 'by-phys', 'TO', { ru: 'Алмазоподобные покрытия для режущего инструмента' },
      { ru: 'Вакуумно-плазменные алмазоподобные покрытия повышают стойкость инструмента в три раза.' },
      { sub: ['mechanical_engineering.coatings'], trl: 7, pt: ['licensing'] }),
    pr('am-graphene-by2', 'by-hitech', 'TR', { ru: 'Ищем поставщика графена' },
      { ru: 'Требуется графеновый порошок для проводящих чернил.' },
      { sub: ['advanced_materials.nanomaterials'], pt: ['commercial_technical_assistance'] }),
  ],
  gold: [
    ['ip-fiber-by', 'ip-fiber-cn'], ['ip-ir-by', 'ip-ir-cn'], ['ip-mems-by', 'ip-mems-cn'], ['ip-lidar-cn', 'ip-lidar-by'],
    ['ip-raman-by', 'ip-raman-cn'], ['am-graphene-by', 'am-graphene-cn'], ['am-cf-by', 'am-cf-cn'], ['am-pla-by', 'am-pla-cn'],
    ['am-friction-by', 'am-friction-cn'],
  ],
};
