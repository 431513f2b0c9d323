import { z } from 'zod';
import { ROLES } from '../../shared/enums.ts';

export const userListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  role: z.enum(ROLES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
}).strict();

export const adminUser = z.object({
  id: z.string(), email: z.string(), name: z.string(), organisationName: z.string(), country: z.string(),
  lang: z.string(), timezone: z.string(), roles: z.array(z.string()), emailVerified: z.boolean(),
  disabled: z.boolean(), createdAt: z.string(), lastLoginAt: z.string().nullable(),
});
export const userList = z.object({ total: z.number(), items: z.array(adminUser) });

export const setRolesBody = z.object({ roles: z.array(z.enum(ROLES)).max(4) }).strict();
export const setDisabledBody = z.object({ disabled: z.boolean() }).strict();

export const outboxQuery = z.object({
  to: z.string().trim().max(254).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
}).strict();
export const outboxList = z.object({
  total: z.number(),
  items: z.array(z.object({
    id: z.string(), toEmail: z.string(), lang: z.string(), template: z.string(), subject: z.string(), text: z.string(),
    status: z.string(), createdAt: z.string(), sentAt: z.string().nullable(), lastError: z.string().nullable(),
  })),
});

export const auditQuery = z.object({
  entityType: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(120).optional(),
  actor: z.string().trim().max(254).optional(),
  action: z.string().trim().max(60).optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().optional(),
}).strict();
export const auditList = z.object({
  items: z.array(z.object({
    id: z.number(), at: z.string(), actorId: z.string().nullable(), actorEmail: z.string().nullable(), ip: z.string().nullable(),
    requestId: z.string().nullable(), entityType: z.string(), entityId: z.string().nullable(), action: z.string(), changes: z.any(),
  })),
  nextBefore: z.number().nullable(),
});

export const createInvitationBody = z.object({
  role: z.enum(ROLES),
  email: z.string().trim().toLowerCase().email().max(254).optional(),
  note: z.string().trim().max(500).default(''),
  ttlDays: z.number().int().min(1).max(60).default(7),
  lang: z.enum(['ru', 'zh', 'en']).optional(),
}).strict();
export const invitationOut = z.object({
  id: z.string(), role: z.string(), email: z.string().nullable(), note: z.string(), createdAt: z.string(), expiresAt: z.string(),
  usedAt: z.string().nullable(), revokedAt: z.string().nullable(), status: z.enum(['active', 'used', 'expired', 'revoked']),
  createdBy: z.string(),
});
export const createdInvitation = invitationOut.extend({ link: z.string() });
