// A small bilingual marketplace for the matching API tests: a Russian hydrogen request of БНТУ,
// the Chinese offer that answers it, distractors, an anonymous offer, a draft and a look-alike.
import type { Client, TestApp } from '../../testing/test-app.ts';
import { orgId, publishedProfile } from '../profiles/testing.ts';

export type Scenario = Awaited<ReturnType<typeof matchingScenario>>;

export async function matchingScenario(t: TestApp, c: { participant: Client; participantCn: Client; organiser: Client }) {
  const org = {
    bntu: await orgId(t, 'by-bntu'), ciomp: await orgId(t, 'cn-ciomp'), ciac: await orgId(t, 'cn-ciac'),
    faw: await orgId(t, 'cn-faw'), jlu: await orgId(t, 'cn-jlu'), nasb: await orgId(t, 'by-nasb'),
  };
  const base = { partnershipTypes: ['rd_cooperation', 'licensing'], areas: ['energy_efficiency'], subAreas: ['energy_efficiency.hydrogen'] };
  const request = await publishedProfile(c.participant, c.organiser, {
    ...base, organisationId: org.bntu, type: 'TR', trlMinSought: 5,
    title: { ru: 'Требуется технология водородных топливных элементов' },
    summary: { ru: 'Институт ищет производителя батарей топливных элементов для резервного электропитания; нужны системы хранения водорода.' },
  });
  const offer = await publishedProfile(c.participantCn, c.organiser, {
    ...base, organisationId: org.ciomp, type: 'TO', developmentStage: 'demonstration', trl: 6,
    title: { zh: '氢燃料电池电堆' }, summary: { zh: '公司提供质子交换膜燃料电池电堆和储氢系统，技术成熟度高。' },
  });
  const battery = await publishedProfile(c.organiser, c.organiser, {
    organisationId: org.faw, type: 'TO', developmentStage: 'on_market', trl: 9, partnershipTypes: ['commercial_technical_assistance'],
    areas: ['energy_efficiency'], subAreas: ['energy_efficiency.storage'],
    title: { zh: '锂离子电池正极材料' }, summary: { zh: '提供磷酸铁锂正极材料，用于动力电池。' },
  });
  const anonymous = await publishedProfile(c.organiser, c.organiser, {
    ...base, organisationId: org.ciac, type: 'TO', developmentStage: 'lab_tested', trl: 5, anonymous: true,
    title: { zh: '固态储氢材料与氢燃料电池系统' }, summary: { zh: '研究所开发固态储氢合金和燃料电池系统，寻求合作伙伴。' },
  });
  const draftRes = await c.organiser.post('/api/profiles', {
    ...base, organisationId: org.jlu, type: 'TO', developmentStage: 'lab_tested', trl: 4,
    title: { zh: '氢燃料电池催化剂' }, summary: { zh: '燃料电池用铂催化剂，储氢。' },
  });
  const draft = draftRes.json().id as string;
  const lookalike = await publishedProfile(c.organiser, c.organiser, {
    ...base, organisationId: org.nasb, type: 'TO', developmentStage: 'demonstration', trl: 7,
    title: { ru: 'Водородные топливные элементы' }, summary: { ru: 'Производим топливные элементы и системы хранения водорода.' },
  });
  return { org, request, offer, battery, anonymous, draft, lookalike };
}

export type Rec = { profileId: string; country: string; forProfileId: string; organisation: { id: string } | null; anonymous: boolean; reasons: { kind: string; text: string }[]; score: number };
