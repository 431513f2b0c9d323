// Routes of the calls section (/calls/*) and of applications (/applications/*).
import { useEffect, useState } from 'react';
import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Route, Routes, useNavigate, useParams, useSearchParams } from 'react-router';
import { MlText, useMl } from '../../app/display.tsx';
import { ErrorAlert, Loading, Page, RequireAuth } from '../../app/ui.tsx';
import { NotFoundPage } from '../placeholders/Placeholders.tsx';
import { CallListPage, CallPage } from './CallPages.tsx';
import { ApplicationPage } from './ApplicationPage.tsx';
import { joinApplication, useCall, useCallApplications } from './api.ts';

/** All applications of a call, for organisers and the call's funders' officers. */
function CallApplicationsPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const call = useCall(slug);
  const ml = useMl();
  const q = useCallApplications(call.data?.id ?? '', !!call.data);
  if (call.isLoading || q.isLoading) return <Loading />;
  if (call.error || q.error) return <ErrorAlert error={call.error ?? q.error} />;
  return (
    <Page title={t('calls:allApplications')} description={ml(call.data?.title)}>
      <Stack gap="xs">
        {(q.data ?? []).map((a) => (
          <Card key={a.id} withBorder padding="sm" component={Link} to={`/applications/${a.id}`} data-testid="call-application">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm"><Text span c="dimmed">{a.reference}</Text> <MlText value={a.title} /></Text>
              <Group gap={4}>{a.halves.map((h) => <Badge key={h.side} variant="light" color={h.status === 'ineligible' ? 'red' : h.status === 'eligible' ? 'teal' : 'blue'}>{h.side}: {t(`calls:status.${h.status}`)}</Badge>)}</Group>
            </Group>
          </Card>
        ))}
      </Stack>
    </Page>
  );
}

function JoinPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const token = params.get('token');
    if (!token) return;
    joinApplication(token).then((r) => navigate(`/applications/${r.id}`, { replace: true }), setError);
  }, [params, navigate]);
  return <Page title={t('calls:joining')}>{error ? <ErrorAlert error={error} /> : <Loading />}</Page>;
}

export function CallsRoutes() {
  return (
    <Routes>
      <Route index element={<CallListPage />} />
      <Route path=":slug" element={<CallPage />} />
      <Route path=":slug/applications" element={<RequireAuth><CallApplicationsPage /></RequireAuth>} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

export function ApplicationsRoutes() {
  return (
    <RequireAuth>
      <Routes>
        <Route path="join" element={<JoinPage />} />
        <Route path=":id" element={<ApplicationPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RequireAuth>
  );
}
