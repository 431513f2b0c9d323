// Error codes of the scheduling module (the organiser's scheduling console) with their HTTP status; messages in locales/<lang>/errors.json.
import type { ErrorTable } from '../../platform/errors.ts';

export const SCHEDULING_ERRORS = {
  schedule_run_in_progress: 409,
  run_not_active: 409,
  run_not_finished: 409,
  schedule_invalid: 409,
  schedule_changed: 409,
  meeting_not_scheduled: 409,
} as const satisfies ErrorTable;
