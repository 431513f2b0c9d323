// zod schemas of the review API (requests and responses).
import { z } from 'zod';
import { mlOut, mlSchema } from '../../shared/ml-schema.ts';

const uuid = z.string().uuid();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const side = z.enum(['BY', 'CN']);
export const sideParams = z.object({ id: uuid, side }).strict();
export const idParams = z.object({ id: uuid }).strict();
export const okSchema = z.object({ ok: z.literal(true) });

export const expertBody = z.object({
  areas: z.array(z.string().max(80)).max(10).default([]), subAreas: z.array(z.string().max(80)).max(20).default([]),
  keywords: z.array(z.string().min(1).max(80)).max(30).default([]), statement: mlSchema({ max: 2000, required: true }),
  languages: z.array(z.enum(['ru', 'zh', 'en'])).min(1).max(3), country: z.string().regex(/^[A-Z]{2}$/),
  organisationId: uuid.nullable().default(null),
  affiliations: z.array(z.object({ organisationId: uuid.nullable().default(null), name: z.string().min(1).max(300), from: day, to: day.nullable().default(null) }).strict()).max(20).default([]),
  maxLoad: z.number().int().min(0).max(50).default(6), available: z.boolean().default(true), unavailableUntil: z.string().datetime().nullable().default(null),
}).strict();
export const expertOut = z.object({
  userId: z.string(), name: z.string(), areas: z.array(z.string()), subAreas: z.array(z.string()), keywords: z.array(z.string()), statement: mlOut,
  languages: z.array(z.string()), country: z.string(), organisationId: z.string().nullable(),
  affiliations: z.array(z.object({ organisationId: z.string().nullable(), name: z.string(), from: z.string(), to: z.string().nullable() })),
  maxLoad: z.number(), available: z.boolean(), unavailableUntil: z.string().nullable(), timezone: z.string(),
});

const anchor = z.object({ level: z.number(), text: mlSchema({ max: 500, required: true }) }).strict();
export const panelSettingsBody = z.object({
  conflictYears: z.number().int().min(0).max(20), reviewsPerHalf: z.number().int().min(1).max(10),
  mixQuota: z.record(z.string().regex(/^[A-Z]{2}$/), z.number().int().min(0).max(10)).nullable().default(null),
  anchors: z.record(z.string().max(40), z.array(anchor).max(20)).default({}),
  biddingOpen: z.boolean().default(false), reviewDeadline: z.string().datetime().nullable().default(null),
  divergenceThreshold: z.number().min(0).max(10).default(3),
}).strict().refine((b) => !b.mixQuota || Object.values(b.mixQuota).reduce((x, y) => x + y, 0) <= b.reviewsPerHalf, { message: 'quota_above_demand', path: ['mixQuota'] });
const anchorOut = z.object({ level: z.number(), text: mlOut });
const panelCore = {
  callId: z.string(), side, conflictYears: z.number(), reviewsPerHalf: z.number(), mixQuota: z.record(z.string(), z.number()).nullable(),
  anchors: z.record(z.string(), z.array(anchorOut)), biddingOpen: z.boolean(), reviewDeadline: z.string().nullable(), divergenceThreshold: z.number(), releasedAt: z.string().nullable(),
};
const criterionOut = z.object({ code: z.string(), title: mlOut, weight: z.number(), scaleMin: z.number(), scaleMax: z.number(), step: z.number(), threshold: z.number().nullable().optional() });
export const panelOut = z.object({
  ...panelCore, canManage: z.boolean(), criteria: z.array(criterionOut),
  members: z.array(expertOut.extend({ status: z.string(), invitedAt: z.string(), respondedAt: z.string().nullable() })),
});
export const inviteBody = z.object({ expertUserIds: z.array(uuid).min(1).max(200) }).strict();
export const invitedOut = z.object({ invited: z.number() });
export const respondBody = z.object({ accept: z.boolean() }).strict();
export const invitationOut = z.object({ callId: z.string(), side: z.string(), status: z.string(), invitedAt: z.string(), callTitle: mlOut });

