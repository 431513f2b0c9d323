// HTTP routes of expert review. Route rules say who may call at all; record-level rules are in policy.ts.
import { z } from 'zod';
import type { App } from '../../server/app.ts';
import { access } from '../../server/access.ts';
import type { Deps } from '../../platform/context.ts';
import * as s from './schema.ts';
import * as pool from './pool.ts';
import { runAssignment } from './assignment.ts';
import * as rv from './reviews.ts';
import * as views from './panel-views.ts';

const ok = { ok: true as const };
const expertOnly = access.roles('expert');

export function reviewRoutes(app: App, _deps: Deps) {
  const tags = ['review'];
  // Expert pool
  app.route({ method: 'GET', url: '/api/review/me/expert', config: { access: expertOnly },
    schema: { tags, summary: 'My expert record (null until saved)', response: { 200: s.expertOut.nullable() } }, handler: async (req) => pool.myExpertRecord(req.ctx) });
  app.route({ method: 'PUT', url: '/api/review/me/expert', config: { access: expertOnly },
    schema: { tags, body: s.expertBody, response: { 200: s.expertOut.nullable() } }, handler: async (req) => pool.saveExpertRecord(req.ctx, req.body) });
  app.route({ method: 'GET', url: '/api/review/experts', config: { access: access.signedIn },
    schema: { tags, summary: 'The expert pool (staff and funders\' officers)', querystring: z.object({ country: z.string().regex(/^[A-Z]{2}$/).optional() }).strict(), response: { 200: z.array(s.expertOut) } },
    handler: async (req) => pool.listPool(req.ctx, req.query) });
  app.route({ method: 'GET', url: '/api/review/invitations', config: { access: expertOnly },
    schema: { tags, response: { 200: z.array(s.invitationOut) } }, handler: async (req) => pool.myInvitationsView(req.ctx) });

  // A call's panel of one side
  app.route({ method: 'GET', url: '/api/calls/:id/review/:side', config: { access: access.signedIn },
    schema: { tags, params: s.sideParams, response: { 200: s.panelOut } }, handler: async (req) => pool.getPanel(req.ctx, req.params.id, req.params.side) });
  app.route({ method: 'PUT', url: '/api/calls/:id/review/:side/settings', config: { access: access.signedIn },
    schema: { tags, summary: 'Panel settings (the side\'s officer)', params: s.sideParams, body: s.panelSettingsBody, response: { 200: s.okSchema } },
    handler: async (req) => { await pool.updatePanel(req.ctx, req.params.id, req.params.side, req.body); return ok; } });
  app.route({ method: 'POST', url: '/api/calls/:id/review/:side/invitations', config: { access: access.signedIn },
    schema: { tags, params: s.sideParams, body: s.inviteBody, response: { 200: s.invitedOut } }, handler: async (req) => pool.inviteExperts(req.ctx, req.params.id, req.params.side, req.body.expertUserIds) });
  app.route({ method: 'POST', url: '/api/calls/:id/review/:side/invitations/respond', config: { access: expertOnly },
    schema: { tags, params: s.sideParams, body: s.respondBody, response: { 200: s.okSchema } },
    handler: async (req) => { await pool.respondToInvitation(req.ctx, req.params.id, req.params.side, req.body.accept); return ok; } });
  app.route({ method: 'GET', url: '/api/calls/:id/review/:side/conflicts', config: { access: access.signedIn },
    schema: { tags, summary: 'Conflicts of interest of the panel with the side\'s halves, with reasons', params: s.sideParams, response: { 200: s.conflictsOut } },
    handler: async (req) => views.sideConflicts(req.ctx, req.params.id, req.params.side) });
  app.route({ method: 'GET', url: '/api/calls/:id/review/:side/bidding', config: { access: expertOnly },
    schema: { tags, params: s.sideParams, response: { 200: s.biddingOut } }, handler: async (req) => views.biddingList(req.ctx, req.params.id, req.params.side) });
  app.route({ method: 'PUT', url: '/api/calls/:id/review/:side/bids', config: { access: expertOnly },
    schema: { tags, params: s.sideParams, body: s.bidBody, response: { 200: s.okSchema } },
    handler: async (req) => { await views.placeBid(req.ctx, req.params.id, req.params.side, req.body); return ok; } });

  // Assignment
  app.route({ method: 'POST', url: '/api/calls/:id/review/:side/assignment-runs', config: { access: access.signedIn },
    schema: { tags, summary: 'Run the assignment engine for the side (optimal, fair or randomised)', params: s.sideParams, body: s.runBody, response: { 201: s.runOut } },
    handler: async (req, reply) => reply.code(201).send(await runAssignment(req.ctx, req.params.id, req.params.side, req.body)) });
  app.route({ method: 'GET', url: '/api/calls/:id/review/:side/assignments', config: { access: access.signedIn },
    schema: { tags, params: s.sideParams, response: { 200: s.sideAssignmentsOut } }, handler: async (req) => views.sideAssignments(req.ctx, req.params.id, req.params.side) });
  app.route({ method: 'POST', url: '/api/review/assignments/:id/reassign', config: { access: access.signedIn },
    schema: { tags, params: s.idParams, body: s.reassignBody, response: { 200: z.object({ expertUserId: z.string() }) } }, handler: async (req) => rv.reassign(req.ctx, req.params.id, req.body) });

  // The expert's work
  app.route({ method: 'GET', url: '/api/review/assignments', config: { access: expertOnly },
    schema: { tags, summary: 'My assignments', response: { 200: s.myAssignmentsOut } }, handler: async (req) => rv.myAssignments(req.ctx) });
  app.route({ method: 'POST', url: '/api/review/assignments/:id/confirm', config: { access: expertOnly },
    schema: { tags, summary: 'Confirm "no conflict" or declare one (the assignment is removed and re-assigned)', params: s.idParams, body: s.confirmBody, response: { 200: s.confirmOut } },
    handler: async (req) => rv.confirmAssignment(req.ctx, req.params.id, req.body) });
  app.route({ method: 'GET', url: '/api/review/assignments/:id', config: { access: expertOnly },
    schema: { tags, summary: 'The assigned half and the review form', params: s.idParams, response: { 200: s.assignedOut } }, handler: async (req) => rv.assignedApplication(req.ctx, req.params.id) });
  app.route({ method: 'PUT', url: '/api/review/assignments/:id/review', config: { access: expertOnly },
    schema: { tags, summary: 'Autosave the draft (based on a version)', params: s.idParams, body: s.reviewDraftBody, response: { 200: s.savedOut } }, handler: async (req) => rv.saveDraft(req.ctx, req.params.id, req.body) });
  app.route({ method: 'POST', url: '/api/review/assignments/:id/submit', config: { access: expertOnly },
    schema: { tags, params: s.idParams, body: s.submitBody, response: { 200: s.okSchema } }, handler: async (req) => { await rv.submitReview(req.ctx, req.params.id, req.body.baseVersion); return ok; } });

  // Reviews, calibration, consensus, release
  app.route({ method: 'GET', url: '/api/calls/:id/review/:side/reviews', config: { access: access.signedIn },
    schema: { tags, params: s.sideParams, response: { 200: s.sideReviewsOut } }, handler: async (req) => views.sideReviews(req.ctx, req.params.id, req.params.side) });
  app.route({ method: 'GET', url: '/api/calls/:id/review/:side/calibration', config: { access: access.signedIn },
    schema: { tags, summary: 'Raw and calibrated scores per half, divergence and consensus', params: s.sideParams, response: { 200: s.calibrationOut } },
    handler: async (req) => views.sideCalibration(req.ctx, req.params.id, req.params.side) });
  app.route({ method: 'PUT', url: '/api/applications/:id/review/:side/consensus', config: { access: access.signedIn },
    schema: { tags, params: s.sideParams, body: s.consensusBody, response: { 200: s.okSchema } },
    handler: async (req) => { await views.saveConsensus(req.ctx, req.params.id, req.params.side, req.body); return ok; } });
  app.route({ method: 'POST', url: '/api/calls/:id/review/:side/release', config: { access: access.signedIn },
    schema: { tags, summary: 'Release the side\'s reviews to applicants', params: s.sideParams, response: { 200: s.okSchema } },
    handler: async (req) => { await views.releaseReviews(req.ctx, req.params.id, req.params.side); return ok; } });
  app.route({ method: 'GET', url: '/api/applications/:id/reviews', config: { access: access.signedIn },
    schema: { tags, summary: 'Released reviews of my application (no reviewers\' names)', params: s.idParams, response: { 200: s.releasedOut } },
    handler: async (req) => views.releasedReviews(req.ctx, req.params.id) });
  app.route({ method: 'POST', url: '/api/applications/:id/review-conflicts', config: { access: access.signedIn },
    schema: { tags, summary: 'An applicant declares a conflict with an expert', params: s.idParams, body: s.applicantConflictBody, response: { 200: s.okSchema } },
    handler: async (req) => { await views.declareApplicantConflict(req.ctx, req.params.id, req.body); return ok; } });
}
