// The `synergy-assignment` v1 interchange format (docs/assignment-format.md): zod schema, parsing and
// compilation into the dense numeric problem the solvers read. Parsing never throws anything but
// AssignmentInputError, whose message names the offending field.
import { z } from 'zod';

export class AssignmentInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AssignmentInputError';
  }
}

const id = z.string().min(1, 'an id must not be empty');
const count = z.number().int().nonnegative();
const affinityValue = z.number().refine(Number.isFinite, 'affinity must be a finite number');

export const assignmentInputSchema = z.object({
  format: z.literal('synergy-assignment'),
  version: z.literal(1),
  name: z.string().optional(),
  source: z.string().optional(),
  applications: z.array(z.object({
    id,
    demand: count,
    groupQuotas: z.record(z.string().min(1), count).optional(),
  })).min(1, 'at least one application'),
  experts: z.array(z.object({
    id,
    maxLoad: count,
    minLoad: count.optional(),
    group: z.string().min(1).optional(),
  })).min(1, 'at least one expert'),
  affinity: z.union([
    z.object({ dense: z.array(z.array(affinityValue.nullable())) }).strict(),
    z.object({ sparse: z.array(z.tuple([id, id, affinityValue])) }).strict(),
  ]),
  conflicts: z.array(z.tuple([id, id])).optional(),
});

export type AssignmentInput = z.infer<typeof assignmentInputSchema>;

/**
 * The compiled problem: applications 0..A-1, experts 0..E-1, affinity row-major A×E with NaN for a
 * pair that is not allowed (absent, null, or conflicted). Groups are small integers, -1 for none.
 */
export interface Problem {
  applicationIds: string[];
  expertIds: string[];
  demand: Int32Array;
  minLoad: Int32Array;
  maxLoad: Int32Array;
  groupNames: string[];
  expertGroup: Int32Array;
  /** quotas[i] = list of [group index, at least] for application i */
  quotas: Array<Array<[number, number]>>;
  affinity: Float64Array;
}

function issuePath(path: PropertyKey[]): string {
  return path.length ? path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') : '(root)';
}

/** Validates raw JSON against the format and compiles it; errors name the field, e.g. `experts[3].maxLoad`. */
export function parseAssignmentInput(raw: unknown): Problem {
  const parsed = assignmentInputSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 5).map((i) => `${issuePath(i.path)}: ${i.message}`);
    throw new AssignmentInputError(`invalid synergy-assignment input — ${first.join('; ')}`);
  }
  return compileInput(parsed.data);
}

/** Compiles an already-typed input (the product calls this directly, skipping JSON validation cost). */
export function compileInput(input: AssignmentInput): Problem {
  const A = input.applications.length;
  const E = input.experts.length;
  const appIndex = new Map<string, number>();
  input.applications.forEach((a, i) => {
    if (appIndex.has(a.id)) throw new AssignmentInputError(`applications[${i}].id: duplicate id "${a.id}"`);
    appIndex.set(a.id, i);
  });
  const expIndex = new Map<string, number>();
  input.experts.forEach((e, j) => {
    if (expIndex.has(e.id)) throw new AssignmentInputError(`experts[${j}].id: duplicate id "${e.id}"`);
    expIndex.set(e.id, j);
    if ((e.minLoad ?? 0) > e.maxLoad) throw new AssignmentInputError(`experts[${j}]: minLoad ${e.minLoad} exceeds maxLoad ${e.maxLoad}`);
  });
  const groupNames: string[] = [];
  const groupIndex = (g: string) => {
    let k = groupNames.indexOf(g);
    if (k < 0) { k = groupNames.length; groupNames.push(g); }
    return k;
  };
  const expertGroup = Int32Array.from(input.experts, (e) => (e.group === undefined ? -1 : groupIndex(e.group)));
  const quotas = input.applications.map((a, i) => {
    const list: Array<[number, number]> = [];
    let total = 0;
    for (const [g, q] of Object.entries(a.groupQuotas ?? {})) {
      if (q === 0) continue;
      list.push([groupIndex(g), q]);
      total += q;
    }
    if (total > a.demand) throw new AssignmentInputError(`applications[${i}].groupQuotas: quotas sum to ${total}, more than the demand ${a.demand}`);
    return list;
  });
  const affinity = new Float64Array(A * E).fill(NaN);
  if ('dense' in input.affinity) {
    const rows = input.affinity.dense;
    if (rows.length !== A) throw new AssignmentInputError(`affinity.dense: ${rows.length} rows, expected one per application (${A})`);
    rows.forEach((row, i) => {
      if (row.length !== E) throw new AssignmentInputError(`affinity.dense[${i}]: ${row.length} values, expected one per expert (${E})`);
      for (let j = 0; j < E; j++) { const v = row[j]; if (v !== null) affinity[i * E + j] = v; }
    });
  } else {
    input.affinity.sparse.forEach(([p, r, v], k) => {
      const i = appIndex.get(p);
      const j = expIndex.get(r);
      if (i === undefined) throw new AssignmentInputError(`affinity.sparse[${k}]: unknown application "${p}"`);
      if (j === undefined) throw new AssignmentInputError(`affinity.sparse[${k}]: unknown expert "${r}"`);
      affinity[i * E + j] = v;
    });
  }
  (input.conflicts ?? []).forEach(([p, r], k) => {
    const i = appIndex.get(p);
    const j = expIndex.get(r);
    if (i === undefined) throw new AssignmentInputError(`conflicts[${k}]: unknown application "${p}"`);
    if (j === undefined) throw new AssignmentInputError(`conflicts[${k}]: unknown expert "${r}"`);
    affinity[i * E + j] = NaN;
  });
  return {
    applicationIds: input.applications.map((a) => a.id),
    expertIds: input.experts.map((e) => e.id),
    demand: Int32Array.from(input.applications, (a) => a.demand),
    minLoad: Int32Array.from(input.experts, (e) => e.minLoad ?? 0),
    maxLoad: Int32Array.from(input.experts, (e) => e.maxLoad),
    groupNames, expertGroup, quotas, affinity,
  };
}
