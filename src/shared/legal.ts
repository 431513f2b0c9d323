// Versions of the terms of use and of the privacy notice people accept at registration. Raise a
// version when the text (locales/*/auth.json, "privacy") changes materially; the accepted version
// and time are stored per person.
export const TERMS_VERSION = '2026-12-07';
export const PRIVACY_VERSION = '2026-12-07';
