import { pgTable, uuid, text, timestamp, integer } from 'drizzle-orm/pg-core';
import { events } from './events.ts';
import { users } from './accounts.ts';

/**
 * The organiser's published schedule of an event (the scheduling console): its stage and which scheduling run it came
 * from. `appliedFingerprint` is the state of the event's meetings right after the apply, so the same run can be
 * applied again (preliminary → final) while nothing else changed.
 */
export const eventScheduleState = pgTable('event_schedule_state', {
  eventId: uuid('event_id').primaryKey().references(() => events.id, { onDelete: 'cascade' }),
  stage: text('stage').notNull(), // preliminary | final
  version: integer('version').notNull().default(0),
  appliedRunId: uuid('applied_run_id'),
  appliedFingerprint: text('applied_fingerprint'),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull(),
  appliedBy: uuid('applied_by').references(() => users.id),
});
