import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../platform/context.ts';
import { applyRefusal, canRunSchedule } from './policy.ts';

const actor = (...roles: string[]): Actor => ({ userId: 'u', email: 'e', name: 'n', roles: roles as Actor['roles'], lang: 'en', timezone: 'Europe/Minsk', sessionId: 's' });

test('only organisers and administrators use the scheduling console', () => {
  assert.equal(canRunSchedule(actor('admin')), true);
  assert.equal(canRunSchedule(actor('organiser')), true);
  assert.equal(canRunSchedule(actor('participant')), false);
  assert.equal(canRunSchedule(actor('expert')), false);
  assert.equal(canRunSchedule(null), false);
});

test('a proposal applies only when finished, valid, and computed from the current state', () => {
  const done = { status: 'done', hasProposal: true, violations: 0 };
  const same = { now: 'a', atRun: 'a', afterApplyOfThisRun: null };
  assert.equal(applyRefusal(done, same), null);
  assert.equal(applyRefusal({ ...done, status: 'running' }, same), 'run_not_finished');
  assert.equal(applyRefusal({ ...done, hasProposal: false }, same), 'run_not_finished');
  assert.equal(applyRefusal({ ...done, violations: 1 }, same), 'schedule_invalid');
  assert.equal(applyRefusal(done, { now: 'b', atRun: 'a', afterApplyOfThisRun: null }), 'schedule_changed');
  assert.equal(applyRefusal(done, { now: 'b', atRun: 'a', afterApplyOfThisRun: 'b' }), null, 'preliminary → final of the same run');
});
