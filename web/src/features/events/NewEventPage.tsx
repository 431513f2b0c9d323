// A new event, for organisers: the event form, then the event's management page.
import { Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Page, RequireAuth } from '../../app/ui.tsx';
import { EventForm } from './EventForm.tsx';

export function NewEventPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <RequireAuth roles={['organiser', 'admin']}>
      <Page title={t('events:list.create')}>
        <Paper withBorder p="md"><EventForm onSaved={(slug) => navigate(`/events/${slug}/manage`)} /></Paper>
      </Page>
    </RequireAuth>
  );
}
