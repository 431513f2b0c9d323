// The probe, part of the suite: generated from /api/openapi.json, so every operation is covered.
// 1. Authorisation matrix: every operation × six callers with real ids, against access-matrix.ts.
// 2. Object-level probes: organisation B acting on A's drafts, conversations, meetings, registrations, calendar.
// 3. Fuzz (fast-check): hostile values per parameter and body field, missing CSRF, forged cookies → never a 5xx.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTestApp, roleClients, type Client, type TestApp } from '../testing/test-app.ts';
import { orgId, publishedProfile, sampleProfile } from '../modules/profiles/testing.ts';
import { IDENTITIES, RECORD_LEVEL, type Expect, type Identity } from './access-matrix.ts';
import type { Role } from '../shared/enums.ts';

type Op = { method: string; path: string; key: string; params: { name: string; in: string }[]; bodyProps: string[] };
let t: TestApp;
let who: Record<Identity, Client>;
let ops: Op[];
const ids: Record<string, string> = {};
const NIL = '0190a0a0-0000-7000-8000-000000000000';
const ROLES: Record<Identity, Role[]> = {
  anonymous: [], participantA: ['participant'], participantB: ['participant'], expert: ['expert', 'participant'],
  organiser: ['organiser', 'participant'], admin: ['admin'],
};

before(async () => {
  t = await createTestApp({ demo: true });
  const c = await roleClients(t);
  who = { anonymous: c.anonymous, participantA: c.participant, participantB: c.participantCn, expert: c.expert, organiser: c.organiser, admin: c.admin };
  const doc = (await c.anonymous.get('/api/openapi.json')).json() as { paths: Record<string, Record<string, {
    parameters?: { name: string; in: string }[]; requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } }>> };
  ops = Object.entries(doc.paths).flatMap(([path, byMethod]) => Object.entries(byMethod).map(([m, op]) => ({
    method: m.toUpperCase(), path, key: `${m.toUpperCase()} ${path}`, params: op.parameters ?? [],
    bodyProps: Object.keys(op.requestBody?.content?.['application/json']?.schema?.properties ?? {}),
  })));
  // Fixture: records of organisation A (BNTU) with real ids.
  const q = async (sql: string, p: unknown[] = []) => (await t.deps.database.sql.query<Record<string, string>>(sql, p)).rows[0];
  ids.orgA = await orgId(t, 'by-bntu');
  ids.draftA = (await c.participant.post('/api/profiles', sampleProfile(ids.orgA))).json().id;
  ids.profileA = await publishedProfile(c.participant, c.organiser, sampleProfile(ids.orgA, { title: { ru: 'Зонд' } }));
  const userA = (await q(`SELECT id FROM users WHERE email = 'participant@synergy.demo'`)).id;
  ids.userA = userA;
  ids.event = (await q(`SELECT e.id FROM events e JOIN event_registrations r ON r.event_id = e.id WHERE r.user_id = $1 LIMIT 1`, [userA]))?.id ?? NIL;
  ids.registrationA = (await q(`SELECT id FROM event_registrations WHERE user_id = $1 LIMIT 1`, [userA]))?.id ?? NIL;
  const userB = (await q(`SELECT id FROM users WHERE email = 'participant.cn@synergy.demo'`)).id;
  const expertId = (await q(`SELECT id FROM users WHERE email = 'expert@synergy.demo'`)).id;
  // A meeting A requested, without B or the expert in it.
  ids.meetingA = (await q(`SELECT m.id FROM meetings m WHERE m.requested_by = $1 AND NOT EXISTS (SELECT 1 FROM meeting_participants p WHERE p.meeting_id = m.id AND p.user_id IN ($2, $3)) LIMIT 1`,
    [userA, userB, expertId]))?.id ?? NIL;
  ids.session = (await q(`SELECT id FROM event_sessions WHERE event_id = $1 LIMIT 1`, [ids.event]))?.id ?? NIL;
  const eoi = await c.expert.post(`/api/profiles/${ids.profileA}/interests`, { message: 'probe' });
  ids.interestA = eoi.statusCode === 201 ? eoi.json().id : (await q(`SELECT e.id FROM expressions_of_interest e JOIN profiles p ON p.id = e.profile_id WHERE p.organisation_id = $1 LIMIT 1`, [ids.orgA]))?.id ?? NIL;
  ids.noticeA = (await q(`SELECT id FROM notifications WHERE user_id = $1 LIMIT 1`, [userA]))?.id ?? NIL;
  ids.taxonomy = (await q(`SELECT code FROM taxonomy_areas LIMIT 1`)).code;
});
after(async () => { await t.close(); });

