// The `synergy-funding` v1 interchange format (docs/funding-format.md): funders with per-year budgets, approvable
// projects with score, area, lead organisation and requests per funder per year, optional constraints and the
// objective. Parsed with zod; every error names the path of the offending field. After the schema, cross-checks
// that zod cannot express (unknown funders in requests, duplicate ids) raise FundingInputError too.
import { z } from 'zod';

const amount = z.number().finite().nonnegative();
const yearKey = z.string().regex(/^\d{4}$/, 'a year must be four digits, e.g. "2023"');
const perYear = z.record(yearKey, amount);
const id = z.string().min(1).max(200);

export const fundingFileSchema = z.object({
  format: z.literal('synergy-funding'),
  version: z.literal(1),
  name: z.string().max(500).optional(),
  objective: z.enum(['score', 'count']).default('score'),
  funders: z.array(z.object({ id, currency: z.string().regex(/^[A-Z]{3}$/, 'a currency is an ISO 4217 code, e.g. "BYN"'), budget: perYear }).strict())
    .min(1).max(10),
  projects: z.array(z.object({
    id,
    score: z.number().finite(),
    area: z.string().min(1).max(200),
    leadOrganisation: z.string().min(1).max(200),
    requests: z.record(id, perYear),
    /** Optional: the score's uncertainty interval (e.g. from the calibration model), for the lottery band. */
    interval: z.tuple([z.number().finite(), z.number().finite()]).optional(),
    /** Optional: the lead organisation is a science-park resident (bonus or quota). */
    parkResident: z.boolean().optional(),
  }).strict()).max(100000),
  constraints: z.object({
    maxPerArea: z.record(z.string(), z.number().int().nonnegative()).default({}),
    minPerArea: z.record(z.string(), z.number().int().nonnegative()).default({}),
    maxPerOrganisation: z.number().int().positive().optional(),
    /** At least this many park residents funded. */
    minParkResidents: z.number().int().nonnegative().optional(),
    /** Added to a park resident's score for the objective and the ranking. */
    parkResidentBonus: z.number().finite().nonnegative().optional(),
  }).strict().default({ maxPerArea: {}, minPerArea: {} }),
}).strict();

export type FundingFile = z.output<typeof fundingFileSchema>;
export type FundingFileRaw = z.input<typeof fundingFileSchema>;

export class FundingInputError extends Error {
  constructor(message: string) { super(message); this.name = 'FundingInputError'; }
}

/** Parses and cross-checks a file; throws FundingInputError with one line per problem. */
export function parseFundingFile(raw: unknown): FundingFile {
  const r = fundingFileSchema.safeParse(raw);
  if (!r.success) {
    // A record key's own message (e.g. "a year must be four digits") sits in the nested issues.
    const detail = (i: { message: string; issues?: Array<{ message: string }> }) => (i.issues?.length ? `${i.message} (${i.issues[0].message})` : i.message);
    const lines = r.error.issues.slice(0, 20).map((i) => `${i.path.length ? i.path.join('.') : '(file)'}: ${detail(i as Parameters<typeof detail>[0])}`);
    throw new FundingInputError(`not a valid synergy-funding v1 file:\n${lines.join('\n')}`);
  }
  const f = r.data;
  const problems: string[] = [];
  const funders = new Set<string>();
  for (const fu of f.funders) {
    if (funders.has(fu.id)) problems.push(`funders: duplicate id "${fu.id}"`);
    funders.add(fu.id);
  }
  const seen = new Set<string>();
  f.projects.forEach((p, i) => {
    if (seen.has(p.id)) problems.push(`projects.${i}.id: duplicate id "${p.id}"`);
    seen.add(p.id);
    for (const [fid, years] of Object.entries(p.requests)) {
      if (!funders.has(fid)) { problems.push(`projects.${i}.requests.${fid}: no funder with this id`); continue; }
      const budget = f.funders.find((x) => x.id === fid)!.budget;
      for (const y of Object.keys(years)) {
        if (!(y in budget) && years[y] > 0) problems.push(`projects.${i}.requests.${fid}.${y}: funder ${fid} has no budget for ${y}`);
      }
    }
    if (p.interval && p.interval[0] > p.interval[1]) problems.push(`projects.${i}.interval: lower end above upper end`);
  });
  for (const [area, min] of Object.entries(f.constraints.minPerArea)) {
    const max = f.constraints.maxPerArea[area];
    if (max !== undefined && min > max) problems.push(`constraints.minPerArea.${area}: ${min} is above maxPerArea ${max}`);
  }
  if (problems.length) throw new FundingInputError(`not a valid synergy-funding v1 file:\n${problems.slice(0, 20).join('\n')}`);
  return f;
}
