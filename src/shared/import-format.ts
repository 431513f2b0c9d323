// The platform's own exchange format for organisations and profiles (docs/import-format.md).
// Version 2 (adds the validity fields of profiles so an export re-imports unchanged); files of
// version 1 are still accepted. Import, export, the matching batch command and the evaluation sets all use it.
import { z } from 'zod';
import { mlSchema } from './ml-schema.ts';
import { countryCode } from './country-schema.ts';
import {
  DEVELOPMENT_STAGES, IPR_STATUSES, ORG_TYPES, PARTNER_SIZES, PARTNERSHIP_TYPES, PROFILE_LIMITS as L,
  PROFILE_STATUSES, PROFILE_TYPES, MAX_CONTACTS, CONTACT_LIMITS as C, CONTACT_VISIBILITIES,
} from './enums.ts';

export const IMPORT_FORMAT = 'synergy-import';
export const IMPORT_VERSION = 2;
export const IMPORT_VERSIONS = [1, 2] as const;

const externalId = z.string().trim().min(1).max(120).regex(/^[A-Za-z0-9._:\-]+$/, 'external_id_chars');
const country = countryCode;
const keyword = z.string().trim().min(1).max(L.keywordLength);

export const contactSchema = z.object({
  name: z.string().trim().min(1).max(C.name),
  position: mlSchema({ max: C.position }).optional(),
  email: z.string().trim().email().max(C.email).optional(),
  phone: z.string().trim().max(C.phone).optional(),
  visibility: z.enum(CONTACT_VISIBILITIES).default('after_eoi'),
}).strict();

export const importOrganisationSchema = z.object({
  externalId,
  name: mlSchema({ max: 300, required: true }),
  shortName: mlSchema({ max: 60 }).optional(),
  description: mlSchema({ max: 4000 }).optional(),
  country,
  type: z.enum(ORG_TYPES),
  city: mlSchema({ max: 120 }).optional(),
  region: mlSchema({ max: 120 }).optional(),
  website: z.string().trim().url().max(300).optional(),
  areas: z.array(z.string().min(1).max(80)).max(20).default([]),
  subAreas: z.array(z.string().min(1).max(80)).max(40).default([]),
  verified: z.boolean().default(false),
  contacts: z.array(contactSchema).max(MAX_CONTACTS).default([]),
}).strict();

export const importProfileSchema = z.object({
  externalId,
  organisation: externalId, // externalId of an organisation in this file or already in the database
  type: z.enum(PROFILE_TYPES),
  status: z.enum(PROFILE_STATUSES).default('draft'),
  title: mlSchema({ max: L.title, required: true }),
  summary: mlSchema({ max: L.summary, required: true }),
  description: mlSchema({ max: L.description }).optional(),
  partnerRole: mlSchema({ max: L.partnerRole }).optional(),
  advantages: mlSchema({ max: L.advantages }).optional(),                         // TO
  technicalSpecification: mlSchema({ max: L.technicalSpecification }).optional(), // TR
  technologyKeywords: z.array(keyword).max(L.keywordsMax).default([]),
  marketKeywords: z.array(keyword).max(L.keywordsMax).default([]),
  areas: z.array(z.string().min(1).max(80)).max(8).default([]),
  subAreas: z.array(z.string().min(1).max(80)).max(16).default([]),
  partnershipTypes: z.array(z.enum(PARTNERSHIP_TYPES)).min(L.partnershipTypesMin).max(L.partnershipTypesMax),
  partnerTypesSought: z.array(z.enum(ORG_TYPES)).max(ORG_TYPES.length).default([]),
  partnerSizeSought: z.enum(PARTNER_SIZES).default('any'),
  targetCountries: z.array(country).max(50).default([]),
  developmentStage: z.enum(DEVELOPMENT_STAGES).optional(),
  trl: z.number().int().min(1).max(9).optional(),
  /** For requests (TR/BR/RDR): the lowest TRL the partner's technology should have. */
  trlMinSought: z.number().int().min(1).max(9).optional(),
  iprStatus: z.enum(IPR_STATUSES).optional(),
  iprNotes: mlSchema({ max: L.iprNotes }).optional(),
  anonymous: z.boolean().default(false),
  // RDR only
  programme: z.string().trim().max(200).optional(),
  callExternalId: z.string().trim().max(120).optional(),
  coordinatorRequired: z.boolean().optional(),
  eoiDeadline: z.string().date().optional(),
  publishedAt: z.string().datetime({ offset: true }).optional(),
  expiresAt: z.string().datetime({ offset: true }).optional(),
  // version 2
  callDeadline: z.string().datetime({ offset: true }).optional(),
  firstPublishedAt: z.string().datetime({ offset: true }).optional(),
  extensionCount: z.number().int().min(0).max(1).optional(),
}).strict();

export const importFileSchema = z.object({
  format: z.literal(IMPORT_FORMAT),
  version: z.union([z.literal(1), z.literal(2)]),
  exportedAt: z.string().datetime({ offset: true }).optional(),
  organisations: z.array(importOrganisationSchema).default([]),
  profiles: z.array(importProfileSchema).default([]),
}).strict();

export type ImportOrganisation = z.infer<typeof importOrganisationSchema>;
export type ImportProfile = z.infer<typeof importProfileSchema>;
export type ImportFile = z.infer<typeof importFileSchema>;
