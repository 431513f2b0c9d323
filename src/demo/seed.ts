// Base data (the taxonomy) and the demo exchange. Every step runs once: a key in app_meta
// records it, so later starts keep all data and re-running is harmless.
import { eq, sql } from 'drizzle-orm';
import { appMeta, taxonomyAreas, organisations, users, userRoles, organisationMembers, events, eventOrganisers } from '../db/schema/index.ts';
import type { Tx } from '../db/client.ts';
import type { Deps } from '../platform/context.ts';
import { hashPassword } from '../platform/password.ts';
import { newId } from '../platform/tokens.ts';
import { TAXONOMY } from '../shared/taxonomy-data.ts';
import type { Role } from '../shared/enums.ts';
import { DEMO_ORGANISATIONS } from './data/organisations.ts';
import { events2021DemoStep, eventVenuesDemoStep, upcomingEventDemoStep } from './events-demo.ts';
import { directoryDemoStep } from './directory-step.ts';
import { callsDemoStep } from './calls-demo.ts';
import { reviewDemoStep } from './review-demo.ts';

export const DEMO_PASSWORD = 'synergy-2021';
export const DEMO_USERS: { email: string; name: string; org: string; country: string; lang: 'ru' | 'zh' | 'en'; timezone: string; roles: Role[] }[] = [
  { email: 'admin@synergy.demo', name: 'Demo Administrator', org: 'by-polytechnic', country: 'BY', lang: 'en', timezone: 'Europe/Minsk', roles: ['admin'] },
  { email: 'organiser@synergy.demo', name: 'Ольга Ковалёва', org: 'by-gknt', country: 'BY', lang: 'ru', timezone: 'Europe/Minsk', roles: ['organiser'] },
  { email: 'organiser.cn@synergy.demo', name: '王丽', org: 'cn-jilin-dst', country: 'CN', lang: 'zh', timezone: 'Asia/Shanghai', roles: ['organiser'] },
  { email: 'participant@synergy.demo', name: 'Андрей Мельников', org: 'by-bntu', country: 'BY', lang: 'ru', timezone: 'Europe/Minsk', roles: ['participant'] },
  { email: 'participant.cn@synergy.demo', name: '李明', org: 'cn-ciomp', country: 'CN', lang: 'zh', timezone: 'Asia/Shanghai', roles: ['participant'] },
  { email: 'expert@synergy.demo', name: 'Сергей Новиков', org: 'by-nasb', country: 'BY', lang: 'ru', timezone: 'Europe/Minsk', roles: ['expert'] },
];

type Step = { key: string; run: (tx: Tx, deps: Deps, now: Date) => Promise<void> };

async function once(deps: Pick<Deps, 'db' | 'clock'>, step: Step): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    // Lock the row so two processes starting together do not both seed.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(720210930)`);
    const [done] = await tx.select().from(appMeta).where(eq(appMeta.key, step.key));
    if (done) return false;
    const now = deps.clock.now();
    await step.run(tx, deps as Deps, now);
    await tx.insert(appMeta).values({ key: step.key, value: { at: now.toISOString() }, updatedAt: now });
    return true;
  });
}

const taxonomyStep: Step = {
  key: 'base:taxonomy:v1',
  async run(tx) {
    let sort = 0;
    for (const a of TAXONOMY) {
      await tx.insert(taxonomyAreas).values({ code: a.code, label: a.label, byPriority: a.byPriority, grnti: a.grnti, gbt: a.gbt, related: a.related, sort: sort++ }).onConflictDoNothing();
      for (const s of a.subAreas) {
        await tx.insert(taxonomyAreas).values({ code: s.code, parentCode: a.code, label: s.label, grnti: s.grnti ?? [], gbt: s.gbt ?? [], sort: sort++ }).onConflictDoNothing();
      }
    }
  },
};

export async function orgIdByExternal(tx: Tx, externalId: string): Promise<string> {
  const [o] = await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.externalId, externalId));
  if (!o) throw new Error(`demo organisation ${externalId} missing`);
  return o.id;
}

const organisationsStep: Step = {
  key: 'demo:organisations:v1',
  async run(tx, _deps, now) {
    for (const o of DEMO_ORGANISATIONS) {
      await tx.insert(organisations).values({
        id: newId(), externalId: o.externalId, name: o.name, shortName: o.shortName ?? {}, description: o.description ?? {},
        country: o.country, type: o.type, city: o.city ?? {}, region: o.region ?? {}, website: o.website ?? null,
        areas: o.areas ?? [], subAreas: o.subAreas ?? [], verifiedAt: now, createdAt: now, updatedAt: now,
      }).onConflictDoNothing();
    }
  },
};

