import { z } from 'zod';
import { mlOut, mlSchema } from '../../shared/ml-schema.ts';
import { MAX_CONTACTS, ORG_TYPES } from '../../shared/enums.ts';
import { contactSchema } from '../../shared/import-format.ts';
import { countryCode } from '../../shared/country-schema.ts';

const country = countryCode;
const code = z.string().trim().min(1).max(80).regex(/^[a-z0-9_.]+$/, 'invalid_format');

export const orgBody = z.object({
  name: mlSchema({ max: 300, required: true }),
  shortName: mlSchema({ max: 60 }).optional(),
  description: mlSchema({ max: 4000 }).optional(),
  country,
  type: z.enum(ORG_TYPES),
  city: mlSchema({ max: 120 }).optional(),
  region: mlSchema({ max: 120 }).optional(),
  website: z.string().trim().url().max(300).nullable().optional(),
  areas: z.array(code).max(20).optional(),
  subAreas: z.array(code).max(40).optional(),
}).strict();
export const orgPatch = orgBody.partial().strict();

export const orgListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  country: country.optional(),
  type: z.enum(ORG_TYPES).optional(),
  area: code.optional(),
  verified: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
}).strict();

const ml = mlOut;
export const contactOut = z.object({
  id: z.string(), name: z.string(), position: ml, email: z.string().nullable(), phone: z.string().nullable(), visibility: z.string(),
});
export const orgSummary = z.object({
  id: z.string(), externalId: z.string().nullable(), name: ml, shortName: ml, country: z.string(), type: z.string(), city: ml,
  areas: z.array(z.string()), verified: z.boolean(), logoUrl: z.string().nullable(),
});
export const orgDetail = orgSummary.extend({
  description: ml, region: ml, website: z.string().nullable(), subAreas: z.array(z.string()),
  contacts: z.array(contactOut), hiddenContacts: z.number(),
  members: z.array(z.object({ userId: z.string(), name: z.string(), role: z.string() })).nullable(),
  myRole: z.string().nullable(), canEdit: z.boolean(),
});
export const orgList = z.object({ total: z.number(), items: z.array(orgSummary) });
/** One of the caller's organisations and the caller's role in it. */
export const myOrganisation = orgSummary.extend({ myRole: z.string() });

export const contactsBody = z.object({ contacts: z.array(contactSchema).max(MAX_CONTACTS) }).strict();
export const memberBody = z.object({ email: z.string().trim().email(), role: z.enum(['owner', 'member']) }).strict();
export const verifyBody = z.object({ verified: z.boolean() }).strict();

export const taxonomyNode = z.object({
  code: z.string(), parentCode: z.string().nullable(), label: ml, byPriority: z.number().nullable(),
  grnti: z.array(z.string()), gbt: z.array(z.string()), sort: z.number(), active: z.boolean(),
});
export const taxonomyCreate = z.object({
  code, parentCode: code.nullable().optional(), label: mlSchema({ max: 200, required: true }),
  byPriority: z.number().int().min(1).max(20).nullable().optional(),
  grnti: z.array(z.string().trim().max(20)).max(20).optional(), gbt: z.array(z.string().trim().max(20)).max(20).optional(),
  sort: z.number().int().optional(),
}).strict();
export const taxonomyPatch = taxonomyCreate.omit({ code: true }).partial().extend({ active: z.boolean().optional() }).strict()
  .refine((o) => Object.values(o).some((v) => v !== undefined), { message: 'empty_patch' });

// ---- import and export (exchange-routes.ts)
const importCounts = z.object({ total: z.number(), create: z.number(), update: z.number() });
export const importReport = z.object({
  ok: z.boolean(), dryRun: z.boolean(), kind: z.enum(['json', 'csv', 'xlsx']),
  organisations: importCounts, profiles: importCounts,
  problems: z.array(z.object({
    sheet: z.enum(['organisations', 'profiles', 'file']), row: z.number().describe('1-based data row; 0 for the whole file'), column: z.string(), code: z.string(),
    value: z.string().optional(), message: z.string().describe("The problem in the reader's language"),
  })),
});
