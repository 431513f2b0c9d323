// Closed vocabularies of the domain (see ../shared/domain/README.md). Labels live in locales/.
export const ROLES = ['admin', 'organiser', 'participant', 'expert'] as const;
export type Role = (typeof ROLES)[number];

export const COUNTRIES = ['BY', 'CN'] as const; // the exchange's two sides; other ISO codes are allowed in data
export const TIMEZONE_BY_COUNTRY: Record<string, string> = { BY: 'Europe/Minsk', CN: 'Asia/Shanghai' };

export const ORG_TYPES = ['university', 'research_institute', 'enterprise', 'technopark', 'park_resident', 'government', 'fund'] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const PROFILE_TYPES = ['TO', 'TR', 'BO', 'BR', 'RDR'] as const;
export type ProfileType = (typeof PROFILE_TYPES)[number];

export const PARTNERSHIP_TYPES = [
  'commercial_technical_assistance', 'licensing', 'rd_cooperation', 'investment', 'joint_venture', 'outsourcing',
] as const;
export type PartnershipType = (typeof PARTNERSHIP_TYPES)[number];

export const DEVELOPMENT_STAGES = ['concept', 'under_development', 'lab_tested', 'demonstration', 'on_market'] as const;
export type DevelopmentStage = (typeof DEVELOPMENT_STAGES)[number];

export const IPR_STATUSES = ['none', 'secret_know_how', 'applied', 'granted'] as const;
export type IprStatus = (typeof IPR_STATUSES)[number];

export const PARTNER_SIZES = ['sme', 'large', 'any'] as const;

export const PROFILE_STATUSES = ['draft', 'submitted', 'returned', 'published', 'on_hold', 'rejected', 'expired', 'archived'] as const;
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];

// Statuses and kinds the API returns. Response schemas build z.enum from these lists, and the web app
// infers its types from those schemas, so each list of values exists once.
export const INTEREST_STATUSES = ['open', 'accepted', 'declined', 'withdrawn'] as const;
export type InterestStatus = (typeof INTEREST_STATUSES)[number];

export const EVENT_FORMATS = ['online', 'hybrid', 'onsite'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];
export const EVENT_STATUSES = ['draft', 'published', 'closed'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const REG_STATUSES = ['pending', 'approved', 'waitlisted', 'cancelled', 'rejected'] as const;
export type RegistrationStatus = (typeof REG_STATUSES)[number];
export const MEETING_STATUSES = ['requested', 'accepted', 'scheduled', 'cancelled', 'declined', 'expired'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const OUTCOME_KINDS = ['agreement', 'memorandum_planned', 'joint_application_planned', 'follow_up', 'no_interest'] as const;

/** A background task run (the scheduler's runs). */
export const RUN_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Contacts one organisation may list. */
export const MAX_CONTACTS = 20;

/** Who may see a contact, and the lengths of its fields (the import schema and the web form both use these). */
export const CONTACT_VISIBILITIES = ['public', 'registered', 'after_eoi'] as const;
export const CONTACT_LIMITS = { name: 200, position: 200, email: 254, phone: 50 } as const;

/** Limits from the EEN profile format. */
export const PROFILE_LIMITS = {
  title: 256, summary: 500, description: 4000, partnerRole: 4000, advantages: 4000,
  technicalSpecification: 4000, iprNotes: 1000, keywordsMax: 5, keywordLength: 80, partnershipTypesMin: 1, partnershipTypesMax: 3,
} as const;

/**
 * Editable fields of a cooperation profile, as named by the API. Organisers choose among them which
 * ones send a published profile back for re-review; profiles/schema.ts checks at compile time that
 * this list and its field schema name the same fields.
 */
export const PROFILE_FIELDS = [
  'type', 'title', 'summary', 'description', 'partnerRole', 'advantages', 'technicalSpecification', 'iprNotes',
  'technologyKeywords', 'marketKeywords', 'areas', 'subAreas', 'partnershipTypes', 'partnerTypesSought', 'partnerSizeSought',
  'targetCountries', 'developmentStage', 'trl', 'trlMinSought', 'iprStatus', 'anonymous', 'programme', 'callId',
  'callExternalId', 'callDeadline', 'coordinatorRequired', 'eoiDeadline',
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
