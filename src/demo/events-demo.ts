// Demo data of the events module: the 2021 exchange as a complete past event (agenda, registrations,
// meetings held, outcomes) and an upcoming online event with open registration to try the flow.
import { and, eq, inArray } from 'drizzle-orm';
import {
  events, eventSessions, eventSlots, eventRegistrations, meetings, meetingParticipants, meetingSlotOccupancy, meetingOutcomes,
  organisations, organisationMembers, users, userRoles,
} from '../db/schema/index.ts';
import type { Tx } from '../db/client.ts';
import type { Deps } from '../platform/context.ts';
import { hashPassword } from '../platform/password.ts';
import { newId } from '../platform/tokens.ts';
import type { Ml } from '../shared/languages.ts';
import { utcToZoned, zonedToUtc } from '../shared/time.ts';
import { generateSlots, jitsiRoomUrl } from '../modules/events/slots.ts';

type Step = { key: string; run: (tx: Tx, deps: Deps, now: Date) => Promise<void> };
const PASSWORD = 'synergy-2021';

/** More demo participants, so the 2021 meetings involve several organisations on both sides. */
export const EVENT_DEMO_USERS = [
  { email: 'participant.bsu@synergy.demo', name: 'Ирина Соколова', org: 'by-bsu', country: 'BY', lang: 'ru', timezone: 'Europe/Minsk', role: 'delegate' },
  { email: 'participant.integral@synergy.demo', name: 'Дмитрий Жуков', org: 'by-integral', country: 'BY', lang: 'ru', timezone: 'Europe/Minsk', role: 'delegate' },
  { email: 'participant.jlu@synergy.demo', name: '张伟', org: 'cn-jlu', country: 'CN', lang: 'zh', timezone: 'Asia/Shanghai', role: 'delegate' },
  { email: 'participant.faw@synergy.demo', name: '陈静', org: 'cn-faw', country: 'CN', lang: 'zh', timezone: 'Asia/Shanghai', role: 'delegate' },
  { email: 'interpreter@synergy.demo', name: 'Анна Ли', org: 'by-bntu', country: 'BY', lang: 'ru', timezone: 'Europe/Minsk', role: 'interpreter' },
] as const;

async function orgId(tx: Tx, ext: string) {
  const [o] = await tx.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.externalId, ext));
  if (!o) throw new Error(`demo organisation ${ext} missing`);
  return o;
}
async function userId(tx: Tx, email: string) {
  const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!u) throw new Error(`demo user ${email} missing`);
  return u.id;
}

async function ensureUsers(tx: Tx, now: Date) {
  const hash = await hashPassword(PASSWORD);
  for (const u of EVENT_DEMO_USERS) {
    const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.email, u.email));
    if (exists) continue;
    const id = newId();
    const org = await orgId(tx, u.org);
    await tx.insert(users).values({ id, email: u.email, passwordHash: hash, name: u.name, organisationName: org.name[u.lang] ?? org.name.en ?? '',
      country: u.country, lang: u.lang, timezone: u.timezone, emailVerifiedAt: now, isDemo: true, createdAt: now, updatedAt: now });
    await tx.insert(userRoles).values({ userId: id, role: 'participant', grantedAt: now });
    await tx.insert(organisationMembers).values({ organisationId: org.id, userId: id, role: 'owner', createdAt: now });
  }
}

type SessionSeed = { kind: string; title: Ml; from: string; to: string; topic?: Ml; moderator?: string; speakers?: { name: string; title?: Ml }[]; minutes?: Ml; slotMinutes?: number };

async function addSessions(tx: Tx, eventId: string, tz: string, list: SessionSeed[], now: Date) {
  const slotsOut: { id: string; startsAt: Date }[] = [];
  for (const s of list) {
    const id = newId();
    const startsAt = zonedToUtc(s.from, tz);
    const endsAt = zonedToUtc(s.to, tz);
    await tx.insert(eventSessions).values({ id, eventId, kind: s.kind, title: s.title, startsAt, endsAt, topic: s.topic ?? {}, moderator: s.moderator ?? null,
      speakers: s.speakers ?? [], minutes: s.minutes ?? {}, slotMinutes: s.slotMinutes ?? null, pauseMinutes: s.slotMinutes ? 0 : null, tables: s.slotMinutes ? 0 : null, createdAt: now });
    if (s.slotMinutes) {
      for (const slot of generateSlots(startsAt, endsAt, s.slotMinutes, 0)) {
        const sid = newId();
        await tx.insert(eventSlots).values({ id: sid, eventId, sessionId: id, ...slot });
        slotsOut.push({ id: sid, startsAt: slot.startsAt });
      }
    }
  }
  return slotsOut;
}

