// Environment and agri-food: gold pairs and distractors.
import { pr, type Section } from './helpers.ts';

export const ENVIRONMENT_AGRI: Section = {
  profiles: [
    // 28. membrane bioreactors (ru ↔ zh)
    pr('env-mbr-by', 'by-vodokanal', 'TR', { ru: 'Требуется технология очистки сточных вод на мембранных биореакторах' },
      { ru: 'Водоканал реконструирует очистные сооружения и ищет поставщика мембранных модулей для биологической очистки бытовых стоков.' },
      { sub: ['environment.water'], trlMin: 8, pt: ['commercial_technical_assistance'] }),
    pr('env-mbr-cn', 'cn-env', 'TO', { zh: '膜生物反应器（MBR）污水处理成套技术' },
      { zh: '公司提供中空纤维超滤膜组件及MBR工艺包，适用于市政污水处理厂提标改造。' },
      { sub: ['environment.water'], trl: 9, pt: ['commercial_technical_assistance', 'joint_venture'] }),
    pr('env-zld-cn', 'cn-env', 'TO', { zh: '工业废水零排放蒸发结晶' },
      { zh: '化工高盐废水蒸发结晶零排放系统。' },
      { sub: ['environment.water'], trl: 9, pt: ['commercial_technical_assistance'] }),

    // 29. tyre pyrolysis (ru ↔ zh)
    pr('env-tyre-by', 'by-ecotech', 'TO', { ru: 'Переработка изношенных автомобильных шин методом пиролиза' },
      { ru: 'Установка непрерывного низкотемпературного пиролиза получает из старых покрышек печное топливо, технический углерод и металлокорд.' },
      { sub: ['environment.waste'], trl: 8, pt: ['joint_venture', 'licensing'] }),
    pr('env-tyre-cn', 'cn-env', 'TR', { zh: '废旧轮胎热解处理技术需求' },
      { zh: '我公司计划建设年处理三万吨的废轮胎资源化项目，需要连续式热裂解设备和炭黑深加工技术。' },
      { areas: ['environment'], trlMin: 7, pt: ['licensing', 'joint_venture'] }),
    pr('env-incin-cn', 'cn-env', 'TO', { zh: '生活垃圾焚烧发电' },
      { zh: '机械炉排垃圾焚烧发电厂设计与建设。' },
      { sub: ['environment.waste'], trl: 9, pt: ['commercial_technical_assistance'] }),

    // 30. air quality monitoring (with English)
    pr('env-air-cn', 'cn-env', 'TO', { en: 'Compact air quality monitoring stations', zh: '微型空气质量监测站' },
      { en: 'Sensor-based micro stations measuring PM2.5, PM10, NO2, SO2 and ozone with cloud data platform for city networks.' },
      { sub: ['environment.monitoring'], trl: 9, pt: ['commercial_technical_assistance'] }),
    pr('env-air-by', 'by-bsu', 'TR', { ru: 'Сеть мониторинга атмосферного воздуха в городах' },
      { ru: 'Для расширения городской сети наблюдений за загрязнением атмосферного воздуха нужны недорогие автоматические посты контроля взвешенных частиц и газов.' },
      { sub: ['environment.monitoring'], pt: ['commercial_technical_assistance', 'rd_cooperation'] }),
    pr('env-soil-cn', 'cn-env', 'TO', { zh: '污染土壤修复' },
      { zh: '重金属污染土壤固化稳定化修复工程。' },
      { sub: ['environment.monitoring'], pt: ['commercial_technical_assistance'] }),
    pr('env-recult-by', 'by-ecotech', 'TO', { ru: 'Рекультивация нарушенных земель' },
      { ru: 'Проекты рекультивации выработанных торфяников и карьеров.' },
      { areas: ['environment'], pt: ['commercial_technical_assistance'] }),

    // 31. seed potatoes (ru ↔ zh)
    pr('ag-potato-by', 'by-potato', 'TO', { ru: 'Оздоровленный семенной картофель белорусских сортов' },
      { ru: 'Центр производит мини-клубни методом культуры ткани in vitro и предлагает сорта картофеля, устойчивые к фитофторозу.' },
      { sub: ['agri_food.breeding'], trl: 9, pt: ['licensing', 'commercial_technical_assistance'] }),
    pr('ag-potato-cn', 'cn-agri', 'TR', { zh: '引进抗晚疫病马铃薯品种及脱毒种薯技术' },
      { zh: '农科院希望引进抗晚疫病马铃薯新品种，开展脱毒微型薯繁育合作。' },
      { pt: ['licensing', 'rd_cooperation'] }),
    pr('ag-corn-cn', 'cn-agri', 'TO', { zh: '高产玉米杂交种' },
      { zh: '适合东北地区种植的耐密高产玉米品种。' },
      { sub: ['agri_food.breeding'], trl: 9, pt: ['licensing'] }),

    // 32. dairy processing (ru ↔ zh)
    pr('ag-dairy-by', 'by-dairy', 'TR', { ru: 'Ищем оборудование для производства сухого молока и детского питания' },
      { ru: 'Молочный комбинат расширяет переработку молока и ищет партнёра, поставляющего распылительные сушилки и линии розлива.' },
      { sub: ['agri_food.food_processing'], pt: ['commercial_technical_assistance'] }),
    pr('ag-dairy-cn', 'cn-dairy', 'TO', { zh: '乳制品加工成套设备与奶粉生产线' },
      { zh: '集团下属装备公司提供乳品加工设备，包括喷雾干燥塔、婴幼儿配方奶粉生产线和无菌灌装设备。' },
      { sub: ['agri_food.food_processing'], trl: 9, pt: ['commercial_technical_assistance'] }),
    pr('ag-cheese-by', 'by-dairy', 'BO', { ru: 'Сыры и сливочное масло на экспорт' },
      { ru: 'Поставки твёрдых сыров и сливочного масла в Китай.' },
      { sub: ['agri_food.food_processing'], pt: ['commercial_technical_assistance'], tc: ['CN'] }),
    pr('ag-milkimport-cn', 'cn-dairy', 'BR', { zh: '进口白俄罗斯乳制品' },
      { zh: '寻求白俄罗斯奶酪和黄油供应商，进口乳制品到中国市场。' },
      { sub: ['agri_food.food_processing'], pt: ['commercial_technical_assistance'] }),

    // 33. plant-protection drones (with English)
    pr('ag-drone-cn', 'cn-drone', 'TO', { en: 'Plant-protection UAVs for crop spraying', zh: '植保无人机' },
      { en: 'Multirotor agricultural drones carrying 30–50 l tanks for pesticide and fertiliser spraying, with RTK navigation and field mapping.' },
      { sub: ['agri_food.precision_agriculture'], trl: 9, pt: ['commercial_technical_assistance', 'joint_venture'] }),
    pr('ag-drone-by', 'by-agromech', 'TR', { ru: 'Беспилотники для внесения средств защиты растений' },
      { ru: 'Нужны сельскохозяйственные беспилотные летательные аппараты для опрыскивания посевов, адаптированные к условиям Беларуси.' },
      { sub: ['mechanical_engineering.agri_machinery'], pt: ['commercial_technical_assistance', 'rd_cooperation'] }),

    // 34. microbial fertilisers (ru ↔ zh)
    pr('ag-biofert-by', 'by-micro', 'TO', { ru: 'Микробные удобрения для зерновых культур' },
      { ru: 'Биопрепараты на основе азотфиксирующих и фосфатмобилизующих бактерий повышают урожайность на 10–15 %.' },
      { sub: ['agri_food.precision_agriculture'], trl: 8, pt: ['licensing', 'joint_venture'] }),
    pr('ag-biofert-cn', 'cn-agri', 'TR', { zh: '引进微生物肥料菌种和生产技术' },
      { zh: '为减少化肥用量，省农科院希望引进固氮菌和解磷菌生物菌肥技术。' },
      { areas: ['agri_food'], pt: ['licensing'] }),
    pr('ag-feed-cn', 'cn-agri', 'TO', { zh: '饲料添加剂' },
      { zh: '益生菌饲料添加剂，提高畜禽免疫力。' },
      { areas: ['agri_food'], trl: 9, pt: ['commercial_technical_assistance'] }),
    pr('ag-greenhouse-cn', 'cn-agrimach', 'TO', { zh: '智能温室大棚' },
      { zh: '智能化温室环境控制系统，创新农业科技。' },
      { sub: ['agri_food.precision_agriculture'], trl: 9, pt: ['commercial_technical_assistance'] }),

    // 35. rapeseed breeding (English on both sides)
    pr('ag-rape-by', 'by-potato', 'RDR', { en: 'Joint research on winter rapeseed breeding' },
      { en: 'We seek a partner for a joint project on frost-tolerant winter rapeseed hybrids with low glucosinolate content, using marker-assisted selection.' },
      { sub: ['agri_food.breeding'], pt: ['rd_cooperation'] }),
    pr('ag-rape-cn', 'cn-agri', 'RDR', { en: 'Rapeseed breeding programme for cold regions', zh: '寒地油菜育种' },
      { en: 'The academy breeds cold-tolerant rapeseed (canola) varieties with molecular markers and looks for international research partners.' },
      { sub: ['agri_food.breeding'], pt: ['rd_cooperation'] }),
  ],
  gold: [
    ['env-mbr-by', 'env-mbr-cn'], ['env-tyre-by', 'env-tyre-cn'], ['env-air-cn', 'env-air-by'], ['ag-potato-by', 'ag-potato-cn'],
    ['ag-dairy-by', 'ag-dairy-cn'], ['ag-drone-cn', 'ag-drone-by'], ['ag-biofert-by', 'ag-biofert-cn'], ['ag-rape-by', 'ag-rape-cn'],
    ['ag-cheese-by', 'ag-milkimport-cn'],
  ],
};
