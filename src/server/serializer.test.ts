import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { exactSerializerCompiler } from './serializer.ts';

const schema = z.object({ a: z.number(), at: z.string(), items: z.array(z.object({ b: z.string(), c: z.string().optional() })), free: z.record(z.string(), z.unknown()) });
const serialize = exactSerializerCompiler({ schema, method: 'GET', url: '/api/x', httpStatus: '200' } as never);

test('a response that matches its schema is serialised as usual (dates as JSON, optional fields left out, free-form records kept)', () => {
  const out = serialize({ a: 1, at: '2026-03-02T08:00:00.000Z', items: [{ b: 'x' }, { b: 'y', c: 'z' }], free: { anything: [1, 2] } });
  assert.deepEqual(JSON.parse(out), { a: 1, at: '2026-03-02T08:00:00.000Z', items: [{ b: 'x' }, { b: 'y', c: 'z' }], free: { anything: [1, 2] } });
});

test('under test, a field the response schema does not name is an error instead of vanishing', () => {
  assert.throws(() => serialize({ a: 1, at: 'now', secret: 's', items: [{ b: 'x' }, { b: 'y', extra: true }], free: {} }), (e: unknown) => {
    assert.ok(isResponseSerializationError(e));
    assert.deepEqual(e.cause.issues.map((i) => `${i.path.join('.')}:${(i as { keys: string[] }).keys.join()}`), [':secret', 'items.1:extra']);
    return true;
  });
});

test('a value of the wrong type is still refused', () => {
  assert.throws(() => serialize({ a: 'one', at: 'now', items: [], free: {} }), (e: unknown) => isResponseSerializationError(e));
});
