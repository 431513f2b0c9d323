// The canonical form of a submitted version and its SHA-256: keys sorted at every level, strings in
// Unicode NFC, no insignificant whitespace, numbers as JSON writes them. The same content always gives the
// same bytes (and hash), whatever order the fields were saved in; any change of content changes them.
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.normalize('NFC'));
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('canonical form: non-finite number');
    return JSON.stringify(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k.normalize('NFC'))}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new Error(`canonical form: unsupported ${typeof value}`);
}

export const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
export const canonicalHash = (value: unknown) => sha256Hex(canonicalJson(value));
