// HTTP routes of applications: start, people, sections, attachments, submission, receipts, eligibility.
import { z } from 'zod';
import type { App } from '../../server/app.ts';
import { access } from '../../server/access.ts';
import { fileResponse } from '../../server/file-response.ts';
import type { Deps } from '../../platform/context.ts';
import { t } from '../../platform/i18n.ts';
import { UPLOAD_RULES } from '../../shared/uploads.ts';
import { readUpload } from '../../server/route-kit.ts';
import * as s from './schema.ts';
import * as apps from './applications.ts';
import { getApplication } from './application-view.ts';
import { saveSection, uploadAttachment, attachmentContent, VersionConflict } from './editing.ts';
import { overrideMismatch, receipt, submitHalf, withdrawHalf } from './submission.ts';
import { decideEligibility } from './eligibility.ts';
import { receiptPdf } from './receipt-pdf.ts';

const ok = { ok: true as const };
/** 409 of a section save: a version conflict carries the current text; other 409s (call closed…) are plain errors. */
const conflictOut = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.array(z.object({ path: z.string(), code: z.string(), params: z.record(z.string(), z.unknown()).optional(), message: z.string() })).optional() }),
  current: z.object({ version: z.number(), content: z.record(z.string(), z.unknown()), updatedAt: z.string(), updatedBy: z.string().nullable() }).optional(),
});

