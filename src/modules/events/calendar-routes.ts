// HTTP routes for calendar files and organisers' reports (statistics, export, printable schedule).
import { z } from 'zod';
import type { App } from '../../server/app.ts';
import { access } from '../../server/access.ts';
import { eventParams, idParams } from '../../server/route-kit.ts';
import type { Deps } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import * as cal from './calendar.ts';
import * as st from './stats.ts';
import * as sch from './schedule.ts';
import { eventStatsOut, scheduleOut } from './schema.ts';
import { fileResponse, MEDIA } from '../../server/file-response.ts';

const ICS = 'text/calendar; charset=utf-8';

export function calendarRoutes(app: App, deps: Deps) {
  const tags = ['calendar'];
  app.route({
    method: 'GET', url: '/api/meetings/:id/ics', config: { access: access.signedIn },
    schema: { tags, summary: 'The meeting as an iCalendar file', params: idParams, response: { 200: fileResponse('iCalendar file with the meeting', [MEDIA.ics]) } },
    handler: async (req, reply) => reply.header('content-type', ICS)
      .header('content-disposition', `attachment; filename="meeting-${req.params.id.slice(-8)}.ics"`).send(await cal.meetingIcs(req.ctx, req.params.id)),
  });
  app.route({
    method: 'GET', url: '/api/calendar/feed', config: { access: access.signedIn },
    schema: { tags, response: { 200: z.object({ active: z.boolean(), createdAt: z.string().nullable() }) } },
    handler: async (req) => cal.feedStatus(req.ctx),
  });
  app.route({
    method: 'POST', url: '/api/calendar/feed', config: { access: access.signedIn },
    schema: { tags, summary: 'A new secret subscription URL (the previous one stops working)', response: { 201: z.object({ url: z.string() }) } },
    handler: async (req, reply) => reply.code(201).send(await cal.createFeed(req.ctx)),
  });
  app.route({
    method: 'DELETE', url: '/api/calendar/feed', config: { access: access.signedIn },
    schema: { tags, response: { 200: z.object({ ok: z.literal(true) }) } },
    handler: async (req) => { await cal.revokeFeed(req.ctx); return { ok: true as const }; },
  });
  app.route({
    // The token in the URL is the credential: calendar programs cannot sign in.
    method: 'GET', url: '/api/calendar/:file', config: { access: access.public },
    schema: { tags, summary: 'Personal subscription feed (secret token URL)', params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) }).strict(),
      response: { 200: fileResponse('iCalendar feed of the owner\'s meetings and sessions', [MEDIA.ics]) } },
    handler: async (req, reply) => {
      const token = req.params.file.replace(/\.ics$/, '');
      if (!token) throw notFound('calendar');
      return reply.header('content-type', ICS).header('cache-control', 'private, max-age=300').send(await cal.feedByToken(deps, token));
    },
  });

  const otags = ['event reports'];
  app.route({
    method: 'GET', url: '/api/events/:id/stats', config: { access: access.organiser },
    schema: { tags: otags, params: eventParams, response: { 200: eventStatsOut } },
    handler: async (req) => st.eventStats(req.ctx, req.params.id),
  });
  app.route({
    method: 'GET', url: '/api/events/:id/export.csv', config: { access: access.organiser },
    schema: { tags: otags, params: eventParams, response: { 200: fileResponse('One row per meeting (UTF-8 with BOM)', [MEDIA.csv]) } },
    handler: async (req, reply) => reply.header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="meetings.csv"').send(await st.exportCsv(req.ctx, req.params.id)),
  });
  app.route({
    method: 'GET', url: '/api/events/:id/export.xlsx', config: { access: access.organiser },
    schema: { tags: otags, params: eventParams, response: { 200: fileResponse('One row per meeting', [MEDIA.xlsx]) } },
    handler: async (req, reply) => reply.header('content-type', MEDIA.xlsx)
      .header('content-disposition', 'attachment; filename="meetings.xlsx"').send(await st.exportXlsx(req.ctx, req.params.id)),
  });
  app.route({
    method: 'GET', url: '/api/events/:id/schedule', config: { access: access.organiser },
    schema: { tags: otags, summary: 'Scheduled meetings with table or room, for printing', params: eventParams, response: { 200: scheduleOut } },
    handler: async (req) => st.schedule(req.ctx, req.params.id),
  });
  app.route({
    method: 'POST', url: '/api/events/:id/schedule/publish', config: { access: access.organiser },
    schema: { tags: otags, summary: 'Publish (or republish) the meeting schedule and notify participants', params: eventParams,
      response: { 200: z.object({ version: z.number(), meetings: z.number(), notified: z.number() }) } },
    handler: async (req) => sch.publishSchedule(req.ctx, req.params.id),
  });
  app.route({
    method: 'POST', url: '/api/events/:id/follow-up', config: { access: access.organiser },
    schema: { tags: otags, summary: 'Send the follow-up survey link to everyone who had a meeting', params: eventParams, response: { 200: z.object({ notified: z.number() }) } },
    handler: async (req) => sch.sendFollowUp(req.ctx, req.params.id),
  });
}
