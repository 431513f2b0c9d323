// Demo step of the directory: published profiles of the demo organisations, contacts, and two
// expressions of interest (one accepted with a short conversation, one open).
import { eq } from 'drizzle-orm';
import { conversationMessages, expressionsOfInterest, organisationContacts, profiles, users } from '../db/schema/index.ts';
import type { Tx } from '../db/client.ts';
import type { Deps } from '../platform/context.ts';
import { systemContext } from '../platform/context.ts';
import { newId } from '../platform/tokens.ts';
import { importSource, type Source } from '../modules/exchange/import.ts';
import { DEMO_PROFILES } from './data/profiles.ts';

async function idOf(tx: Tx, table: 'profile' | 'user', key: string) {
  if (table === 'user') return (await tx.select({ id: users.id }).from(users).where(eq(users.email, key)))[0].id;
  return (await tx.select({ id: profiles.id }).from(profiles).where(eq(profiles.externalId, key)))[0].id;
}

export const directoryDemoStep = {
  key: 'demo:directory:v1',
  async run(tx: Tx, deps: Deps, now: Date) {
    const src: Source = {
      kind: 'json', fileProblems: [],
      items: DEMO_PROFILES.map((value, i) => ({ sheet: 'profiles' as const, row: i + 1, value: { status: 'published', ...value } as Record<string, unknown>, problems: [] })),
    };
    const report = await importSource(systemContext(deps), src, { dryRun: false, tx });
    if (!report.ok) throw new Error(`demo profiles invalid: ${JSON.stringify(report.problems)}`);

    const orgOf = async (ext: string) => (await tx.select({ id: profiles.organisationId }).from(profiles).where(eq(profiles.externalId, ext)))[0].id;
    const bntu = await orgOf('demo-p-bntu-laser-cladding');
    const ciomp = await orgOf('demo-p-ciomp-laser-welding');
    await tx.insert(organisationContacts).values([
      { id: newId(), organisationId: bntu, name: 'Отдел международного сотрудничества БНТУ', email: 'international@bntu.demo', visibility: 'public', sort: 0 },
      { id: newId(), organisationId: bntu, name: 'Андрей Мельников', position: { ru: 'заведующий лабораторией лазерных технологий', zh: '激光技术实验室主任', en: 'Head of the laser technology lab' }, email: 'participant@synergy.demo', phone: '+375 17 000-00-01', visibility: 'after_eoi', sort: 1 },
      { id: newId(), organisationId: ciomp, name: '国际合作处', email: 'intl@ciomp.demo', visibility: 'registered', sort: 0 },
      { id: newId(), organisationId: ciomp, name: '李明', position: { zh: '研究员', ru: 'ведущий научный сотрудник', en: 'Research professor' }, email: 'participant.cn@synergy.demo', phone: '+86 431 0000 0001', visibility: 'after_eoi', sort: 1 },
    ]);

    const li = await idOf(tx, 'user', 'participant.cn@synergy.demo');
    const andrei = await idOf(tx, 'user', 'participant@synergy.demo');
    const accepted = newId();
    const t = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
    await tx.insert(expressionsOfInterest).values([
      { id: accepted, profileId: await idOf(tx, 'profile', 'demo-p-bntu-laser-cladding'), fromOrganisationId: ciomp, fromUserId: li, status: 'accepted',
        message: '我们对贵校的激光熔覆技术很感兴趣，希望在长春中白科技园开展联合试验。', createdAt: t(0), respondedAt: t(60), respondedBy: andrei,
        responseNote: 'Будем рады сотрудничеству. Предлагаю созвониться.' },
      { id: newId(), profileId: await idOf(tx, 'profile', 'demo-p-ciomp-laser-welding'), fromOrganisationId: bntu, fromUserId: andrei, status: 'open',
        message: 'БНТУ готов участвовать: у нас есть опытный участок лазерной наплавки и составы порошков.', createdAt: t(90) },
    ]);
    await tx.insert(conversationMessages).values([
      { id: newId(), eoiId: accepted, authorId: andrei, authorOrganisationId: bntu, body: 'Добрый день! Удобно ли вам во вторник в 10:00 по Минску (15:00 по Пекину)?', createdAt: t(70) },
      { id: newId(), eoiId: accepted, authorId: li, authorOrganisationId: ciomp, body: '可以，周二北京时间15:00见。', createdAt: t(80) },
    ]);
  },
};
