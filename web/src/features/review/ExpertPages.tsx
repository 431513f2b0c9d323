// The expert's pages: invitations and my assignments (/review), and one assignment (/review/assignments/:id):
// first the "no conflict" confirmation (or a declared conflict), then the review form with autosave.
import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, get } from '../../app/api.ts';
import { DateTime, MlText } from '../../app/display.tsx';
import { hasRole, useMe } from '../../app/session.tsx';
import { ErrorAlert, Loading, Page, RequireAuth } from '../../app/ui.tsx';
import type { Ml } from '@shared/languages.ts';
import { useAssigned, useConfirm, useMyAssignments, useMyInvitations, useRespond } from './api.ts';
import { ReviewForm } from './ReviewForm.tsx';

export function ReviewHome() {
  const { t } = useTranslation();
  const { me } = useMe();
  return (
    <RequireAuth>
      <Page title={t('review:home.title')} description={t('review:home.description')}>
        {hasRole(me, 'expert') && <ExpertHome />}
        <OfficerCalls />
      </Page>
    </RequireAuth>
  );
}

function ExpertHome() {
  const { t } = useTranslation();
  const inv = useMyInvitations();
  const mine = useMyAssignments();
  const respond = useRespond();
  return (
    <Stack>
      {(inv.data ?? []).filter((i) => i.status === 'invited').map((i) => (
        <Card withBorder key={`${i.callId}-${i.side}`} data-testid="review-invitation">
          <Stack gap="xs">
            <Text fw={600}>{t('review:invitation.title', { side: t(`review:side.${i.side}`) })}</Text>
            <MlText value={i.callTitle} />
            <Group>
              <Button size="xs" onClick={() => respond.mutate({ callId: i.callId, side: i.side, accept: true })}>{t('review:invitation.accept')}</Button>
              <Button size="xs" variant="light" color="gray" onClick={() => respond.mutate({ callId: i.callId, side: i.side, accept: false })}>{t('review:invitation.decline')}</Button>
            </Group>
          </Stack>
        </Card>
      ))}
      <Text fw={600} size="lg">{t('review:mine.title')}</Text>
      {mine.isLoading && <Loading />}
      <ErrorAlert error={mine.error} />
      {mine.data?.length === 0 && <Text c="dimmed">{t('review:mine.empty')}</Text>}
      {mine.data?.map((a) => (
        <Card withBorder key={a.id} component={Link} to={`/review/assignments/${a.id}`} data-testid="my-assignment">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text fw={600}>{a.reference}</Text>
            <Group gap={6}>
              <Badge color={a.status === 'submitted' ? 'green' : a.status === 'confirmed' ? 'blue' : 'yellow'}>{t(`review:status.${a.status}`)}</Badge>
              {a.late && <Badge color="red">{t('review:late')}</Badge>}
            </Group>
          </Group>
          {a.title ? <MlText value={a.title} /> : <Text size="sm" c="dimmed">{t('review:mine.hiddenUntilConfirmed')}</Text>}
          <Text size="sm" c="dimmed"><MlText value={a.callTitle} size="sm" /> · {t(`review:side.${a.side}`)}</Text>
          {a.deadline && <Text size="sm">{t('review:deadline')}: <DateTime value={a.deadline} /></Text>}
        </Card>
      ))}
    </Stack>
  );
}

/** Calls with links to each side's panel: shown to everyone signed in; the server decides who may open it. */
function OfficerCalls() {
  const { t } = useTranslation();
  const { me } = useMe();
  const calls = useQuery({ queryKey: ['calls', 'list'], queryFn: () => get<{ id: string; slug: string; title: Ml; phase: string }[]>('/api/calls') });
  const officerLike = hasRole(me, 'organiser', 'admin') || hasRole(me, 'participant');
  if (!officerLike || !calls.data?.length) return null;
  return (
    <Stack gap="xs">
      <Text fw={600} size="lg">{t('review:panels.title')}</Text>
      <Text size="sm" c="dimmed">{t('review:panels.hint')}</Text>
      {calls.data.map((c) => (
        <Card withBorder key={c.id}>
          <MlText value={c.title} fw={500} />
          <Group gap="xs" mt={6}>
            {(['BY', 'CN'] as const).map((s) => <Button key={s} size="xs" variant="light" component={Link} to={`/review/calls/${c.id}/${s}`}>{t(`review:side.${s}`)}</Button>)}
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

export function AssignmentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const mine = useMyAssignments();
  const a = mine.data?.find((x) => x.id === id);
  const open = !!a && a.status !== 'assigned';
  const assigned = useAssigned(id, open);
  return (
    <RequireAuth roles={['expert']}>
      <Page title={a ? a.reference : t('review:assignment.title')} description={a ? <MlText value={a.callTitle} /> : undefined}
        actions={<Button component={Link} to="/review" variant="subtle">{t('review:back')}</Button>}>
        {mine.isLoading && <Loading />}
        {mine.data && !a && <Alert color="yellow">{t('review:assignment.gone')}</Alert>}
        {a?.status === 'assigned' && <ConflictConfirmation id={id} />}
        {open && assigned.isLoading && <Loading />}
        <ErrorAlert error={assigned.error} />
        {open && assigned.data && <ReviewForm assigned={assigned.data} />}
      </Page>
    </RequireAuth>
  );
}

function ConflictConfirmation({ id }: { id: string }) {
  const { t } = useTranslation();
  const confirm = useConfirm(id);
  const [declaring, setDeclaring] = useState(false);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | null>(null);
  if (done) return <Alert color="blue" data-testid="conflict-declared">{done}</Alert>;
  return (
    <Card withBorder data-testid="conflict-confirmation">
      <Stack>
        <Text fw={600}>{t('review:conflict.title')}</Text>
        <Text size="sm">{t('review:conflict.explain')}</Text>
        {confirm.error && <Alert color="red">{confirm.error instanceof ApiError ? confirm.error.message : String(confirm.error)}</Alert>}
        {!declaring ? (
          <Group>
            <Button onClick={() => confirm.mutate({ noConflict: true })} loading={confirm.isPending}>{t('review:conflict.none')}</Button>
            <Button variant="light" color="red" onClick={() => setDeclaring(true)}>{t('review:conflict.declare')}</Button>
          </Group>
        ) : (
          <>
            <Textarea label={t('review:conflict.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} minRows={3} autosize />
            <Group>
              <Button color="red" disabled={reason.trim().length < 3} loading={confirm.isPending}
                onClick={() => confirm.mutate({ conflict: reason.trim() }, { onSuccess: (r) => setDone(r.replacement ? t('review:conflict.reassigned') : t('review:conflict.removed')) })}>{t('review:conflict.send')}</Button>
              <Button variant="subtle" onClick={() => setDeclaring(false)}>{t('review:cancel')}</Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
