// zod schemas of the calls API (requests and responses).
import { z } from 'zod';
import { mlOut, mlSchema } from '../../shared/ml-schema.ts';
import { isValidTimeZone } from '../../shared/time.ts';
import { ORG_TYPES } from '../../shared/enums.ts';
import { SECTION_KEYS } from './sections.ts';

const ml = (max: number, required = false) => mlSchema({ max, required });
const tz = z.string().refine(isValidTimeZone, { message: 'invalid_timezone' });
/** Wall-clock time in the call's zone, "2021-11-15T00:00". */
export const localTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/);
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{2,80}$/);
export const side = z.enum(['BY', 'CN']);
const uuid = z.string().uuid();
const iso = z.string();
export const idParams = z.object({ id: uuid }).strict();
export const halfParams = z.object({ id: uuid, side }).strict();
export const okSchema = z.object({ ok: z.literal(true) });
export const idOut = z.object({ id: z.string() });

// Funders, programmes, officers
export const funderBody = z.object({
  organisationId: uuid, country: side, currency: z.enum(['BYN', 'CNY']), timezone: tz,
}).strict();
export const funderOut = z.object({
  id: z.string(), organisationId: z.string(), name: mlOut, shortName: mlOut, country: z.string(), currency: z.string(), timezone: z.string(),
  budgets: z.array(z.object({ programmeId: z.string(), year: z.number(), amount: z.number() })),
});
export const budgetBody = z.object({ programmeId: uuid, year: z.number().int().min(2000).max(2100), amount: z.number().min(0).max(1e12) }).strict();
export const programmeBody = z.object({ slug, name: ml(300, true), description: ml(4000).default({}), funderIds: z.array(uuid).min(1).max(6) }).strict();
export const programmeOut = z.object({ id: z.string(), slug: z.string(), name: mlOut, description: mlOut, funderIds: z.array(z.string()) });
export const officerBody = z.object({ userId: uuid, callId: uuid.nullable().default(null) }).strict();
export const officerOut = z.object({ id: z.string(), funderId: z.string(), userId: z.string(), name: z.string(), email: z.string(), callId: z.string().nullable() });

// Calls
const criterion = z.object({
  code: z.string().regex(/^[a-z0-9_]{2,40}$/), title: ml(300, true), weight: z.number().min(0).max(100),
  scaleMin: z.number().min(0).max(100), scaleMax: z.number().min(0).max(100), step: z.number().positive().max(10), threshold: z.number().min(0).max(100).nullable().default(null),
}).strict().refine((c) => c.scaleMin < c.scaleMax, { message: 'scale_invalid', path: ['scaleMax'] });
const requiredDocument = z.object({ code: z.string().regex(/^[a-z0-9_]{2,40}$/), side, title: ml(300, true), required: z.boolean().default(true) }).strict();
const eligibility = z.object({
  minPartnersPerCountry: z.number().int().min(1).max(10).default(1), leadPerSide: z.boolean().default(true),
  allowedOrgTypes: z.array(z.enum(ORG_TYPES)).default([...ORG_TYPES]), flagParkResidents: z.boolean().default(true),
}).strict();
const cap = z.object({ funderId: uuid, year: z.number().int().min(2000).max(2100), amount: z.number().min(0).max(1e12) }).strict();

export const callBody = z.object({
  programmeId: uuid, slug, type: z.enum(['joint', 'flagship', 'fundamental']), title: ml(300, true), description: ml(20000).default({}),
  status: z.enum(['draft', 'published']).default('draft'),
  projectStartYear: z.number().int().min(2000).max(2100), projectEndYear: z.number().int().min(2000).max(2100),
  timezone: tz, opensLocal: localTime, closesLocal: localTime,
  priorityAreas: z.array(z.string().max(80)).max(30).default([]), maxDurationMonths: z.number().int().min(1).max(120),
  funders: z.array(z.object({ funderId: uuid, side }).strict()).min(1).max(2),
  caps: z.array(cap).max(40).default([]),
  criteria: z.array(criterion).max(20).default([]),
  requiredDocuments: z.array(requiredDocument).max(40).default([]),
  eligibility: eligibility.default({ minPartnersPerCountry: 1, leadPerSide: true, allowedOrgTypes: [...ORG_TYPES], flagParkResidents: true }),
}).strict().refine((c) => c.projectStartYear <= c.projectEndYear, { message: 'period_invalid', path: ['projectEndYear'] });
export type CallInput = z.output<typeof callBody>;

