import { z } from 'zod';
import { LANGS } from '../../shared/languages.ts';
import { mlOut, mlSchema } from '../../shared/ml-schema.ts';
import {
  DEVELOPMENT_STAGES, IPR_STATUSES, ORG_TYPES, PARTNER_SIZES, PARTNERSHIP_TYPES, PROFILE_FIELDS, PROFILE_LIMITS as L, PROFILE_STATUSES, PROFILE_TYPES,
  type ProfileField,
} from '../../shared/enums.ts';
import { contactOut, orgSummary } from '../directory/schema.ts';
import { countryCode } from '../../shared/country-schema.ts';

const keyword = z.string().trim().min(1).max(L.keywordLength);
const code = z.string().trim().min(1).max(80);
const country = countryCode;

/** Editable fields of a profile (no defaults here, so a PATCH changes only what it names). */
export const profileFields = z.object({
  type: z.enum(PROFILE_TYPES),
  title: mlSchema({ max: L.title, required: true }),
  summary: mlSchema({ max: L.summary, required: true }),
  description: mlSchema({ max: L.description }),
  partnerRole: mlSchema({ max: L.partnerRole }),
  advantages: mlSchema({ max: L.advantages }),
  technicalSpecification: mlSchema({ max: L.technicalSpecification }),
  iprNotes: mlSchema({ max: L.iprNotes }),
  technologyKeywords: z.array(keyword).max(L.keywordsMax),
  marketKeywords: z.array(keyword).max(L.keywordsMax),
  areas: z.array(code).max(8),
  subAreas: z.array(code).max(16),
  partnershipTypes: z.array(z.enum(PARTNERSHIP_TYPES)).min(L.partnershipTypesMin).max(L.partnershipTypesMax),
  partnerTypesSought: z.array(z.enum(ORG_TYPES)).max(ORG_TYPES.length),
  partnerSizeSought: z.enum(PARTNER_SIZES),
  targetCountries: z.array(country).max(50),
  developmentStage: z.enum(DEVELOPMENT_STAGES).nullable(),
  trl: z.number().int().min(1).max(9).nullable(),
  trlMinSought: z.number().int().min(1).max(9).nullable(),
  iprStatus: z.enum(IPR_STATUSES).nullable(),
  anonymous: z.boolean(),
  programme: z.string().trim().max(200).nullable(),
  callId: z.string().uuid().nullable(),
  callExternalId: z.string().trim().max(120).nullable(),
  callDeadline: z.string().datetime({ offset: true }).nullable(),
  coordinatorRequired: z.boolean().nullable(),
  eoiDeadline: z.string().date().nullable(),
});
export type ProfileFields = z.output<typeof profileFields>;
// The re-review setting and the web app name fields by PROFILE_FIELDS: it must list exactly these.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const fieldListMatches: SameKeys<keyof typeof profileFields.shape, ProfileField> = true;
void fieldListMatches;

export const createProfileBody = profileFields.partial().required({ type: true, title: true, summary: true, partnershipTypes: true })
  .extend({ organisationId: z.string().uuid() }).strict();
export const patchProfileBody = profileFields.partial().strict();

export const commentBody = z.object({ comment: z.string().trim().max(2000).optional() }).strict();
export const reasonBody = z.object({ reason: z.string().trim().min(1).max(2000) }).strict();
export const bulkModerationBody = z.object({
  ids: z.array(z.string().uuid()).min(1).max(200),
  action: z.enum(['approve', 'return', 'reject']),
  comment: z.string().trim().max(2000).optional(),
}).strict();
export const moderationQuery = z.object({
  country: country.optional(),
  type: z.enum(PROFILE_TYPES).optional(),
  olderThanDays: z.coerce.number().int().min(0).max(3650).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
}).strict();
export const rereviewBody = z.object({ fields: z.array(z.enum(PROFILE_FIELDS)).max(PROFILE_FIELDS.length) }).strict();

const csv = (inner: z.ZodType<string>) => z.string().optional().transform((v, ctx) => {
  if (!v) return undefined;
  const parts = v.split(',').map((s) => s.trim()).filter(Boolean);
  for (const p of parts) if (!inner.safeParse(p).success) { ctx.addIssue({ code: 'custom', message: 'invalid_value' }); return z.NEVER; }
  return parts;
});
export const searchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  type: csv(z.enum(PROFILE_TYPES)),
  area: code.optional(),
  subArea: code.optional(),
  country: csv(country),
  trlMin: z.coerce.number().int().min(1).max(9).optional(),
  trlMax: z.coerce.number().int().min(1).max(9).optional(),
  partnershipType: csv(z.enum(PARTNERSHIP_TYPES)),
  orgType: csv(z.enum(ORG_TYPES)),
  status: z.enum(PROFILE_STATUSES).optional(),
  sort: z.enum(['relevance', 'date']).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  facets: z.enum(['true', 'false']).default('true'),
}).strict();
export type SearchQuery = z.output<typeof searchQuery>;

