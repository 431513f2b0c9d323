// HTTP routes of events: events and agenda, registration, meetings.
import { z } from 'zod';
import type { App } from '../../server/app.ts';
import { access } from '../../server/access.ts';
import { eventParams, idParams, ok, okSchema, readUpload } from '../../server/route-kit.ts';
import type { Deps } from '../../platform/context.ts';
import * as s from './schema.ts';
import * as ev from './events.ts';
import * as reg from './registrations.ts';
import * as mt from './meetings.ts';
import * as mq from './meeting-queries.ts';
import * as cover from './cover.ts';
import { fileResponse } from '../../server/file-response.ts';
import { UPLOAD_RULES } from '../../shared/uploads.ts';

const created = z.object({ id: z.string() });
const meetingAction = z.object({ status: z.string(), slotId: z.string().nullable().optional(), tableNo: z.number().nullable().optional(), videoUrl: z.string().nullable().optional() });

export function eventsRoutes(app: App, _deps: Deps) {
  const tags = ['events'];
  app.route({
    method: 'GET', url: '/api/events', config: { access: access.public },
    schema: { tags, response: { 200: z.array(s.eventOut) } },
    handler: async (req) => ev.listEvents(req.ctx),
  });
  app.route({
    method: 'POST', url: '/api/events', config: { access: access.organiser },
    schema: { tags, body: s.eventBody, response: { 201: created } },
    handler: async (req, reply) => reply.code(201).send(await ev.createEvent(req.ctx, req.body)),
  });
  app.route({
    method: 'GET', url: '/api/events/:id', config: { access: access.public },
    schema: { tags, summary: 'An event by id or slug', params: eventParams, response: { 200: s.eventOut } },
    handler: async (req) => ev.getEvent(req.ctx, req.params.id),
  });
  app.route({
    method: 'PUT', url: '/api/events/:id', config: { access: access.organiser },
    schema: { tags, params: eventParams, body: s.eventBody, response: { 200: okSchema } },
    handler: async (req) => { await ev.updateEvent(req.ctx, req.params.id, req.body); return ok; },
  });
  app.route({
    method: 'POST', url: '/api/events/:id/cover', config: { access: access.organiser },
    schema: { tags, summary: 'Upload or replace the cover image (multipart field "file": PNG, JPEG or WebP up to 2 MB)', params: eventParams,
      response: { 200: z.object({ coverUrl: z.string() }) } },
    handler: async (req) => cover.uploadCover(req.ctx, req.params.id, await readUpload(req)),
  });
  app.route({
    method: 'DELETE', url: '/api/events/:id/cover', config: { access: access.organiser },
    schema: { tags, summary: 'Remove the cover image', params: eventParams, response: { 200: okSchema } },
    handler: async (req) => { await cover.removeCover(req.ctx, req.params.id); return ok; },
  });
  app.route({
    method: 'GET', url: '/api/events/:id/cover', config: { access: access.public },
    schema: { tags, summary: 'The cover image, for those who may see the event', params: eventParams,
      querystring: z.object({ v: z.string().max(64).optional() }).strict(), response: { 200: fileResponse('The cover image', UPLOAD_RULES.cover.mimes) } },
    handler: async (req, reply) => {
      const f = await cover.coverContent(req.ctx, req.params.id);
      // The URL the API hands out carries the file id (?v=), so a replaced cover is not served from caches.
      return reply.header('content-type', f.mime).header('x-content-type-options', 'nosniff')
        .header('cache-control', f.isPublic ? 'public, max-age=3600' : 'private, max-age=300').send(f.content);
    },
  });
  app.route({
    method: 'GET', url: '/api/events/:id/agenda', config: { access: access.public },
    schema: { tags, params: eventParams, response: { 200: z.array(s.sessionOut) } },
    handler: async (req) => ev.getAgenda(req.ctx, req.params.id),
  });
  app.route({
    method: 'POST', url: '/api/events/:id/sessions', config: { access: access.organiser },
    schema: { tags, params: eventParams, body: s.sessionBody, response: { 201: created } },
    handler: async (req, reply) => reply.code(201).send(await ev.addSession(req.ctx, req.params.id, req.body)),
  });
  app.route({
    method: 'PUT', url: '/api/event-sessions/:id', config: { access: access.organiser },
    schema: { tags, params: idParams, body: s.sessionBody, response: { 200: okSchema } },
    handler: async (req) => { await ev.updateSession(req.ctx, req.params.id, req.body); return ok; },
  });
  app.route({
    method: 'DELETE', url: '/api/event-sessions/:id', config: { access: access.organiser },
    schema: { tags, params: idParams, response: { 200: okSchema } },
    handler: async (req) => { await ev.deleteSession(req.ctx, req.params.id); return ok; },
  });

  // ---- registration
  const rtags = ['event registration'];
  app.route({
    method: 'POST', url: '/api/events/:id/registration', config: { access: access.signedIn },
    schema: { tags: rtags, params: eventParams, body: s.registerBody, response: { 201: z.object({ id: z.string(), status: z.string() }) } },
    handler: async (req, reply) => reply.code(201).send(await reg.register(req.ctx, req.params.id, req.body)),
  });
  app.route({
    method: 'PATCH', url: '/api/events/:id/registration', config: { access: access.signedIn },
    schema: { tags: rtags, summary: 'Change one\'s registration: languages, interpreter need, profiles brought, note', params: eventParams,
      body: s.updateRegistrationBody, response: { 200: z.object({ id: z.string(), status: z.string() }) } },
    handler: async (req) => reg.updateRegistration(req.ctx, req.params.id, req.body),
  });
  app.route({
    method: 'DELETE', url: '/api/events/:id/registration', config: { access: access.signedIn },
    schema: { tags: rtags, params: eventParams, response: { 200: z.object({ promoted: z.number() }) } },
    handler: async (req) => reg.cancelRegistration(req.ctx, req.params.id),
  });
  app.route({
    method: 'GET', url: '/api/events/:id/registrations', config: { access: access.signedIn },
    schema: { tags: rtags, summary: 'Attendees (approved) for participants; all registrations for organisers', params: eventParams, response: { 200: z.array(s.registrationOut) } },
    handler: async (req) => reg.listRegistrations(req.ctx, req.params.id),
  });
  app.route({
    method: 'PUT', url: '/api/event-registrations/:id/status', config: { access: access.organiser },
    schema: { tags: rtags, params: idParams, body: s.decideRegistrationBody, response: { 200: z.object({ status: z.string() }) } },
    handler: async (req) => reg.decideRegistration(req.ctx, req.params.id, req.body.status),
  });
  app.route({
    method: 'GET', url: '/api/events/:id/unavailability', config: { access: access.signedIn },
    schema: { tags: rtags, params: eventParams, response: { 200: s.unavailabilityBody } },
    handler: async (req) => reg.getUnavailability(req.ctx, req.params.id),
  });
  app.route({
    method: 'PUT', url: '/api/events/:id/unavailability', config: { access: access.signedIn },
    schema: { tags: rtags, params: eventParams, body: s.unavailabilityBody, response: { 200: s.unavailabilityBody } },
    handler: async (req) => reg.setUnavailability(req.ctx, req.params.id, req.body.slotIds),
  });

  // ---- meetings
  const mtags = ['meetings'];
  app.route({
    method: 'POST', url: '/api/events/:id/meetings', config: { access: access.signedIn },
    schema: { tags: mtags, summary: 'Request a bilateral or group meeting', params: eventParams, body: s.meetingRequestBody, response: { 201: z.object({ id: z.string(), status: z.string() }) } },
    handler: async (req, reply) => reply.code(201).send(await mt.requestMeeting(req.ctx, req.params.id, req.body)),
  });
  app.route({
    method: 'GET', url: '/api/meeting-partners', config: { access: access.signedIn },
    schema: { tags: mtags, summary: 'People of an organisation the caller can ask for a meeting, per coming event (for profile pages and recommendations)',
      querystring: z.object({ organisationId: z.string().uuid() }).strict(), response: { 200: s.meetingPartnersOut } },
    handler: async (req) => mq.meetingPartners(req.ctx, req.query.organisationId),
  });
  app.route({
    method: 'GET', url: '/api/events/:id/my-meetings', config: { access: access.signedIn },
    schema: { tags: mtags, params: eventParams, response: { 200: z.array(s.meetingOut) } },
    handler: async (req) => mq.myMeetings(req.ctx, req.params.id),
  });
  app.route({
    method: 'GET', url: '/api/events/:id/meetings', config: { access: access.organiser },
    schema: { tags: mtags, params: eventParams, response: { 200: z.array(s.meetingOut) } },
    handler: async (req) => mq.eventMeetings(req.ctx, req.params.id),
  });
  app.route({
    method: 'GET', url: '/api/events/:id/my-agenda', config: { access: access.signedIn },
    schema: { tags: mtags, params: eventParams, response: { 200: s.myAgendaOut } },
    handler: async (req) => mq.myAgenda(req.ctx, req.params.id),
  });
  app.route({
    method: 'GET', url: '/api/meetings/:id', config: { access: access.signedIn },
    schema: { tags: mtags, params: idParams, response: { 200: s.meetingOut } },
    handler: async (req) => mq.getMeeting(req.ctx, req.params.id),
  });
  app.route({
    method: 'GET', url: '/api/meetings/:id/free-slots', config: { access: access.signedIn },
    schema: { tags: mtags, summary: 'Slots where everyone is free (and a table is free on site)', params: idParams, response: { 200: z.array(s.slotOut) } },
    handler: async (req) => mq.freeSlots(req.ctx, req.params.id),
  });
  app.route({
    method: 'POST', url: '/api/meetings/:id/accept', config: { access: access.signedIn },
    schema: { tags: mtags, params: idParams, body: s.acceptBody, response: { 200: meetingAction } },
    handler: async (req) => mt.respond(req.ctx, req.params.id, true, { slotId: req.body.slotId }),
  });
  app.route({
    method: 'POST', url: '/api/meetings/:id/decline', config: { access: access.signedIn },
    schema: { tags: mtags, params: idParams, body: s.reasonBody, response: { 200: meetingAction } },
    handler: async (req) => mt.respond(req.ctx, req.params.id, false, { reason: req.body.reason }),
  });
  app.route({
    method: 'POST', url: '/api/meetings/:id/cancel', config: { access: access.signedIn },
    schema: { tags: mtags, params: idParams, body: s.reasonBody, response: { 200: meetingAction } },
    handler: async (req) => mt.cancel(req.ctx, req.params.id, req.body.reason),
  });
  app.route({
    method: 'POST', url: '/api/meetings/:id/book', config: { access: access.signedIn },
    schema: { tags: mtags, params: idParams, body: s.bookBody, response: { 200: meetingAction } },
    handler: async (req) => mt.book(req.ctx, req.params.id, req.body.slotId, req.body.tableNo),
  });
  app.route({
    method: 'PUT', url: '/api/meetings/:id/interpreter', config: { access: access.organiser },
    schema: { tags: mtags, params: idParams, body: s.interpreterBody, response: { 200: z.object({ interpreterUserId: z.string().nullable() }) } },
    handler: async (req) => mt.setInterpreter(req.ctx, req.params.id, req.body.userId),
  });
  app.route({
    method: 'PUT', url: '/api/meetings/:id/outcome', config: { access: access.signedIn },
    schema: { tags: mtags, params: idParams, body: s.outcomeBody, response: { 200: okSchema } },
    handler: async (req) => mt.recordOutcome(req.ctx, req.params.id, req.body),
  });
}
