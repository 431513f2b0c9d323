// Routes of the events section (mounted at /events/*).
import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../placeholders/Placeholders.tsx';
import { EventListPage } from './EventListPage.tsx';
import { EventPage } from './EventPage.tsx';
import { AttendeesPage } from './AttendeesPage.tsx';
import { MeetingsPage } from './MeetingsPage.tsx';
import { MyAgendaPage } from './MyAgendaPage.tsx';
import { ManagePage } from './ManagePage.tsx';
import { NewEventPage } from './NewEventPage.tsx';

export function EventsRoutes() {
  return (
    <Routes>
      <Route index element={<EventListPage />} />
      <Route path="new" element={<NewEventPage />} />
      <Route path=":slug" element={<EventPage />} />
      <Route path=":slug/attendees" element={<AttendeesPage />} />
      <Route path=":slug/meetings" element={<MeetingsPage />} />
      <Route path=":slug/agenda" element={<MyAgendaPage />} />
      <Route path=":slug/manage" element={<ManagePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
