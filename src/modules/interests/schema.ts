import { z } from 'zod';
import { mlOut } from '../../shared/ml-schema.ts';
import { INTEREST_STATUSES, PROFILE_STATUSES } from '../../shared/enums.ts';
import { contactOut, orgSummary } from '../directory/schema.ts';

export const sendBody = z.object({
  message: z.string().trim().min(1).max(4000),
  /** The sending organisation, when the sender belongs to several. */
  organisationId: z.string().uuid().optional(),
}).strict();
export const respondBody = z.object({ note: z.string().trim().max(2000).optional() }).strict();
const messageKey = z.string().min(8).max(100).regex(/^[A-Za-z0-9_-]+$/);
export const messageBody = z.object({
  body: z.string().trim().min(1).max(4000),
  clientKey: messageKey.optional()
    .describe('Chosen by the client once per message (e.g. a UUID): sending again with the same key returns the first message and mails no one again'),
}).strict();
/** Headers are not strict: browsers and proxies add their own. */
export const idempotencyHeaders = z.object({ 'idempotency-key': messageKey.optional() });
export const listQuery = z.object({ box: z.enum(['received', 'sent', 'all']).default('all') }).strict();

// ---- responses (queries.ts)
const time = z.iso.datetime();

/** An expression of interest in the caller's lists. */
export const interestSummary = z.object({
  id: z.string(), profileId: z.string(), profileTitle: mlOut, profileType: z.string(), status: z.enum(INTEREST_STATUSES),
  direction: z.string().describe('received | sent'), message: z.string(), createdAt: time, respondedAt: time.nullable(),
  messages: z.number().describe('Messages in its conversation'),
  fromOrganisation: orgSummary,
  profileOrganisation: orgSummary.nullable().describe("null while an anonymous profile's owner is hidden from the sender"),
});

export const interestDetail = z.object({
  id: z.string(), status: z.enum(INTEREST_STATUSES), message: z.string(), responseNote: z.string().nullable(), createdAt: time, respondedAt: time.nullable(),
  direction: z.string().describe('received | sent | observer'),
  profile: z.object({ id: z.string(), title: mlOut, type: z.string(), status: z.enum(PROFILE_STATUSES) }),
  fromOrganisation: orgSummary, profileOrganisation: orgSummary.nullable(),
  sender: z.object({ name: z.string(), email: z.string().nullable() }),
  responder: z.object({ name: z.string(), email: z.string() }).nullable(),
  contacts: z.object({ from: z.array(contactOut), owner: z.array(contactOut) }).nullable().describe('Both sides\' contacts once accepted'),
  messages: z.array(z.object({ id: z.string(), body: z.string(), createdAt: time, authorName: z.string(), authorOrganisationId: z.string(), mine: z.boolean() })),
  canRespond: z.boolean(), canWithdraw: z.boolean(), canMessage: z.boolean(),
});

// The inbox moved to its own module; the names stay here for code that still imports them from interests.
export { inboxOut, inboxQuery, notificationOut } from '../notifications/schema.ts';
