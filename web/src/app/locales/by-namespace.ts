/** { ".../locales/ru/market.json": {...} } → { market: {...} } */
export function byNamespace(files: Record<string, unknown>): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [path, data] of Object.entries(files)) {
    const m = /\/(\w+)\.json$/.exec(path);
    if (m) out[m[1]] = data as Record<string, unknown>;
  }
  return out;
}
