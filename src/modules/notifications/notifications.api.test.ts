// The inbox: each person sees only their own notices, newest first; marking one or all read; disabled accounts
// are never written to (platform/notify.ts), and an unknown or someone else's notice cannot be marked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, signUp, type TestApp } from '../../testing/test-app.ts';
import { notifyRecipients } from '../../platform/notify.ts';
import { users } from '../../db/schema/index.ts';
import { eq } from 'drizzle-orm';

let t: TestApp;
before(async () => { t = await createTestApp(); });
after(async () => { await t.close(); });

const idOf = async (c: Awaited<ReturnType<typeof signUp>>) => (await c.get('/api/me')).json().id as string;

test('the inbox lists a person\'s own notices; one or all can be marked read', async () => {
  const a = await signUp(t, { email: 'inbox-a@example.org' });
  const b = await signUp(t, { email: 'inbox-b@example.org' });
  const [ia, ib] = [await idOf(a), await idOf(b)];
  await t.deps.db.transaction(async (tx) => {
    for (const n of [1, 2]) {
      await notifyRecipients(tx, t.deps, [ia], () => ({ kind: 'test.notice', link: `/x/${n}`, data: { n }, template: 'interest_received', params: {} }));
    }
    await notifyRecipients(tx, t.deps, [ib], () => ({ kind: 'test.notice', link: '/y', data: {}, template: 'interest_received', params: {} }));
  });
  const inbox = (await a.get('/api/inbox')).json();
  assert.equal(inbox.unread, 2);
  assert.deepEqual(inbox.items.map((i: { link: string }) => i.link).sort(), ['/x/1', '/x/2']);
  // Someone else's notice is not marked (nothing changes for its owner).
  const other = (await b.get('/api/inbox')).json().items[0].id;
  assert.equal((await a.post(`/api/inbox/${other}/read`)).statusCode, 404, 'someone else\'s notice is not found');
  assert.equal((await b.get('/api/inbox')).json().unread, 1);
  assert.equal((await a.post(`/api/inbox/${inbox.items[0].id}/read`)).statusCode, 200);
  assert.equal((await a.get('/api/inbox', { query: { unread: 'true' } })).json().items.length, 1);
  assert.equal((await a.post('/api/inbox/read-all')).statusCode, 200);
  assert.equal((await a.get('/api/inbox')).json().unread, 0);
  assert.equal((await b.get('/api/inbox')).json().unread, 1);
  assert.equal((await t.client().get('/api/inbox')).statusCode, 401);
});

test('disabled accounts get no notice', async () => {
  const a = await signUp(t, { email: 'inbox-disabled@example.org' });
  const id = await idOf(a);
  await t.deps.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, id));
  const told = await t.deps.db.transaction((tx) =>
    notifyRecipients(tx, t.deps, [id], () => ({ kind: 'test.notice', link: '/z', data: {}, template: 'interest_received', params: {} })));
  assert.equal(told, 0);
  await t.deps.db.update(users).set({ disabledAt: null }).where(eq(users.id, id));
  assert.equal((await a.get('/api/inbox')).json().unread, 0);
});
