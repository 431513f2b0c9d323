// The organisations of the 2021 exchange and those named in the domain notes (../shared/domain/README.md).
// Names are the organisations' own public names; descriptions are short summaries written for the demo.
import type { Ml } from '../../shared/languages.ts';
import type { OrgType } from '../../shared/enums.ts';

export type DemoOrganisation = {
  externalId: string; name: Ml; shortName?: Ml; description?: Ml; country: 'BY' | 'CN'; type: OrgType;
  city?: Ml; region?: Ml; website?: string; areas?: string[]; subAreas?: string[];
};

const MINSK: Ml = { ru: 'Минск', zh: '明斯克', en: 'Minsk' };
const CHANGCHUN: Ml = { ru: 'Чанчунь', zh: '长春', en: 'Changchun' };
const BEIJING: Ml = { ru: 'Пекин', zh: '北京', en: 'Beijing' };
const JILIN: Ml = { ru: 'провинция Цзилинь', zh: '吉林省', en: 'Jilin Province' };

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  // Belarus
  { externalId: 'by-gknt', country: 'BY', type: 'government', city: MINSK, website: 'https://www.gknt.gov.by',
    name: { ru: 'Государственный комитет по науке и технологиям Республики Беларусь', zh: '白俄罗斯国家科学技术委员会', en: 'State Committee on Science and Technology of the Republic of Belarus' },
    shortName: { ru: 'ГКНТ', zh: '国家科技委', en: 'SCST' },
    description: { ru: 'Республиканский орган государственного управления в сфере научной, научно-технической и инновационной деятельности; соорганизатор биржи.', zh: '白俄罗斯科学、科技和创新活动的国家管理机构；交流会联合主办方。', en: 'The state body for science, technology and innovation of Belarus; co-organiser of the exchange.' } },
  { externalId: 'by-brffi', country: 'BY', type: 'fund', city: MINSK, website: 'https://www.fond.bas-net.by',
    name: { ru: 'Белорусский республиканский фонд фундаментальных исследований', zh: '白俄罗斯基础研究基金会', en: 'Belarusian Republican Foundation for Fundamental Research' },
    shortName: { ru: 'БРФФИ', zh: '白俄基础研究基金会', en: 'BRFFR' } },
  { externalId: 'by-bntu', country: 'BY', type: 'university', city: MINSK, website: 'https://bntu.by',
    areas: ['mechanical_engineering', 'instruments_photonics', 'energy_efficiency'], subAreas: ['mechanical_engineering.additive', 'mechanical_engineering.coatings'],
    name: { ru: 'Белорусский национальный технический университет', zh: '白俄罗斯国立技术大学', en: 'Belarusian National Technical University' },
    shortName: { ru: 'БНТУ', zh: '白俄国立技术大学', en: 'BNTU' },
    description: { ru: 'Крупнейший технический университет Беларуси; соорганизатор биржи.', zh: '白俄罗斯最大的技术大学；交流会联合主办方。', en: 'The largest technical university of Belarus; co-organiser of the exchange.' } },
  { externalId: 'by-polytechnic', country: 'BY', type: 'technopark', city: MINSK, website: 'https://park.bntu.by',
    name: { ru: 'Научно-технологический парк БНТУ «Политехник»', zh: '白俄罗斯国立技术大学"综合技术"科技园', en: 'BNTU Science and Technology Park "Polytechnic"' },
    shortName: { ru: 'Технопарк «Политехник»', zh: '"综合技术"科技园', en: 'Polytechnic technopark' },
    description: { ru: 'Площадка проведения биржи в Минске.', zh: '交流会明斯克会场。', en: 'Host venue of the exchange in Minsk.' } },
  { externalId: 'by-bsu', country: 'BY', type: 'university', city: MINSK, website: 'https://bsu.by', areas: ['ict_ai', 'medicine_biotech', 'advanced_materials'],
    name: { ru: 'Белорусский государственный университет', zh: '白俄罗斯国立大学', en: 'Belarusian State University' }, shortName: { ru: 'БГУ', zh: '白俄国立大学', en: 'BSU' } },
  { externalId: 'by-bsuir', country: 'BY', type: 'university', city: MINSK, website: 'https://www.bsuir.by', areas: ['ict_ai', 'instruments_photonics'], subAreas: ['ict_ai.ai_robotics', 'instruments_photonics.microelectronics'],
    name: { ru: 'Белорусский государственный университет информатики и радиоэлектроники', zh: '白俄罗斯国立信息与无线电电子大学', en: 'Belarusian State University of Informatics and Radioelectronics' }, shortName: { ru: 'БГУИР', zh: '白俄信息无线电大学', en: 'BSUIR' } },
  { externalId: 'by-nasb', country: 'BY', type: 'research_institute', city: MINSK, website: 'https://nasb.gov.by',
    name: { ru: 'Национальная академия наук Беларуси', zh: '白俄罗斯国家科学院', en: 'National Academy of Sciences of Belarus' }, shortName: { ru: 'НАН Беларуси', zh: '白俄科学院', en: 'NASB' } },
  { externalId: 'by-ipm', country: 'BY', type: 'research_institute', city: MINSK, areas: ['advanced_materials'], subAreas: ['advanced_materials.powder_metallurgy'],
    name: { ru: 'Институт порошковой металлургии НАН Беларуси', zh: '白俄罗斯国家科学院粉末冶金研究所', en: 'Powder Metallurgy Institute of the NAS of Belarus' } },
  { externalId: 'by-stepanov', country: 'BY', type: 'research_institute', city: MINSK, areas: ['instruments_photonics'], subAreas: ['instruments_photonics.lasers', 'instruments_photonics.optics'],
    name: { ru: 'Институт физики имени Б. И. Степанова НАН Беларуси', zh: '白俄罗斯国家科学院斯捷潘诺夫物理研究所', en: 'B. I. Stepanov Institute of Physics of the NAS of Belarus' } },
  { externalId: 'by-great-stone', country: 'BY', type: 'technopark', city: { ru: 'Смолевичский район', zh: '斯莫列维奇区', en: 'Smolevichi district' }, website: 'https://industrialpark.by',
    name: { ru: 'Китайско-белорусский индустриальный парк «Великий камень»', zh: '中白工业园"巨石"', en: 'China–Belarus Industrial Park "Great Stone"' } },
  { externalId: 'by-mtz', country: 'BY', type: 'enterprise', city: MINSK, website: 'https://www.belarus-tractor.com', areas: ['mechanical_engineering'], subAreas: ['mechanical_engineering.agri_machinery'],
    name: { ru: 'ОАО «Минский тракторный завод»', zh: '明斯克拖拉机厂', en: 'Minsk Tractor Works' }, shortName: { ru: 'МТЗ', zh: '明斯克拖拉机厂', en: 'MTZ' } },
  { externalId: 'by-belaz', country: 'BY', type: 'enterprise', city: { ru: 'Жодино', zh: '若季诺', en: 'Zhodino' }, website: 'https://belaz.by', areas: ['mechanical_engineering'], subAreas: ['mechanical_engineering.automotive'],
    name: { ru: 'ОАО «БЕЛАЗ»', zh: '别拉斯', en: 'BELAZ' } },
  { externalId: 'by-integral', country: 'BY', type: 'enterprise', city: MINSK, website: 'https://integral.by', areas: ['instruments_photonics'], subAreas: ['instruments_photonics.microelectronics'],
    name: { ru: 'ОАО «Интеграл»', zh: '"集成"公司', en: 'Integral' } },
  { externalId: 'by-belomo', country: 'BY', type: 'enterprise', city: MINSK, website: 'https://belomo.by', areas: ['instruments_photonics'], subAreas: ['instruments_photonics.optics'],
    name: { ru: 'ОАО «Белорусское оптико-механическое объединение»', zh: '白俄罗斯光学机械联合体', en: 'Belarusian Optical and Mechanical Association' }, shortName: { ru: 'БелОМО', zh: '白俄光机', en: 'BelOMO' } },
  // China
  { externalId: 'cn-most', country: 'CN', type: 'government', city: BEIJING, website: 'https://www.most.gov.cn',
    name: { ru: 'Министерство науки и технологий КНР', zh: '中华人民共和国科学技术部', en: 'Ministry of Science and Technology of the PRC' }, shortName: { ru: 'Минобрнауки КНР', zh: '科技部', en: 'MOST' } },
  { externalId: 'cn-cstec', country: 'CN', type: 'government', city: BEIJING,
    name: { ru: 'Китайский центр научно-технических обменов', zh: '中国科学技术交流中心', en: 'China Science and Technology Exchange Center' } },
  { externalId: 'cn-jilin-gov', country: 'CN', type: 'government', city: CHANGCHUN, region: JILIN,
    name: { ru: 'Народное правительство провинции Цзилинь', zh: '吉林省人民政府', en: "People's Government of Jilin Province" },
    description: { ru: 'Соорганизатор биржи с китайской стороны.', zh: '交流会中方联合主办方。', en: 'Co-organiser of the exchange on the Chinese side.' } },
  { externalId: 'cn-jilin-dst', country: 'CN', type: 'government', city: CHANGCHUN, region: JILIN,
    name: { ru: 'Департамент науки и технологий провинции Цзилинь', zh: '吉林省科学技术厅', en: 'Department of Science and Technology of Jilin Province' } },
  { externalId: 'cn-bc-park', country: 'CN', type: 'technopark', city: CHANGCHUN, region: JILIN, areas: ['instruments_photonics', 'medicine_biotech', 'advanced_materials', 'mechanical_engineering', 'agri_food'],
    name: { ru: 'Белорусско-китайский научно-технический парк в Чанчуне', zh: '长春中白科技园', en: 'Belarusian–Chinese Science and Technology Park in Changchun' },
    description: { ru: 'Создан по соглашению 2010 года между провинцией Цзилинь и ГКНТ; 30 000 м², 12 зданий; оптоэлектроника, медицинская техника, новые материалы, умное производство, сельское хозяйство.', zh: '根据2010年吉林省与白俄罗斯国家科技委协议设立；3万平方米，12栋楼；光电、医疗器械、新材料、智能制造、农业。', en: 'Created under a 2010 agreement between Jilin Province and SCST; 30,000 m², 12 buildings; optoelectronics, medical devices, new materials, smart manufacturing, agriculture.' } },
  { externalId: 'cn-jlu', country: 'CN', type: 'university', city: CHANGCHUN, region: JILIN, website: 'https://www.jlu.edu.cn', areas: ['medicine_biotech', 'advanced_materials', 'mechanical_engineering'],
    name: { ru: 'Цзилиньский университет', zh: '吉林大学', en: 'Jilin University' } },
  { externalId: 'cn-cust', country: 'CN', type: 'university', city: CHANGCHUN, region: JILIN, website: 'https://www.cust.edu.cn', areas: ['instruments_photonics'], subAreas: ['instruments_photonics.optics', 'instruments_photonics.lasers'],
    name: { ru: 'Чанчуньский университет науки и технологий', zh: '长春理工大学', en: 'Changchun University of Science and Technology' } },
  { externalId: 'cn-ciomp', country: 'CN', type: 'research_institute', city: CHANGCHUN, region: JILIN, website: 'http://www.ciomp.ac.cn', areas: ['instruments_photonics'], subAreas: ['instruments_photonics.optics', 'instruments_photonics.lasers', 'instruments_photonics.sensors'],
    name: { ru: 'Чанчуньский институт оптики, точной механики и физики АН Китая', zh: '中国科学院长春光学精密机械与物理研究所', en: 'CAS Changchun Institute of Optics, Fine Mechanics and Physics' }, shortName: { ru: 'CIOMP', zh: '长春光机所', en: 'CIOMP' } },
  { externalId: 'cn-ciac', country: 'CN', type: 'research_institute', city: CHANGCHUN, region: JILIN, website: 'http://www.ciac.cas.cn', areas: ['advanced_materials', 'energy_efficiency'], subAreas: ['advanced_materials.polymers', 'energy_efficiency.storage'],
    name: { ru: 'Чанчуньский институт прикладной химии АН Китая', zh: '中国科学院长春应用化学研究所', en: 'CAS Changchun Institute of Applied Chemistry' }, shortName: { ru: 'CIAC', zh: '长春应化所', en: 'CIAC' } },
  { externalId: 'cn-faw', country: 'CN', type: 'enterprise', city: CHANGCHUN, region: JILIN, website: 'https://www.faw.com.cn', areas: ['mechanical_engineering'], subAreas: ['mechanical_engineering.automotive', 'mechanical_engineering.smart_manufacturing'],
    name: { ru: 'China FAW Group', zh: '中国第一汽车集团有限公司', en: 'China FAW Group' }, shortName: { ru: 'FAW', zh: '中国一汽', en: 'FAW' } },
];