/** A concrete URL for an OpenAPI path, with fixture ids for the records of organisation A. */
function concrete(path: string, over: Record<string, string> = {}) {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (over[name] !== undefined) return over[name];
    const before = path.slice(0, path.indexOf(`{${name}}`));
    if (name === 'code') return ids.taxonomy;
    if (name === 'file') return 'probe.ics';
    if (name === 'userId') return ids.userA;
    if (name !== 'id') return NIL;
    if (before.startsWith('/api/organisations/')) return ids.orgA;
    if (before.startsWith('/api/profiles/') || before.startsWith('/api/moderation/profiles/')) return ids.profileA;
    if (before.startsWith('/api/interests/')) return ids.interestA;
    if (before.startsWith('/api/inbox/')) return ids.noticeA;
    if (before.startsWith('/api/events/')) return ids.event;
    if (before.startsWith('/api/event-sessions/')) return ids.session;
    if (before.startsWith('/api/event-registrations/')) return ids.registrationA;
    if (before.startsWith('/api/meetings/')) return ids.meetingA;
    return NIL;
  });
}

function expected(op: Op, identity: Identity): Expect {
  const cell = RECORD_LEVEL[op.key]?.[identity];
  if (cell) return cell;
  const rule = t.app.routeRegistry.find((r) => r.method === op.method && r.url.replace(/:(\w+)/g, '{$1}') === op.path)?.access;
  assert.ok(rule, `${op.key} is in the document but not in the route registry`);
  if (rule.kind === 'public') return 'reached';
  if (identity === 'anonymous') return '401';
  if (rule.kind === 'signedIn') return 'reached';
  return rule.roles.some((r) => ROLES[identity].includes(r)) ? 'reached' : '403';
}

const fits = (e: Expect, s: number) => s < 500 && (e === '401' ? s === 401 : e === '403' ? s === 403 : e === 'hidden' ? s === 403 || s === 404 : s !== 401 && s !== 403);
const SESSION_ENDING = new Set(['POST /api/auth/logout']);
const order = (o: Op) => (o.method === 'GET' ? 0 : o.method === 'DELETE' ? 2 : 1);

test('object level: organisation B cannot act on A\'s drafts, conversations, meetings, registrations or calendar', async () => {
  const B = who.participantB;
  const probes: [string, Promise<{ statusCode: number }>][] = [
    ['read A\'s draft', B.get(`/api/profiles/${ids.draftA}`)],
    ['edit A\'s draft', B.patch(`/api/profiles/${ids.draftA}`, { title: { en: 'taken over' } })],
    ['submit A\'s draft', B.post(`/api/profiles/${ids.draftA}/submit`, {})],
    ['read A\'s conversation', B.get(`/api/interests/${ids.interestA}`)],
    ['post in A\'s conversation', B.post(`/api/interests/${ids.interestA}/messages`, { body: 'intruder' })],
    ['accept for A', B.post(`/api/interests/${ids.interestA}/accept`, {})],
    ['read A\'s meeting calendar entry', B.get(`/api/meetings/${ids.meetingA}/ics`)],
    ['cancel A\'s meeting', B.post(`/api/meetings/${ids.meetingA}/cancel`, { reason: 'x' })],
    ['mark A\'s notice read', B.post(`/api/inbox/${ids.noticeA}/read`)],
    ['edit A\'s organisation', B.patch(`/api/organisations/${ids.orgA}`, { city: 'Nowhere' })],
    ['change A\'s registration', B.put(`/api/event-registrations/${ids.registrationA}/status`, { status: 'cancelled' })],
    ['a forged calendar token', B.get('/api/calendar/forged-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaa.ics')],
  ];
  for (const [what, p] of probes) {
    const r = await p;
    assert.ok([400, 403, 404, 409].includes(r.statusCode) && r.statusCode !== 200, `${what}: ${r.statusCode}`);
  }
  // Nothing changed.
  const draft = (await who.participantA.get(`/api/profiles/${ids.draftA}`)).json();
  assert.equal(draft.status, 'draft');
  assert.ok(!JSON.stringify(draft.title).includes('taken over'));
  const reg = await t.deps.database.sql.query<{ status: string }>(`SELECT status FROM event_registrations WHERE id = $1`, [ids.registrationA]);
  assert.notEqual(reg.rows[0]?.status, 'cancelled');
});

