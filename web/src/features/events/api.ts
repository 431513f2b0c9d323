// The events API as the pages use it: response types inferred from the server's schemas
// (src/modules/events/schema.ts), query keys, queries and mutations.
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type * as s from '@server/modules/events/schema.ts';
import type { MeetingStatus, RegistrationStatus } from '@shared/enums.ts';
import { api, del, get, patch, post, put, type Out } from '../../app/api.ts';

export { OUTCOME_KINDS } from '@shared/enums.ts';
export type EventInfo = Out<typeof s.eventOut>;
export type Session = Out<typeof s.sessionOut>;
export type Slot = Session['slots'][number];
export type Person = Out<typeof s.personOut>;
// The server sends the stored status as text; its values are the shared lists'.
export type Registration = Omit<Out<typeof s.registrationOut>, 'status'> & { status: RegistrationStatus };
export type Meeting = Omit<Out<typeof s.meetingOut>, 'status'> & { status: MeetingStatus };
export type FreeSlot = Out<typeof s.slotOut>;
export type AgendaItem = Omit<Out<typeof s.agendaItem>, 'meeting'> & { meeting: Meeting | null };
export type EventStats = Out<typeof s.eventStatsOut>;
export type EventSchedule = Out<typeof s.scheduleOut>;
export type MeetingPartners = Out<typeof s.meetingPartnersOut>;

export const eventKeys = {
  all: ['events'] as const,
  /** Every event page's query (by id or slug): `['event']` invalidates them all. */
  event: (slugOrId?: string) => (slugOrId === undefined ? ['event'] as const : ['event', slugOrId] as const),
  agenda: (slug: string) => ['agenda', slug] as const,
  registrations: (eventId: string) => ['registrations', eventId] as const,
  attendees: (eventId: string | undefined) => ['attendees', eventId] as const,
  myMeetings: (eventId: string | undefined) => ['my-meetings', eventId] as const,
  myAgenda: (eventId: string | undefined) => ['my-agenda', eventId] as const,
  eventMeetings: (eventId: string) => ['event-meetings', eventId] as const,
  freeSlots: (meetingId: string) => ['free-slots', meetingId] as const,
  meetingPartners: (organisationId: string) => ['meeting-partners', organisationId] as const,
  stats: (eventId: string) => ['event-stats', eventId] as const,
  schedule: (eventId: string) => ['event-schedule', eventId] as const,
  calendarFeed: ['calendar-feed'] as const,
};

export const eventsQuery = queryOptions({ queryKey: eventKeys.all, queryFn: () => get<EventInfo[]>('/api/events') });
export const eventQuery = (slug: string) => queryOptions({ queryKey: eventKeys.event(slug), queryFn: () => get<EventInfo>(`/api/events/${slug}`) });
export const agendaQuery = (slug: string) => queryOptions({ queryKey: eventKeys.agenda(slug), queryFn: () => get<Session[]>(`/api/events/${slug}/agenda`) });
export const registrationsQuery = (eventId: string) => queryOptions({
  queryKey: eventKeys.registrations(eventId), queryFn: () => get<Registration[]>(`/api/events/${eventId}/registrations`),
});
/** The approved attendees a participant may ask for a meeting (the same route as the organisers' list). */
export const attendeesQuery = (eventId: string | undefined) => queryOptions({
  enabled: !!eventId, queryKey: eventKeys.attendees(eventId), queryFn: () => get<Registration[]>(`/api/events/${eventId}/registrations`),
});
export const myMeetingsQuery = (eventId: string | undefined) => queryOptions({
  enabled: !!eventId, queryKey: eventKeys.myMeetings(eventId), queryFn: () => get<Meeting[]>(`/api/events/${eventId}/my-meetings`),
});
export const myAgendaQuery = (eventId: string | undefined) => queryOptions({
  enabled: !!eventId, queryKey: eventKeys.myAgenda(eventId), queryFn: () => get<{ items: AgendaItem[] }>(`/api/events/${eventId}/my-agenda`),
});
export const eventMeetingsQuery = (eventId: string) => queryOptions({
  queryKey: eventKeys.eventMeetings(eventId), queryFn: () => get<Meeting[]>(`/api/events/${eventId}/meetings`),
});
export const freeSlotsQuery = (meetingId: string) => queryOptions({
  queryKey: eventKeys.freeSlots(meetingId), queryFn: () => get<FreeSlot[]>(`/api/meetings/${meetingId}/free-slots`),
});
export const meetingPartnersQuery = (organisationId: string) => queryOptions({
  queryKey: eventKeys.meetingPartners(organisationId), queryFn: () => get<MeetingPartners>('/api/meeting-partners', { organisationId }),
});
export const statsQuery = (eventId: string) => queryOptions({ queryKey: eventKeys.stats(eventId), queryFn: () => get<EventStats>(`/api/events/${eventId}/stats`) });
export const scheduleQuery = (eventId: string) => queryOptions({ queryKey: eventKeys.schedule(eventId), queryFn: () => get<EventSchedule>(`/api/events/${eventId}/schedule`) });
export const calendarFeedQuery = queryOptions({
  queryKey: eventKeys.calendarFeed, queryFn: () => get<{ active: boolean; createdAt: string | null }>('/api/calendar/feed'),
});