export const callListQuery = z.object({ phase: z.enum(['open', 'upcoming', 'closed']).optional(), programmeId: uuid.optional() }).strict();
const callFunderOut = z.object({ funderId: z.string(), side: z.string(), organisationId: z.string(), name: mlOut, shortName: mlOut, currency: z.string(), timezone: z.string() });
export const callSummaryOut = z.object({
  id: z.string(), slug: z.string(), type: z.string(), title: mlOut, status: z.string(), phase: z.enum(['upcoming', 'open', 'closed']),
  programme: z.object({ id: z.string(), name: mlOut }), projectStartYear: z.number(), projectEndYear: z.number(),
  opensAt: iso, closesAt: iso, timezone: z.string(), funders: z.array(callFunderOut),
});
export const callOut = callSummaryOut.extend({
  description: mlOut, priorityAreas: z.array(z.string()), maxDurationMonths: z.number(), serverNow: iso,
  caps: z.array(z.object({ funderId: z.string(), year: z.number(), amount: z.number() })),
  criteria: z.array(z.object({ code: z.string(), title: mlOut, weight: z.number(), scaleMin: z.number(), scaleMax: z.number(), step: z.number(), threshold: z.number().nullable().optional() })),
  requiredDocuments: z.array(z.object({ code: z.string(), side: z.string(), title: mlOut, required: z.boolean() })),
  eligibility: z.object({ minPartnersPerCountry: z.number(), leadPerSide: z.boolean(), allowedOrgTypes: z.array(z.string()), flagParkResidents: z.boolean() }),
  documents: z.array(z.object({ id: z.string(), title: mlOut, name: z.string(), size: z.number(), url: z.string() })),
  partnerSearches: z.array(z.object({ id: z.string(), title: mlOut, summary: mlOut, country: z.string(), organisation: z.object({ id: z.string(), name: mlOut }).nullable(), eoiDeadline: z.string().nullable() })),
  canEdit: z.boolean(), canApply: z.boolean(), officerOf: z.array(z.string()),
});

// Applications
export const createApplicationBody = z.object({
  side: side.optional(), organisationId: uuid.optional(),
  origin: z.object({ kind: z.enum(['eoi', 'meeting', 'recommendation']), id: uuid, candidateProfileId: uuid.optional() }).strict().optional(),
}).strict();
export const inviteBody = z.object({
  side, role: z.enum(['editor', 'viewer']).default('editor'),
  email: z.string().trim().toLowerCase().email().max(254).optional(), userId: uuid.optional(), organisationId: uuid.optional(),
}).strict().refine((b) => !!b.email || !!b.userId, { message: 'email_or_user', path: ['email'] });
export const inviteOut = z.object({ id: z.string(), link: z.string() });
export const tokenBody = z.object({ token: z.string().min(10).max(100) }).strict();
export const sectionParams = z.object({ id: uuid, side, key: z.enum(SECTION_KEYS) }).strict();
export const saveSectionBody = z.object({ baseVersion: z.number().int().min(0), content: z.record(z.string(), z.unknown()) }).strict();
export const overrideBody = z.object({ reason: z.string().trim().min(5).max(2000) }).strict();
export const checklistItem = z.object({ code: z.string().regex(/^[a-z0-9_]{2,40}$/), ok: z.boolean(), note: z.string().max(1000).optional() }).strict();
export const decisionBody = z.object({
  decision: z.enum(['eligible', 'ineligible', 'returned']), checklist: z.array(checklistItem).max(40).default([]), reasons: ml(4000).default({}),
}).strict();