async function register(tx: Tx, eventId: string, email: string, role: string, langs: string[], now: Date) {
  const uid = await userId(tx, email);
  const [m] = await tx.select({ org: organisationMembers.organisationId, name: users.organisationName }).from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId)).where(eq(organisationMembers.userId, uid));
  await tx.insert(eventRegistrations).values({ id: newId(), eventId, userId: uid, organisationId: m?.org ?? null, organisationName: m?.name ?? '',
    role, languages: langs, needsInterpreter: langs.length === 1, status: 'approved', createdAt: now, decidedAt: now });
  return { uid, org: m?.org ?? null };
}

const ROUND_TABLE: Ml = { ru: 'Взаимодействие бизнеса и науки как фактор роста', zh: '企业与科学互动是增长的因素', en: 'Business–science interaction as a growth factor' };

export const events2021DemoStep: Step = {
  key: 'demo:events-2021-agenda:v1',
  async run(tx, deps, now) {
    await ensureUsers(tx, now);
    const [e] = await tx.select().from(events).where(eq(events.slug, 'synergy-of-innovations-2021'));
    if (!e) return;
    const tz = 'Europe/Minsk';
    // Opening and round table before the meeting block (10:00–13:00 Minsk = 15:00–18:00 Changchun).
    await tx.update(events).set({ startsAt: zonedToUtc('2021-09-29T08:30', tz), endsAt: zonedToUtc('2021-09-29T13:00', tz), bookingMode: 'self', maxMeetingsPerParticipant: 8 }).where(eq(events.id, e.id));
    const slots = await addSessions(tx, e.id, tz, [
      { kind: 'plenary', from: '2021-09-29T08:30', to: '2021-09-29T09:15',
        title: { ru: 'Открытие биржи: приветственные выступления', zh: '开幕式：致辞', en: 'Opening: welcome speeches' },
        speakers: [
          { name: 'Андрей Косовский', title: { ru: 'первый заместитель председателя ГКНТ', zh: '白俄罗斯国家科学技术委员会第一副主席', en: 'First Deputy Chairman, SCST of Belarus' } },
          { name: '吉林省副省长', title: { ru: 'вице-губернатор провинции Цзилинь', zh: '吉林省副省长', en: 'Vice-Governor of Jilin Province' } },
        ] },
      { kind: 'round_table', from: '2021-09-29T09:15', to: '2021-09-29T10:00', title: ROUND_TABLE, topic: ROUND_TABLE, moderator: 'Технопарк БНТУ «Политехник»',
        minutes: { ru: 'Участники договорились продолжить подбор совместных проектов для Китайско-Белорусского технопарка в Чанчуне и подготовить заявки на конкурс 2022–2023 гг.',
          zh: '与会者同意继续为长春中白科技园遴选联合项目，并准备2022—2023年度联合项目申报。',
          en: 'Participants agreed to keep selecting joint projects for the Changchun park and to prepare applications for the 2022–2023 call.' } },
      { kind: 'meeting_block', from: '2021-09-29T10:00', to: '2021-09-29T13:00', slotMinutes: 30,
        title: { ru: 'Двусторонние и групповые встречи', zh: '双边及小组会谈', en: 'Bilateral and group meetings' } },
    ], now);
    const reg: Record<string, { uid: string; org: string | null }> = {};
    for (const [email, role, langs] of [
      ['participant@synergy.demo', 'delegate', ['ru']], ['participant.cn@synergy.demo', 'delegate', ['zh', 'en']], ['participant.bsu@synergy.demo', 'delegate', ['ru', 'en']],
      ['participant.integral@synergy.demo', 'delegate', ['ru']], ['participant.jlu@synergy.demo', 'delegate', ['zh']], ['participant.faw@synergy.demo', 'delegate', ['zh']],
      ['interpreter@synergy.demo', 'interpreter', ['ru', 'zh']], ['organiser@synergy.demo', 'organiser', ['ru']], ['organiser.cn@synergy.demo', 'organiser', ['zh']],
    ] as const) reg[email] = await register(tx, e.id, email, role, [...langs], new Date('2021-09-10T08:00:00Z'));

    const held = new Date('2021-09-29T12:00:00Z');
    type Seed = { from: string; to: string[]; slot: number; status: string; message: string; interpreter?: boolean; outcome?: { attendance: string; outcomes: string[]; note: string }[] };
    const seeds: Seed[] = [
      { from: 'participant@synergy.demo', to: ['participant.cn@synergy.demo'], slot: 0, status: 'scheduled', interpreter: true,
        message: 'Лазерная наплавка и контроль покрытий: совместная лаборатория в Чанчуне?',
        outcome: [{ attendance: 'took_place', outcomes: ['memorandum_planned', 'joint_application_planned'], note: 'Меморандум о совместной лаборатории; заявка на конкурс 2022–2023.' },
          { attendance: 'took_place', outcomes: ['memorandum_planned'], note: '计划签署联合实验室备忘录。' }] },
      { from: 'participant.jlu@synergy.demo', to: ['participant.bsu@synergy.demo'], slot: 1, status: 'scheduled', message: '生物医学材料合作研究',
        outcome: [{ attendance: 'took_place', outcomes: ['agreement'], note: '双方同意交换研究人员。' }, { attendance: 'took_place', outcomes: ['agreement', 'follow_up'], note: 'Обмен исследователями, следующий созвон в ноябре.' }] },
      { from: 'participant.integral@synergy.demo', to: ['participant.cn@synergy.demo', 'participant.faw@synergy.demo'], slot: 2, status: 'scheduled',
        message: 'Датчики и микроэлектроника для автомобилей: групповая встреча', interpreter: true,
        outcome: [{ attendance: 'took_place', outcomes: ['follow_up'], note: 'Отправить образцы датчиков.' }, { attendance: 'took_place', outcomes: ['follow_up'], note: '' }, { attendance: 'took_place', outcomes: ['no_interest'], note: '' }] },
      { from: 'participant@synergy.demo', to: ['participant.faw@synergy.demo'], slot: 3, status: 'scheduled', message: 'Упрочняющие покрытия для деталей трансмиссии',
        outcome: [{ attendance: 'no_show', outcomes: [], note: 'Партнёр не подключился.' }] },
      { from: 'participant.jlu@synergy.demo', to: ['participant.integral@synergy.demo'], slot: -1, status: 'declined', message: '集成电路测试' },
    ];
    for (const s of seeds) {
      const id = newId();
      const people = [s.from, ...s.to];
      const slot = s.slot >= 0 ? slots[s.slot] : null;
      const interp = s.interpreter ? reg['interpreter@synergy.demo'].uid : null;
      await tx.insert(meetings).values({
        id, eventId: e.id, requestedBy: reg[s.from].uid, kind: s.to.length > 1 ? 'group' : 'bilateral', message: s.message, priority: 'must', status: s.status,
        reason: s.status === 'declined' ? '不在我们的业务范围内' : null, slotId: slot?.id ?? null, videoUrl: slot ? jitsiRoomUrl(deps.config.VIDEO_BASE_URL, 'synergy-2021') : null,
        interpreterUserId: interp, published: !!slot, scheduleVersion: 1, icsSequence: 1, createdAt: new Date('2021-09-20T08:00:00Z'), updatedAt: new Date('2021-09-22T08:00:00Z'),
      });
      for (const [i, email] of people.entries()) {
        await tx.insert(meetingParticipants).values({ meetingId: id, userId: reg[email].uid, organisationId: reg[email].org, isRequester: i === 0,
          response: i === 0 || s.status !== 'declined' ? 'accepted' : 'declined', respondedAt: new Date('2021-09-21T08:00:00Z') });
        if (slot) await tx.insert(meetingSlotOccupancy).values({ eventId: e.id, slotId: slot.id, userId: reg[email].uid, meetingId: id });
        const o = s.outcome?.[i];
        if (o) {
          const linked = people.filter((p) => p !== email).map((p) => reg[p].org).filter((x): x is string => !!x);
          await tx.insert(meetingOutcomes).values({ meetingId: id, userId: reg[email].uid, organisationId: reg[email].org, attendance: o.attendance, outcomes: o.outcomes,
            note: o.note, linkedOrganisationIds: linked, createdAt: held, updatedAt: held });
        }
      }
      if (slot && interp) await tx.insert(meetingSlotOccupancy).values({ eventId: e.id, slotId: slot.id, userId: interp, meetingId: id });
    }
  },
};