export const runBody = z.object({ mode: z.enum(['optimal', 'fair', 'randomised']).default('optimal'), q: z.number().gt(0).max(1).optional(), seed: z.number().int().min(0).max(2 ** 31).optional() }).strict();
export const runOut = z.object({ runId: z.string(), mode: z.string(), objective: z.number(), upperBound: z.number(), worstApplication: z.number(), seconds: z.number(), assignments: z.number(), excludedConflicts: z.number() });
export const sideAssignmentsOut = z.object({
  run: z.object({ id: z.string(), mode: z.string(), objective: z.number(), upperBound: z.number(), worstApplication: z.number(), seconds: z.number(), lang: z.string(),
    excludedConflicts: z.number(), createdAt: z.string(), certificate: z.record(z.string(), z.unknown()) }).nullable(),
  assignments: z.array(z.object({ id: z.string(), applicationId: z.string(), reference: z.string(), expertUserId: z.string(), expertName: z.string(), expertCountry: z.string(),
    affinity: z.number(), reasons: z.array(z.string()), status: z.string(), removedReason: z.string().nullable(), late: z.boolean(), reviewStatus: z.string().nullable() })),
});
export const conflictsOut = z.array(z.object({ applicationId: z.string(), reference: z.string(), expertUserId: z.string(), expertName: z.string(),
  reasons: z.array(z.object({ code: z.string(), params: z.record(z.string(), z.string()), organisation: mlOut.nullable() })) }));
export const reassignBody = z.object({ expertUserId: uuid.nullable().default(null), reason: z.string().min(1).max(500) }).strict();

export const myAssignmentsOut = z.array(z.object({ id: z.string(), callId: z.string(), callTitle: mlOut, side, reference: z.string(), status: z.enum(['assigned', 'confirmed', 'submitted']),
  title: mlOut.nullable(), deadline: z.string().nullable(), late: z.boolean(), reviewStatus: z.string().nullable() }));
export const confirmBody = z.union([z.object({ noConflict: z.literal(true) }).strict(), z.object({ conflict: z.string().min(3).max(1000) }).strict()]);
export const confirmOut = z.object({ status: z.enum(['confirmed', 'removed']), replacement: z.boolean() });

const recommendation = z.enum(['fund', 'fund_with_changes', 'reject']);
export const reviewOut = z.object({ scores: z.record(z.string(), z.number()), commentToApplicants: z.string(), commentToOfficer: z.string(), recommendation: recommendation.nullable(),
  confidence: z.number().nullable(), version: z.number(), status: z.enum(['draft', 'submitted']), submittedAt: z.string().nullable(), updatedAt: z.string().nullable() });
export const assignedOut = z.object({
  id: z.string(), side, reference: z.string(), callTitle: mlOut, status: z.string(),
  half: z.object({ title: mlOut, abstract: mlOut, areas: z.array(z.string()), sections: z.record(z.string(), z.unknown()) }),
  criteria: z.array(criterionOut.extend({ anchors: z.array(anchorOut) })), deadline: z.string().nullable(), late: z.boolean(), review: reviewOut,
});
export const reviewDraftBody = z.object({
  baseVersion: z.number().int().min(0), scores: z.record(z.string().max(40), z.number().min(0).max(100)).default({}),
  commentToApplicants: z.string().max(20000).default(''), commentToOfficer: z.string().max(20000).default(''),
  recommendation: recommendation.nullable().default(null), confidence: z.number().int().min(1).max(5).nullable().default(null),
}).strict();
export const savedOut = z.object({ version: z.number(), savedAt: z.string() });
export const submitBody = z.object({ baseVersion: z.number().int().min(0) }).strict();

export const sideReviewsOut = z.array(reviewOut.extend({ assignmentId: z.string(), applicationId: z.string(), expertUserId: z.string(), expertName: z.string(), overall: z.number().nullable() }));
export const calibrationOut = z.object({
  sigma: z.number(), threshold: z.number(),
  leniency: z.array(z.object({ expertUserId: z.string(), expertName: z.string(), leniency: z.number() })),
  applications: z.array(z.object({ application: z.string(), reference: z.string(), reviews: z.number(), rawMean: z.number(), calibrated: z.number(), low: z.number(), high: z.number(),
    spread: z.number(), divergent: z.boolean(), perCriterion: z.record(z.string(), z.number().nullable()),
    consensus: z.object({ report: z.string(), finalScore: z.number(), rapporteurUserId: z.string(), updatedAt: z.string() }).nullable() })),
});
export const consensusBody = z.object({ report: z.string().min(1).max(20000), finalScore: z.number().min(0).max(10) }).strict();
export const releasedOut = z.array(z.object({ side: z.string(), released: z.boolean(), finalScore: z.number().nullable(), consensus: z.string().nullable(),
  reviews: z.array(z.object({ number: z.number(), scores: z.record(z.string(), z.number()), commentToApplicants: z.string(), recommendation: z.string().nullable() })) }));
export const applicantConflictBody = z.object({ expertUserId: uuid, reason: z.string().min(3).max(1000) }).strict();
export const biddingOut = z.array(z.object({ applicationId: z.string(), reference: z.string(), title: mlOut, abstract: mlOut, areas: z.array(z.string()), bid: z.enum(['want', 'can', 'cannot']).nullable() }));
export const bidBody = z.object({ applicationId: uuid, bid: z.enum(['want', 'can', 'cannot']) }).strict();
