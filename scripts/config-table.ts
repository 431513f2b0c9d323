// Prints the README's configuration table from CONFIG_DOCS and the zod defaults (node --import tsx scripts/config-table.ts).
import { CONFIG_DOCS, configSchema } from '../src/config.ts';

const rows = Object.entries(CONFIG_DOCS).map(([key, d]) => {
  const field = (configSchema.shape as Record<string, { def?: { defaultValue?: unknown }; _zod?: { def?: { defaultValue?: unknown } } }>)[key];
  const def = field?._zod?.def?.defaultValue ?? field?.def?.defaultValue;
  const shown = def === undefined ? '—' : `\`${typeof def === 'function' ? (def as () => unknown)() : String(def)}\``;
  return `| \`${key}\` | ${shown} | \`${d.example}\` | ${d.doc} |`;
});
console.log(['| variable | default | example | meaning |', '|---|---|---|---|', ...rows].join('\n'));
