// HTTP routes of the organiser's scheduling console.
import { z } from 'zod';
import type { App } from '../../server/app.ts';
import { access } from '../../server/access.ts';
import type { Deps } from '../../platform/context.ts';
import * as s from './schema.ts';
import * as q from './queries.ts';
import * as c from './commands.ts';

export function schedulingRoutes(app: App, _deps: Deps) {
  const tags = ['scheduling'];
  app.route({
    method: 'GET', url: '/api/events/:id/scheduling', config: { access: access.organiser },
    schema: { tags, summary: 'The console: stage, recent runs, slots', params: s.eventParams, response: { 200: s.consoleOverview } },
    handler: async (req) => q.overview(req.ctx, req.params.id),
  });
  app.route({
    method: 'GET', url: '/api/events/:id/scheduling/input.json', config: { access: access.organiser },
    schema: { tags, summary: 'The event in the scheduler interchange format (docs/scheduling-format.md), as a download', params: s.eventParams,
      response: { 200: s.eventExportOut } },
    handler: async (req, reply) => {
      const input = await q.exportInput(req.ctx, req.params.id);
      return reply.header('content-disposition', `attachment; filename="${input.name.replace(/[^a-z0-9-]/gi, '_')}-scheduling-input.json"`).send(input);
    },
  });
  app.route({
    method: 'POST', url: '/api/events/:id/scheduling/runs', config: { access: access.organiser },
    schema: { tags, summary: 'Schedule all: start a background run (one per event at a time)', params: s.eventParams, body: s.startRunBody,
      response: { 202: z.object({ id: z.string(), status: z.string() }) } },
    handler: async (req, reply) => reply.code(202).send(await c.startRun(req.ctx, req.params.id, req.body)),
  });
  app.route({
    method: 'GET', url: '/api/events/:id/scheduling/runs/:runId', config: { access: access.organiser },
    schema: { tags, summary: 'A run: progress, best so far, and when done the proposal', params: s.runParams, response: { 200: s.runDetailOut } },
    handler: async (req) => q.getRun(req.ctx, req.params.id, req.params.runId),
  });
  app.route({
    method: 'POST', url: '/api/events/:id/scheduling/runs/:runId/apply', config: { access: access.organiser },
    schema: { tags, summary: 'Apply a finished run as the preliminary or final schedule', params: s.runParams, body: s.applyBody,
      response: { 200: z.object({ stage: z.string(), version: z.number(), changedMeetings: z.number(), notified: z.number() }) } },
    handler: async (req) => c.applyRun(req.ctx, req.params.id, req.params.runId, req.body.stage),
  });
  app.route({
    method: 'POST', url: '/api/events/:id/scheduling/runs/:runId/cancel', config: { access: access.organiser },
    schema: { tags, summary: 'Stop a queued or running run', params: s.runParams, response: { 200: z.object({ ok: z.literal(true) }) } },
    handler: async (req) => c.cancelRun(req.ctx, req.params.id, req.params.runId),
  });
  for (const [path, locked] of [['lock', true], ['unlock', false]] as const) {
    app.route({
      method: 'POST', url: `/api/events/:id/meetings/:meetingId/${path}`, config: { access: access.organiser },
      schema: { tags, params: s.meetingParams, response: { 200: z.object({ locked: z.boolean() }) } },
      handler: async (req) => c.setLocked(req.ctx, req.params.id, req.params.meetingId, locked),
    });
  }
  app.route({
    method: 'POST', url: '/api/events/:id/meetings/:meetingId/move', config: { access: access.organiser },
    schema: { tags, summary: 'Move a meeting by hand (refused on any conflict)', params: s.meetingParams, body: s.moveBody,
      response: { 200: z.object({ slotId: z.string(), tableNo: z.number().nullable(), locked: z.boolean() }) } },
    handler: async (req) => c.moveMeeting(req.ctx, req.params.id, req.params.meetingId, req.body),
  });
}