/** An online event three weeks after the seeding date, registration open, so newcomers can try everything. */
export const upcomingEventDemoStep: Step = {
  key: 'demo:events-upcoming:v1',
  async run(tx, _deps, now) {
    await ensureUsers(tx, now);
    const tz = 'Europe/Minsk';
    const day = utcToZoned(new Date(now.getTime() + 21 * 86400_000), tz).slice(0, 10);
    const id = newId();
    await tx.insert(events).values({
      id, slug: 'synergy-online-brokerage', format: 'online', timezone: tz, status: 'published', visibility: 'public',
      title: { ru: 'Синергия инноваций: онлайн-биржа контактов', zh: '协同创新：线上合作洽谈会', en: 'Synergy of Innovations: online brokerage day' },
      description: {
        ru: 'Онлайн-встречи белорусских и китайских организаций: медицина, ИТ, машиностроение, экология, энергосбережение. Зарегистрируйтесь, найдите партнёров в списке участников и договоритесь о встречах.',
        zh: '中白机构线上会谈：医学、信息技术、机械制造、生态、节能。报名后在参会者名单中寻找伙伴并预约会谈。',
        en: 'Online meetings between Belarusian and Chinese organisations: medicine, IT, machine building, ecology, energy saving. Register, find partners in the attendee list and book meetings.',
      },
      startsAt: zonedToUtc(`${day}T09:30`, tz), endsAt: zonedToUtc(`${day}T13:00`, tz),
      registrationOpensAt: now, registrationClosesAt: zonedToUtc(`${day}T09:00`, tz), approvalMode: 'auto', bookingMode: 'self',
      maxMeetingsPerParticipant: 6, requestExpiryHours: 72, reminderMinutes: 15, videoProvider: 'jitsi', createdAt: now, updatedAt: now,
    });
    await addSessions(tx, id, tz, [
      { kind: 'plenary', from: `${day}T09:30`, to: `${day}T10:00`, title: { ru: 'Открытие и презентация участников', zh: '开幕及参会者介绍', en: 'Opening and participant pitches' } },
      { kind: 'meeting_block', from: `${day}T10:00`, to: `${day}T13:00`, slotMinutes: 30, title: { ru: 'Онлайн-встречи', zh: '线上会谈', en: 'Online meetings' } },
    ], now);
    for (const email of ['participant.bsu@synergy.demo', 'participant.jlu@synergy.demo', 'participant.faw@synergy.demo']) await register(tx, id, email, 'delegate', ['ru', 'zh'], now);
  },
};

