// CSV formula injection (OWASP): a spreadsheet program runs a cell that starts with = + - @ (or a tab or
// carriage return before one) as a formula, e.g. =HYPERLINK(…) from a user-written name. Every CSV writer
// passes its cells through `csvSafeRows`, which prefixes such text with an apostrophe so it shows as text;
// `csvUnescapeCell` undoes it when our own CSV is imported again.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvSafeCell<T>(v: T): T | string {
  return typeof v === 'string' && FORMULA_START.test(v) ? `'${v}` : v;
}

export function csvSafeRows<T extends unknown[] | Record<string, unknown>>(rows: T[]): T[] {
  return rows.map((r) => (Array.isArray(r)
    ? r.map(csvSafeCell)
    : Object.fromEntries(Object.entries(r).map(([k, v]) => [k, csvSafeCell(v)]))) as T);
}

/** The inverse for cells read back from a CSV: "'=x" → "=x"; anything else unchanged. */
export const csvUnescapeCell = (v: string) => (v.startsWith("'") && FORMULA_START.test(v.slice(1)) ? v.slice(1) : v);
