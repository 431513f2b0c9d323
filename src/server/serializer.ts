// Response serialisation through the routes' zod schemas. zod silently leaves out the fields a response schema does
// not name, so a field added to a handler but not to its schema would vanish from the API without a failing test.
// Under test that is an error (the route answers 500 and logs the fields), so the tests of each route keep its
// schema exact; outside tests the plain serializer runs.
import { ResponseSerializationError, serializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** Paths of the keys in `sent` (the handler's value, as JSON) that are missing from `out` (what was serialised). */
export function droppedKeys(sent: unknown, out: unknown, path: (string | number)[] = [], found: { path: (string | number)[]; key: string }[] = []) {
  if (Array.isArray(sent) && Array.isArray(out)) sent.forEach((v, i) => { droppedKeys(v, out[i], [...path, i], found); });
  else if (sent && out && typeof sent === 'object' && typeof out === 'object') {
    for (const [k, v] of Object.entries(sent)) {
      if (k in out) droppedKeys(v, (out as Record<string, unknown>)[k], [...path, k], found);
      else found.push({ path, key: k });
    }
  }
  return found;
}

export const exactSerializerCompiler: typeof serializerCompiler = (route) => {
  const serialize = serializerCompiler(route);
  return (data) => {
    const out = serialize(data);
    const dropped = data === undefined ? [] : droppedKeys(JSON.parse(JSON.stringify(data)), JSON.parse(out));
    if (dropped.length) {
      const issues = dropped.slice(0, 20).map((d) => ({ code: 'unrecognized_keys' as const, keys: [d.key], path: d.path, input: undefined,
        message: `the response schema does not name "${d.key}"` }));
      throw new ResponseSerializationError(route.method, route.url, { cause: new z.ZodError(issues) });
    }
    return out;
  };
};
