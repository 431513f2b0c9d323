// The names of the cookies the server sets, in one place (the HTTP layer and the accounts routes both need them;
// keeping them here means no module imports app.ts at run time).

/** Random session token; the `sessions` table keys its SHA-256. HttpOnly. */
export const SESSION_COOKIE = 'synergy_session';
/** The visitor's chosen language before they sign in (readable by the web app). */
export const LANG_COOKIE = 'synergy_lang';
/** The CSRF double-submit secret (@fastify/csrf-protection). */
export const CSRF_COOKIE = 'synergy_csrf';
/** Marks a browser that has signed in before (`known_devices`): its failed logins are not delayed. HttpOnly. */
export const DEVICE_COOKIE = 'synergy_device';