test('authorisation matrix: every operation × six callers answers as access-matrix.ts says', async () => {
  assert.ok(ops.length >= 100, `${ops.length} operations`);
  for (const key of Object.keys(RECORD_LEVEL)) assert.ok(ops.some((o) => o.key === key), `the table names a missing operation: ${key}`);
  const wrong: string[] = [];
  let cells = 0;
  for (const op of [...ops].filter((o) => !SESSION_ENDING.has(o.key)).sort((a, b) => order(a) - order(b))) {
    for (const identity of IDENTITIES) {
      const res = await who[identity].request(op.method, concrete(op.path), ['GET', 'DELETE'].includes(op.method) ? undefined : {});
      cells++;
      const e = expected(op, identity);
      if (!fits(e, res.statusCode)) wrong.push(`${op.key} as ${identity}: expected ${e}, got ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
  }
  assert.deepEqual(wrong, [], `${wrong.length} of ${cells} cells differ`);
});

const hostile = fc.oneof(
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '', ' ', '%00', '../../etc/passwd', '<script>alert(1)</script>', "' OR 1=1 --", '=HYPERLINK("x")'),
  fc.constant('é'.repeat(50_000)),
  fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(-1), fc.constant(Number.MAX_SAFE_INTEGER),
  fc.array(fc.string(), { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.constant(JSON.parse('['.repeat(60) + ']'.repeat(60))), fc.string({ unit: 'binary', maxLength: 40 }),
);
const pathHostile = fc.constantFrom('%00', 'a%00', '%ED%A0%80', '..%2F..', 'x'.repeat(2000), '-1', '0', NIL.replace(/0/g, 'f'), '%F0%9F%98%80');

test('fuzz: hostile values per parameter and body field, missing CSRF and forged cookies never give a 5xx', { timeout: 180_000 }, async () => {
  const fivexx: string[] = [];
  let requests = 0;
  const admin = who.admin;
  const forged = t.client();
  forged.cookies.set('synergy_session', 'forged-session-aaaaaaaaaaaaaaaaaaaaaaaa');
  forged.cookies.set('synergy_csrf', 'forged');
  const fields = (op: Op) => [...op.params.map((p) => ({ in: p.in, name: p.name })), ...op.bodyProps.map((name) => ({ in: 'body', name }))];
  for (const op of ops.filter((o) => !SESSION_ENDING.has(o.key))) {
    const targets = fields(op);
    await fc.assert(fc.asyncProperty(
      fc.nat({ max: Math.max(0, targets.length) }), hostile, pathHostile, fc.constantFrom('admin', 'noCsrf', 'forged'),
      async (pick, value, pathValue, mode) => {
        const target = targets[pick];
        const over: Record<string, string> = target?.in === 'path' ? { [target.name]: pathValue } : {};
        const query: Record<string, string> = {};
        if (target?.in === 'query') query[target.name] = typeof value === 'string' ? value : JSON.stringify(value);
        const body: Record<string, unknown> = target?.in === 'body' ? { [target.name]: value } : {};
        const client = mode === 'forged' ? forged : admin;
        let res: Awaited<ReturnType<typeof client.request>>;
        try {
          res = await client.request(op.method, concrete(op.path, over), ['GET', 'DELETE'].includes(op.method) ? undefined : body,
            { query, csrf: mode !== 'noCsrf' });
        } catch (e) {
          if (e instanceof URIError) return; // the client cannot even encode it; nothing reached the server
          throw e;
        }
        requests++;
        if (res.statusCode >= 500) fivexx.push(`${op.key} ${target ? `${target.in}.${target.name}` : '-'}=${JSON.stringify(value).slice(0, 60)} (${mode}): ${res.statusCode} ${res.body.slice(0, 160)}`);
        if (!admin.cookies.has('synergy_session')) await admin.login('admin@synergy.demo', 'synergy-2021');
      }), { numRuns: 6, seed: 20261207 });
  }
  assert.deepEqual(fivexx, [], `${fivexx.length} of ${requests} requests gave a 5xx`);
});
