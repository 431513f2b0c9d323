// The zod schema of a stored country code, kept apart from countries.ts so the web app's common
// code does not pull zod in. Every input that stores a country uses it.
import { z } from 'zod';
import { isCountryCode } from './countries.ts';

/** A real ISO 3166-1 alpha-2 code; anything else is the field error `iso_country`. */
export const countryCode = z.string().refine((v: string): boolean => isCountryCode(v), { message: 'iso_country' });