// ---- responses (what queries.ts and search.ts return; times are ISO strings)
const time = z.iso.datetime();
const strings = z.array(z.string());

/** A profile as stored (presentProfile): the organisation's list, and the base of the larger shapes. */
export const profileRecord = z.object({
  id: z.string(), externalId: z.string().nullable(), organisationId: z.string(), type: z.string(), status: z.enum(PROFILE_STATUSES),
  title: mlOut, summary: mlOut, description: mlOut, partnerRole: mlOut, advantages: mlOut, technicalSpecification: mlOut, iprNotes: mlOut,
  technologyKeywords: strings, marketKeywords: strings, areas: strings, subAreas: strings, partnershipTypes: strings,
  partnerTypesSought: strings, partnerSizeSought: z.string(), targetCountries: strings, developmentStage: z.string().nullable(),
  trl: z.number().nullable(), trlMinSought: z.number().nullable(), iprStatus: z.string().nullable(), anonymous: z.boolean(),
  programme: z.string().nullable(), callId: z.string().nullable(), callExternalId: z.string().nullable(), callDeadline: time.nullable(),
  coordinatorRequired: z.boolean().nullable(), eoiDeadline: z.iso.date().nullable(), publishedAt: time.nullable(), expiresAt: time.nullable(),
  firstPublishedAt: time.nullable(), extensionCount: z.number(), reviewPending: z.boolean(), submittedAt: time.nullable(),
  createdAt: time, updatedAt: time, version: z.number(),
});
/** Moderation notes: filled for the profile's organisation and organisers, null for everybody else. */
const moderationNotes = { moderatorComment: z.string().nullable(), rejectionReason: z.string().nullable(), holdReason: z.string().nullable() };
/** One of the caller's organisations' profiles, with the moderators' notes. */
export const ownProfile = profileRecord.extend(moderationNotes);

export const attachmentInfo = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number() });
export const profileDetail = profileRecord.extend({
  organisationId: z.string().nullable().describe('null when the profile is anonymous to the viewer'),
  country: z.string(),
  organisation: orgSummary.nullable(),
  contacts: z.array(contactOut),
  attachments: z.array(attachmentInfo.extend({ caption: mlOut, url: z.string() })),
  ...moderationNotes,
  canEdit: z.boolean(), isOwn: z.boolean(), canModerate: z.boolean(), canExpressInterest: z.boolean(),
  myInterest: z.object({ id: z.string(), status: z.string() }).nullable().describe("The latest expression of interest of the viewer's organisations"),
});

export const profileHistoryEntry = z.object({
  id: z.number(), at: time, actorId: z.string().nullable(), action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string().nullable(),
  comment: z.string().nullable(), changes: z.record(z.string(), z.unknown()).nullable().describe('Changed fields (free-form per action)'),
});

export const profileStatusResult = z.object({ status: z.enum(PROFILE_STATUSES) });
export const bulkModerationResult = z.object({
  results: z.array(z.object({ id: z.string(), ok: z.boolean(), status: z.string().optional(), error: z.string().optional().describe('Error code when refused') })),
});
export const moderationQueueItem = profileRecord.extend({ organisation: orgSummary, country: z.string(), ageDays: z.number() });
export const rereviewFieldsOut = z.object({ fields: strings });

/** A marketplace search hit. */
export const profileCard = z.object({
  id: z.string(), type: z.string(), status: z.enum(PROFILE_STATUSES), title: mlOut, summary: mlOut, areas: strings, trl: z.number().nullable(),
  partnershipTypes: strings, country: z.string(), anonymous: z.boolean(),
  organisation: z.object({ id: z.string(), name: mlOut, type: z.string(), verified: z.boolean() }).nullable(),
  publishedAt: time.nullable(), updatedAt: time, expiresAt: time.nullable(),
  highlight: z.object({ lang: z.enum(LANGS), title: z.string(), summary: z.string() }).nullable()
    .describe('Title and summary in the query language with the matched words marked'),
});
const counts = z.record(z.string(), z.number());
export const profileSearchResult = z.object({
  items: z.array(profileCard),
  nextCursor: z.string().nullable(),
  facets: z.object({ total: z.number(), type: counts, country: counts, orgType: counts, area: counts, subArea: counts, partnershipType: counts, trl: counts })
    .nullable().describe('Counts per filter value; null on later pages and with facets=false'),
  total: z.number().nullable(),
  lang: z.enum(LANGS).nullable().describe('Language the text query was read in'),
  sort: z.enum(['relevance', 'date']),
});