const problem = z.object({ section: z.string(), code: z.string(), params: z.record(z.string(), z.unknown()).optional() });
const sectionOut = z.object({ key: z.string(), content: z.record(z.string(), z.unknown()), version: z.number(), updatedAt: iso, updatedBy: z.string().nullable() });
const decisionOut = z.object({
  decision: z.string(), version: z.number(), reasons: mlOut, decidedAt: iso, decidedByName: z.string(),
  automatic: z.array(z.object({ code: z.string(), ok: z.boolean(), params: z.record(z.string(), z.unknown()).optional() })),
  checklist: z.array(z.object({ code: z.string(), ok: z.boolean(), note: z.string().optional() })),
});
export const halfOut = z.object({
  id: z.string(), side: z.string(), funderId: z.string(), status: z.string(), submittedVersion: z.number(), submittedAt: iso.nullable(),
  sections: z.array(sectionOut),
  completeness: z.object({ complete: z.boolean(), percent: z.number(), sections: z.array(z.object({ key: z.string(), complete: z.boolean(), problems: z.array(problem) })) }),
  attachments: z.array(z.object({ id: z.string(), documentCode: z.string(), name: z.string(), mime: z.string(), size: z.number(), sha256: z.string(), url: z.string() })),
  versions: z.array(z.object({ version: z.number(), sha256: z.string(), submittedAt: iso, withdrawnAt: iso.nullable() })),
  override: z.object({ reason: z.string(), at: iso }).nullable(),
  /** Automatic eligibility checks, for the officers of the half's funder (empty for everyone else). */
  checks: z.array(z.object({ code: z.string(), ok: z.boolean(), params: z.record(z.string(), z.unknown()).optional() })),
  decision: decisionOut.nullable(),
  can: z.object({ edit: z.boolean(), submit: z.boolean(), withdraw: z.boolean(), decide: z.boolean(), override: z.boolean(), decisions: z.array(z.string()) }),
});
export const applicationOut = z.object({
  id: z.string(), reference: z.string(), callId: z.string(), callTitle: mlOut, callPhase: z.string(), closesAt: iso, callTimezone: z.string(),
  origin: z.object({ kind: z.string(), id: z.string(), data: z.record(z.string(), z.unknown()) }).nullable(),
  myMembership: z.object({ side: z.string(), role: z.string() }).nullable(),
  members: z.array(z.object({ userId: z.string(), name: z.string(), side: z.string(), role: z.string() })),
  organisations: z.array(z.object({ id: z.string(), name: mlOut, shortName: mlOut, country: z.string(), type: z.string() })),
  halves: z.array(halfOut),
  mirror: z.array(z.object({ field: z.string(), BY: z.string(), CN: z.string() })),
  createdAt: iso,
});
export const applicationSummaryOut = z.object({
  id: z.string(), reference: z.string(), callId: z.string(), callTitle: mlOut, title: mlOut, closesAt: iso,
  halves: z.array(z.object({ side: z.string(), status: z.string(), submittedVersion: z.number() })), myRole: z.string().nullable(), mySide: z.string().nullable(),
});
export const saveSectionOut = z.object({ version: z.number(), content: z.record(z.string(), z.unknown()) });
export const submitOut = z.object({ version: z.number(), sha256: z.string(), submittedAt: iso });
export const receiptOut = z.object({
  reference: z.string(), side: z.string(), version: z.number(), sha256: z.string(), submittedAt: iso, submittedBy: z.string(),
  call: z.object({ id: z.string(), title: mlOut, closesAt: iso, timezone: z.string() }), funder: z.object({ name: mlOut }),
  title: mlOut, snapshot: z.record(z.string(), z.unknown()),
});
