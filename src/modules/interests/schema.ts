import { z } from 'zod';

export const sendBody = z.object({
  message: z.string().trim().min(1).max(4000),
  /** The sending organisation, when the sender belongs to several. */
  organisationId: z.string().uuid().optional(),
}).strict();
export const respondBody = z.object({ note: z.string().trim().max(2000).optional() }).strict();
export const messageBody = z.object({ body: z.string().trim().min(1).max(4000) }).strict();
export const listQuery = z.object({ box: z.enum(['received', 'sent', 'all']).default('all') }).strict();
export const inboxQuery = z.object({ unread: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }).strict();
