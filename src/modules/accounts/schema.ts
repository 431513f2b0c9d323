import { z } from 'zod';
import { LANGS } from '../../shared/languages.ts';
import { ROLES } from '../../shared/enums.ts';
import { isValidTimeZone } from '../../shared/time.ts';
import { countryCode } from '../../shared/country-schema.ts';

export const email = z.string().trim().toLowerCase().email().max(254);
export const password = z.string().min(10).max(200);
export const timezone = z.string().refine(isValidTimeZone, { message: 'invalid_timezone' });
export const lang = z.enum(LANGS);
export const country = countryCode;
export const role = z.enum(ROLES);

export const registerBody = z.object({
  email,
  password,
  name: z.string().trim().min(1).max(200),
  organisationName: z.string().trim().min(1).max(300),
  country,
  lang,
  timezone,
  invitation: z.string().min(10).max(100).optional(),
  /** Acceptance of the terms of use and of the privacy notice (versions in src/shared/legal.ts). */
  acceptTerms: z.boolean().refine((v: boolean): boolean => v, { message: 'consent_required' }),
  acceptPrivacy: z.boolean().refine((v: boolean): boolean => v, { message: 'consent_required' }),
}).strict();

export const loginBody = z.object({ email, password: z.string().min(1).max(200) }).strict();
export const tokenBody = z.object({ token: z.string().min(10).max(100) }).strict();
export const emailBody = z.object({ email }).strict();
export const resetBody = z.object({ token: z.string().min(10).max(100), password }).strict();
export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(200), newPassword: password }).strict();
export const updateMeBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  organisationName: z.string().trim().min(1).max(300).optional(),
  country: country.optional(),
  lang: lang.optional(),
  timezone: timezone.optional(),
}).strict();

export const meSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  organisationName: z.string(),
  country: z.string(),
  lang,
  timezone: z.string(),
  roles: z.array(role),
  emailVerified: z.boolean(),
  organisations: z.array(z.object({ id: z.string(), role: z.string() })),
});
export type Me = z.infer<typeof meSchema>;

export { okSchema } from '../../server/route-kit.ts';
export const sessionListSchema = z.array(z.object({
  id: z.string(), current: z.boolean(), createdAt: z.string(), lastSeenAt: z.string(), expiresAt: z.string(),
  ip: z.string().nullable(), userAgent: z.string().nullable(),
}));