/** A participant's answer or change to a meeting: accept (optionally with a slot), decline or cancel (with a reason), book a slot. The caller refreshes its list. */
export function useMeetingAction() {
  return useMutation({
    mutationFn: ({ meetingId, action, body }: { meetingId: string; action: 'accept' | 'decline' | 'cancel' | 'book'; body: Record<string, unknown> }) =>
      post(`/api/meetings/${meetingId}/${action}`, body),
  });
}

export function useRequestMeeting(eventId: string) {
  return useMutation({
    mutationFn: (body: { inviteeUserIds: string[]; message: string; priority: string }) => post(`/api/events/${eventId}/meetings`, body),
  });
}

export function useSaveOutcome(meetingId: string) {
  return useMutation({
    mutationFn: (body: { attendance: string; outcomes: string[]; note: string }) => put(`/api/meetings/${meetingId}/outcome`, body),
  });
}

/** The organisers' actions on an event's meetings; each refreshes the event's meeting list. */
export function useOrganiserMeetings(eventId: string) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: eventKeys.eventMeetings(eventId) });
  return {
    publish: useMutation({ mutationFn: () => post<{ version: number; notified: number }>(`/api/events/${eventId}/schedule/publish`), onSuccess: refresh }),
    followUp: useMutation({ mutationFn: () => post<{ notified: number }>(`/api/events/${eventId}/follow-up`), onSuccess: refresh }),
    interpreter: useMutation({ mutationFn: ({ meetingId, userId }: { meetingId: string; userId: string | null }) => put(`/api/meetings/${meetingId}/interpreter`, { userId }), onSuccess: refresh }),
    lock: useMutation({ mutationFn: ({ meetingId, locked }: { meetingId: string; locked: boolean }) => post(`/api/events/${eventId}/meetings/${meetingId}/${locked ? 'lock' : 'unlock'}`), onSuccess: refresh }),
  };
}

export function useSetRegistrationStatus(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: string }) => put(`/api/event-registrations/${id}/status`, { status }),
    onSuccess: () => qc.invalidateQueries({ queryKey: eventKeys.registrations(eventId) }),
  });
}

/** The caller's registration: sign up, change, cancel. The caller refreshes the event. */
export function useRegistration(eventId: string) {
  return useMutation({
    mutationFn: (change: { register: Record<string, unknown> } | { update: Record<string, unknown> } | { cancel: true }) =>
      'register' in change ? post(`/api/events/${eventId}/registration`, change.register)
        : 'update' in change ? patch(`/api/events/${eventId}/registration`, change.update) : del(`/api/events/${eventId}/registration`),
  });
}

/** The caller's calendar subscription: a new secret URL, or revoke it. */
export function useCalendarFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (action: 'create' | 'revoke') => (action === 'create' ? post<{ url: string }>('/api/calendar/feed') : del('/api/calendar/feed').then(() => null)),
    onSuccess: () => qc.invalidateQueries({ queryKey: eventKeys.calendarFeed }),
  });
}

/** Creates an event or saves an existing one's settings. */
export function useSaveEvent(eventId: string | undefined) {
  return useMutation({ mutationFn: (body: Record<string, unknown>) => (eventId ? put(`/api/events/${eventId}`, body) : post('/api/events', body)) });
}

/** Uploads (a file) or removes (null) the event's cover; refreshes every event query. */
export function useCover(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File | null) => {
      if (!file) return del(`/api/events/${eventId}/cover`);
      const fd = new FormData(); fd.append('file', file);
      return api('POST', `/api/events/${eventId}/cover`, fd);
    },
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: eventKeys.event() }), qc.invalidateQueries({ queryKey: eventKeys.all })]),
  });
}

/** Adds, changes (with an id) or deletes a programme session; refreshes the agenda. */
export function useSessionChange(event: { id: string; slug: string }) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (change: { create: Record<string, unknown> } | { id: string; update: Record<string, unknown> } | { remove: string }) =>
      'create' in change ? post(`/api/events/${event.id}/sessions`, change.create)
        : 'update' in change ? put(`/api/event-sessions/${change.id}`, change.update) : del(`/api/event-sessions/${change.remove}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: eventKeys.agenda(event.slug) }),
  });
}