export function applicationRoutes(app: App, _deps: Deps) {
  const tags = ['applications'];
  app.route({
    method: 'POST', url: '/api/calls/:id/applications', config: { access: access.signedIn },
    schema: { tags, summary: 'Start an application (optionally from an accepted EoI, a meeting with outcome "joint application planned", or a recommendation)',
      params: s.idParams, body: s.createApplicationBody, response: { 201: s.idOut } },
    handler: async (req, reply) => reply.code(201).send(await apps.createApplication(req.ctx, req.params.id, req.body)),
  });
  app.route({
    method: 'GET', url: '/api/calls/:id/applications', config: { access: access.signedIn },
    schema: { tags, summary: 'All applications of a call (organisers and the call\'s funders\' officers)', params: s.idParams, response: { 200: z.array(s.applicationSummaryOut) } },
    handler: async (req) => apps.callApplications(req.ctx.db, req.actor!, req.params.id),
  });
  app.route({
    method: 'GET', url: '/api/applications', config: { access: access.signedIn },
    schema: { tags, summary: 'My applications', response: { 200: z.array(s.applicationSummaryOut) } }, handler: async (req) => apps.myApplications(req.ctx.db, req.actor!),
  });
  app.route({
    method: 'GET', url: '/api/applications/:id', config: { access: access.signedIn },
    schema: { tags, params: s.idParams, response: { 200: s.applicationOut } }, handler: async (req) => getApplication(req.ctx, req.params.id),
  });
  app.route({
    method: 'POST', url: '/api/applications/:id/invitations', config: { access: access.signedIn },
    schema: { tags, summary: 'Invite a person (by e-mail or from the directory) to a side', params: s.idParams, body: s.inviteBody, response: { 201: s.inviteOut } },
    handler: async (req, reply) => reply.code(201).send(await apps.invite(req.ctx, req.params.id, req.body)),
  });
  app.route({
    method: 'POST', url: '/api/applications/join', config: { access: access.signedIn },
    schema: { tags, summary: 'Accept an invitation', body: s.tokenBody, response: { 200: s.idOut } }, handler: async (req) => apps.acceptInvitation(req.ctx, req.body.token),
  });
  app.route({
    method: 'PUT', url: '/api/applications/:id/halves/:side/sections/:key', config: { access: access.signedIn },
    schema: { tags, summary: 'Save a section; refused with the current text (409) when based on a stale version', params: s.sectionParams, body: s.saveSectionBody,
      response: { 200: s.saveSectionOut, 409: conflictOut } },
    handler: async (req, reply) => {
      try {
        return await saveSection(req.ctx, req.params.id, req.params.side, req.params.key, req.body.baseVersion, req.body.content);
      } catch (e) {
        if (!(e instanceof VersionConflict)) throw e;
        return reply.code(409).send({ error: { code: 'version_conflict' as const, message: t(req.lang, 'errors:version_conflict', { name: e.current.updatedBy ?? '' }) }, current: e.current });
      }
    },
  });
  app.route({
    method: 'POST', url: '/api/applications/:id/halves/:side/attachments/:code', config: { access: access.signedIn },
    schema: { tags, summary: 'Upload the file of a required document (multipart field "file": PDF or image)',
      params: z.object({ id: z.string().uuid(), side: s.side, code: z.string().regex(/^[a-z0-9_]{2,40}$/) }).strict(),
      response: { 201: z.object({ id: z.string(), documentCode: z.string(), name: z.string(), mime: z.string(), size: z.number(), sha256: z.string(), url: z.string() }) } },
    handler: async (req, reply) => reply.code(201).send(await uploadAttachment(req.ctx, req.params.id, req.params.side, req.params.code, await readUpload(req))),
  });
  app.route({
    method: 'GET', url: '/api/applications/:id/halves/:side/attachments/:attachmentId', config: { access: access.signedIn },
    schema: { tags, params: z.object({ id: z.string().uuid(), side: s.side, attachmentId: z.string().uuid() }).strict(),
      response: { 200: fileResponse('The attached file', UPLOAD_RULES.attachment.mimes) } },
    handler: async (req, reply) => {
      const f = await attachmentContent(req.ctx, req.params.id, req.params.side, req.params.attachmentId);
      return reply.header('content-type', f.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
        .header('x-content-type-options', 'nosniff').send(Buffer.from(f.content));
    },
  });
  app.route({
    method: 'POST', url: '/api/applications/:id/halves/:side/submit', config: { access: access.signedIn },
    schema: { tags, summary: 'Submit a half (server clock decides the deadline)', params: s.halfParams, response: { 200: s.submitOut } },
    handler: async (req) => submitHalf(req.ctx, req.params.id, req.params.side),
  });
  app.route({
    method: 'POST', url: '/api/applications/:id/halves/:side/withdraw', config: { access: access.signedIn },
    schema: { tags, params: s.halfParams, response: { 200: s.okSchema } }, handler: async (req) => { await withdrawHalf(req.ctx, req.params.id, req.params.side); return ok; },
  });
  app.route({
    method: 'POST', url: '/api/applications/:id/halves/:side/mirror-override', config: { access: access.signedIn },
    schema: { tags, summary: 'Officer of the half\'s funder: allow submission despite a mirror mismatch (reason recorded)', params: s.halfParams, body: s.overrideBody, response: { 200: s.okSchema } },
    handler: async (req) => { await overrideMismatch(req.ctx, req.params.id, req.params.side, req.body.reason); return ok; },
  });
  app.route({
    method: 'POST', url: '/api/applications/:id/halves/:side/eligibility', config: { access: access.signedIn },
    schema: { tags, summary: 'Officer of the half\'s funder: eligible / ineligible / returned (before the deadline)', params: s.halfParams, body: s.decisionBody, response: { 200: s.okSchema } },
    handler: async (req) => { await decideEligibility(req.ctx, req.params.id, req.params.side, req.body); return ok; },
  });
  app.route({
    method: 'GET', url: '/api/applications/:id/halves/:side/receipt', config: { access: access.signedIn },
    schema: { tags, params: s.halfParams, querystring: z.object({ version: z.coerce.number().int().min(1).optional() }).strict(), response: { 200: s.receiptOut } },
    handler: async (req) => receipt(req.ctx, req.params.id, req.params.side, req.query.version),
  });
  app.route({
    method: 'GET', url: '/api/applications/:id/halves/:side/receipt.pdf', config: { access: access.signedIn },
    schema: { tags, params: s.halfParams, querystring: z.object({ version: z.coerce.number().int().min(1).optional() }).strict(),
      response: { 200: fileResponse('The receipt (Russian and Chinese)', ['application/pdf']) } },
    handler: async (req, reply) => {
      const r = await receipt(req.ctx, req.params.id, req.params.side, req.query.version);
      const pdf = await receiptPdf(r);
      return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="receipt-${r.reference}-${r.side}-v${r.version}.pdf"`).send(pdf);
    },
  });
}