const usersStep: Step = {
  key: 'demo:users:v1',
  async run(tx, _deps, now) {
    const hash = await hashPassword(DEMO_PASSWORD);
    for (const u of DEMO_USERS) {
      const id = newId();
      const orgId = await orgIdByExternal(tx, u.org);
      const [org] = await tx.select().from(organisations).where(eq(organisations.id, orgId));
      await tx.insert(users).values({
        id, email: u.email, passwordHash: hash, name: u.name, organisationName: org.name[u.lang] ?? org.name.en ?? '',
        country: u.country, lang: u.lang, timezone: u.timezone, emailVerifiedAt: now, isDemo: true, createdAt: now, updatedAt: now,
      });
      const roles = new Set<Role>([...u.roles, 'participant']);
      if (u.roles.includes('admin')) roles.delete('participant');
      await tx.insert(userRoles).values([...roles].map((role) => ({ userId: id, role, grantedAt: now })));
      await tx.insert(organisationMembers).values({ organisationId: orgId, userId: id, role: 'owner', createdAt: now });
    }
  },
};

const event2021Step: Step = {
  key: 'demo:event-2021:v1',
  async run(tx, _deps, now) {
    const id = newId();
    await tx.insert(events).values({
      id, slug: 'synergy-of-innovations-2021', format: 'online', timezone: 'Europe/Minsk', status: 'closed', visibility: 'public',
      title: { ru: 'Синергия инноваций – 2021', zh: '中白合作交流2021协同创新会议', en: 'Synergy of Innovations – 2021' },
      description: {
        ru: 'Белорусско-китайская кооперационная биржа в формате видеоконференции Минск — Чанчунь. Цель — сохранить совместную организационно-технологическую площадку в Китайско-Белорусском технопарке в Чанчуне и определить перспективные направления и формы сотрудничества для совместных проектов.',
        zh: '以明斯克—长春视频会议形式举行的中白合作交流会。目的是在长春中白科技园保持中白高技术项目的联合组织技术平台，并确定联合项目的合作方向和形式。',
        en: 'A Belarusian–Chinese cooperation exchange held as a Minsk–Changchun video conference, to keep a joint organisational and technological platform in the Changchun park and find promising directions and forms of cooperation for joint projects.',
      },
      startsAt: new Date('2021-09-29T07:00:00Z'), endsAt: new Date('2021-09-29T11:00:00Z'), createdAt: now, updatedAt: now,
    });
    const organisers: [string, string][] = [['by-gknt', 'organiser'], ['by-bntu', 'organiser'], ['by-polytechnic', 'host'], ['cn-jilin-gov', 'organiser'], ['cn-bc-park', 'organiser']];
    for (const [ext, role] of organisers) {
      await tx.insert(eventOrganisers).values({ eventId: id, organisationId: await orgIdByExternal(tx, ext), role });
    }
  },
};

/** Steps later modules add to the demo exchange (profiles, agenda, meetings...). */
export const extraDemoSteps: Step[] = [directoryDemoStep, events2021DemoStep, upcomingEventDemoStep, eventVenuesDemoStep, callsDemoStep, reviewDemoStep];

/**
 * Reference data the schema needs (the taxonomy). Part of preparing a database: the CLI runs it
 * right after the migrations (`synergy migrate`, `synergy import`…) and so does every start, so a
 * migrated database is complete even if the server never ran. Needs only the database and a clock.
 */
export async function seedBase(deps: Pick<Deps, 'db' | 'clock'>): Promise<string[]> {
  return (await once(deps, taxonomyStep)) ? [taxonomyStep.key] : [];
}

/** Loads the demo exchange. `extras: false` stops after organisations, users and the 2021 event (tests that build their own marketplace). */
export async function seedDemo(deps: Deps, o: { extras?: boolean } = {}): Promise<string[]> {
  const ran: string[] = [];
  for (const step of [taxonomyStep, organisationsStep, usersStep, event2021Step, ...(o.extras === false ? [] : extraDemoSteps)]) {
    if (await once(deps, step)) ran.push(step.key);
  }
  return ran;
}

/** Outside demo mode, demo accounts must not be usable: they are disabled at start. */
export async function disableDemoAccounts(deps: Deps): Promise<number> {
  const r = await deps.db.update(users).set({ disabledAt: deps.clock.now() }).where(sql`${users.isDemo} AND ${users.disabledAt} IS NULL`).returning({ id: users.id });
  return r.length;
}
