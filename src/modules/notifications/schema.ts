// The inbox's inputs and outputs.
import { z } from 'zod';

const time = z.iso.datetime();

export const inboxQuery = z.object({ unread: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }).strict();
export const notificationOut = z.object({
  id: z.string(), kind: z.string(), data: z.record(z.string(), z.unknown()).describe('Free-form, per kind'), link: z.string().nullable(),
  createdAt: time, readAt: time.nullable(),
});
export const inboxOut = z.object({ unread: z.number(), items: z.array(notificationOut) });
