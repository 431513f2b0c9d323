// The one writer of meeting placements: slot, table, interpreter, video link, occupancy rows and the calendar
// SEQUENCE. Self-booking (`bookMeeting`, one meeting after its checks) and the scheduling console's apply (thousands
// at once) both call `placeMeetings`, so a rule such as "an online meeting gets its room's own link" holds for both.
// The database is the final guard: meeting_slot_occupancy's primary key (slot, person) and the partial unique index
// meetings_slot_table_uq (slot, table); callers wrap their transaction with `mapBookingConflict`.
import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import { eventSessions, eventSlots, meetingParticipants, meetings, meetingSlotOccupancy } from '../../db/schema/index.ts';
import type { Tx } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { EventRow } from './events.ts';
import { jitsiRoomUrl } from './slots.ts';

export type MeetingRow = typeof meetings.$inferSelect;

/** Where a meeting goes; `null` takes it out of the schedule (back to accepted). */
export type PlaceTarget = { slotId: string; tableNo: number | null; interpreterUserId: string | null } | null;
export type PlaceItem = { meeting: MeetingRow; to: PlaceTarget };

/**
 * The video link of a meeting held without a table: with the "link" provider the block's room link (else the
 * event's), with Jitsi the meeting's own room (kept across moves) or a new unguessable one.
 */
export function meetingVideoUrl(e: Pick<EventRow, 'videoProvider' | 'videoLink' | 'venues' | 'slug'>, roomId: string | null,
  current: string | null, videoBaseUrl: string): string | null {
  if (e.videoProvider === 'link') {
    const room = e.venues.flatMap((v) => v.rooms).find((r) => r.id === roomId);
    return room?.videoUrl ?? e.videoLink;
  }
  return current ?? jitsiRoomUrl(videoBaseUrl, e.slug);
}

/** People who sit in each meeting: the requester and the invitees who accepted (not the interpreter). */
export async function attendeesOfMany(tx: Tx, meetingIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(meetingIds.map((id) => [id, []]));
  for (let i = 0; i < meetingIds.length; i += 5000) {
    const rows = await tx.select({ meetingId: meetingParticipants.meetingId, userId: meetingParticipants.userId, response: meetingParticipants.response,
      isRequester: meetingParticipants.isRequester }).from(meetingParticipants).where(inArray(meetingParticipants.meetingId, meetingIds.slice(i, i + 5000)));
    for (const r of rows) if (r.isRequester || r.response === 'accepted') out.get(r.meetingId)!.push(r.userId);
  }
  return out;
}

/**
 * Writes placements in a few statements. `publish: 'always'` marks placed meetings published (the console's apply);
 * `'self-booking'` publishes them when the event lets participants book themselves (else keeps their flag).
 * Every meeting passed gets SEQUENCE + 1 so calendars pick up the move. Returns the video link of each placed meeting.
 * `bookedBy` (self-booking): a meeting placed by one of its own participants is marked self-booked, which a console
 * run keeps in place; the console's writes keep the mark only for a meeting that stays in its slot.
 */
export async function placeMeetings(tx: Tx, ctx: Pick<RequestContext, 'clock' | 'config'>, e: EventRow, items: PlaceItem[],
  opts: { publish: 'always' | 'self-booking'; scheduleVersion?: number; bookedBy?: string | null }): Promise<Map<string, string | null>> {
  const videoOf = new Map<string, string | null>();
  if (!items.length) return videoOf;
  const now = ctx.clock.now();
  const ids = items.map((i) => i.meeting.id);
  const attendees = await attendeesOfMany(tx, ids);
  for (let i = 0; i < ids.length; i += 5000) await tx.delete(meetingSlotOccupancy).where(inArray(meetingSlotOccupancy.meetingId, ids.slice(i, i + 5000)));
  // Tables first released for every meeting: the table index is checked row by row, so two meetings swapping tables
  // in one slot would otherwise collide half-way.
  for (let i = 0; i < ids.length; i += 5000) {
    await tx.update(meetings).set({ tableNo: null, icsSequence: sql`${meetings.icsSequence} + 1`, updatedAt: now }).where(inArray(meetings.id, ids.slice(i, i + 5000)));
  }
  const unplace = items.filter((i) => !i.to).map((i) => i.meeting.id);
  for (let i = 0; i < unplace.length; i += 5000) {
    await tx.update(meetings).set({ status: 'accepted', slotId: null, selfBooked: false }).where(inArray(meetings.id, unplace.slice(i, i + 5000)));
  }
  const placed = items.filter((i): i is PlaceItem & { to: NonNullable<PlaceTarget> } => !!i.to);
  const slotIds = [...new Set(placed.map((i) => i.to.slotId))];
  const roomOf = new Map<string, string | null>();
  for (let i = 0; i < slotIds.length; i += 5000) {
    const rows = await tx.select({ id: eventSlots.id, roomId: eventSessions.roomId }).from(eventSlots)
      .innerJoin(eventSessions, eq(eventSessions.id, eventSlots.sessionId)).where(inArray(eventSlots.id, slotIds.slice(i, i + 5000)));
    for (const r of rows) roomOf.set(r.id, r.roomId);
  }
  const values: SQL[] = [];
  for (const { meeting: m, to } of placed) {
    const videoUrl = to.tableNo === null ? meetingVideoUrl(e, roomOf.get(to.slotId) ?? null, m.videoUrl, ctx.config.VIDEO_BASE_URL) : null;
    videoOf.set(m.id, videoUrl);
    const published = opts.publish === 'always' || e.bookingMode === 'self' || m.published;
    const selfBooked = opts.publish === 'self-booking'
      ? !!opts.bookedBy && (attendees.get(m.id) ?? []).includes(opts.bookedBy)
      : m.selfBooked && m.slotId === to.slotId;
    values.push(sql`(${m.id}::uuid, ${to.slotId}::uuid, ${to.tableNo}::int, ${to.interpreterUserId}::uuid, ${videoUrl}::text, ${published}::boolean, ${opts.scheduleVersion ?? m.scheduleVersion}::int, ${selfBooked}::boolean)`);
  }
  for (let i = 0; i < values.length; i += 500) {
    await tx.execute(sql`UPDATE meetings AS m SET status = 'scheduled', slot_id = v.slot, table_no = v.tbl, interpreter_user_id = v.interp, video_url = v.video,
      published = v.pub, schedule_version = v.ver, self_booked = v.self, reminder_sent_at = NULL
      FROM (VALUES ${sql.join(values.slice(i, i + 500), sql`, `)}) AS v(id, slot, tbl, interp, video, pub, ver, self) WHERE m.id = v.id`);
  }
  // Occupancy after all moves are written, so a swap of two meetings does not trip over itself.
  const occupancy: (typeof meetingSlotOccupancy.$inferInsert)[] = [];
  for (const { meeting: m, to } of placed) {
    for (const userId of new Set([...(attendees.get(m.id) ?? []), ...(to.interpreterUserId ? [to.interpreterUserId] : [])])) {
      occupancy.push({ eventId: e.id, slotId: to.slotId, userId, meetingId: m.id });
    }
  }
  for (let i = 0; i < occupancy.length; i += 1000) await tx.insert(meetingSlotOccupancy).values(occupancy.slice(i, i + 1000));
  return videoOf;
}
