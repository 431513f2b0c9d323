// The expected answer of every API operation to each kind of caller, checked by api-probe.api.test.ts
// against the OpenAPI document (so a new route is covered without anyone remembering to add it).
// The route-level rule (`config.access`) decides most cells: anonymous → 401, a role the rule does not
// name → 403, otherwise the request reaches the handler. This table adds the record-level refusals
// (policy.ts) a caller meets with the fixture's real ids: the records belong to organisation A
// (participant@ / BNTU); organisation B is participant.cn@ / CIOMP.
export type Identity = 'anonymous' | 'participantA' | 'participantB' | 'expert' | 'organiser' | 'admin';
/** 401 / 403 exactly; `hidden` = 403 or 404 (refused without saying whether it exists); `reached` = anything below 500 but 401/403. */
export type Expect = '401' | '403' | 'hidden' | 'reached';

export const IDENTITIES: Identity[] = ['anonymous', 'participantA', 'participantB', 'expert', 'organiser', 'admin'];

// In the fixture: A's organisation, profiles and notices; an expression of interest in A's profile sent by
// the expert's organisation (A answers it, the expert may withdraw it); a meeting of A requested by A
// without B. Staff read everything but do not answer for the sides.
const outsiders = { participantB: 'hidden', expert: 'hidden' } as const;
const notTheSides = { participantB: 'hidden', organiser: 'hidden', admin: 'hidden' } as const;

/** "METHOD /openapi/path" → cells that differ from what the route's access rule implies. */
export const RECORD_LEVEL: Record<string, Partial<Record<Identity, Expect>>> = {
  // Organisation A and its profiles: members and staff only.
  'PATCH /api/organisations/{id}': outsiders,
  'DELETE /api/organisations/{id}': outsiders,
  'DELETE /api/organisations/{id}/members/{userId}': outsiders,
  'GET /api/organisations/{id}/recommendations': outsiders,
  // The expert pool is for staff and funders' officers (review policy), not for participants or experts.
  'GET /api/review/experts': { participantA: '403', participantB: '403', expert: '403' },
  'PATCH /api/profiles/{id}': outsiders,
  'POST /api/profiles/{id}/submit': outsiders,
  'POST /api/profiles/{id}/archive': outsiders,
  'POST /api/profiles/{id}/extend': outsiders,
  'GET /api/profiles/{id}/recommendations': outsiders,
  'GET /api/profiles/{id}/history': outsiders,
  'DELETE /api/profiles/{id}/attachments/{attachmentId}': { ...outsiders, participantA: 'hidden' }, // no such attachment
  // The conversation: the two sides read it (staff too, audited); only the owner answers, only the sender withdraws.
  'GET /api/interests/{id}': { participantB: 'hidden' },
  'POST /api/interests/{id}/accept': { ...notTheSides, expert: 'hidden' },
  'POST /api/interests/{id}/decline': { ...notTheSides, expert: 'hidden' },
  'POST /api/interests/{id}/withdraw': { ...notTheSides, participantA: 'hidden' },
  // A's notice: only A.
  'POST /api/inbox/{id}/read': { participantB: 'hidden', expert: 'hidden', organiser: 'hidden', admin: 'hidden' },
  // A's meeting: the invitees answer (not the requester A, not staff); outsiders see nothing.
  'POST /api/meetings/{id}/accept': { participantA: 'hidden', participantB: 'hidden', expert: 'hidden', organiser: 'hidden', admin: 'hidden' },
  'POST /api/meetings/{id}/decline': { participantA: 'hidden', participantB: 'hidden', expert: 'hidden', organiser: 'hidden', admin: 'hidden' },
  'POST /api/meetings/{id}/cancel': outsiders,
  'GET /api/meetings/{id}/ics': outsiders,
  // Registrations of an event: organisers, and experts do not get the list.
  'GET /api/events/{id}/registrations': { expert: 'hidden' },
};