/**
 * Venues and rooms of both demo events, named in three languages, and the rooms of the sessions held in
 * them. Databases loaded before venues existed got the former single venue text as one venue (migration
 * 0006); this step replaces that entry, but leaves venues an organiser has set up by hand alone.
 */
export const eventVenuesDemoStep: Step = {
  key: 'demo:events-venues:v1',
  async run(tx) {
    const untouched = (venues: { id: string }[]) => venues.every((v) => v.id === 'main');
    const [e2021] = await tx.select().from(events).where(eq(events.slug, 'synergy-of-innovations-2021'));
    if (e2021 && untouched(e2021.venues)) {
      await tx.update(events).set({ venues: [
        { id: 'minsk', name: { ru: 'Научно-технологический парк БНТУ «Политехник»', zh: '白俄罗斯国立技术大学"综合技术"科技园', en: 'BNTU Science and Technology Park "Polytechnic"' },
          address: { ru: 'Минск, Беларусь', zh: '白俄罗斯，明斯克', en: 'Minsk, Belarus' },
          rooms: [{ id: 'minsk-hall', name: { ru: 'Конференц-зал (видеосвязь с Чанчунем)', zh: '会议厅（与长春视频连线）', en: 'Conference hall (video link to Changchun)' } }] },
        { id: 'changchun', name: { ru: 'Белорусско-китайский научно-технический парк в Чанчуне', zh: '长春中白科技园', en: 'Belarusian–Chinese Science and Technology Park in Changchun' },
          address: { ru: 'Чанчунь, провинция Цзилинь, Китай', zh: '中国吉林省长春市', en: 'Changchun, Jilin Province, China' },
          rooms: [{ id: 'changchun-hall', name: { ru: 'Конференц-зал (видеосвязь с Минском)', zh: '会议厅（与明斯克视频连线）', en: 'Conference hall (video link to Minsk)' } }] },
      ] }).where(eq(events.id, e2021.id));
      // The opening and the round table were held in the Minsk hall, linked to Changchun.
      await tx.update(eventSessions).set({ roomId: 'minsk-hall' })
        .where(and(eq(eventSessions.eventId, e2021.id), inArray(eventSessions.kind, ['plenary', 'round_table'])));
    }
    const [online] = await tx.select().from(events).where(eq(events.slug, 'synergy-online-brokerage'));
    if (online && untouched(online.venues)) {
      await tx.update(events).set({ venues: [
        { id: 'online', name: { ru: 'Онлайн', zh: '线上', en: 'Online' }, address: {},
          rooms: [{ id: 'plenary-room', name: { ru: 'Пленарный видеозал', zh: '全体会议视频厅', en: 'Plenary video room' } }] },
      ] }).where(eq(events.id, online.id));
      await tx.update(eventSessions).set({ roomId: 'plenary-room' }).where(and(eq(eventSessions.eventId, online.id), eq(eventSessions.kind, 'plenary')));
    }
  },
};
