// One scheduling run: progress with the best result so far while it runs, then the proposal before applying.
import { Alert, Badge, Button, Card, Group, List, Progress, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorNotice } from '../../app/notices.ts';
import { DualTime } from '../../app/display.tsx';
import { ErrorAlert, Loading } from '../../app/ui.tsx';
import { isActive, runQuery, useApplyRun, useCancelRun, type Placement, type RunDetail } from './api.ts';

export function RunPanel({ eventId, runId, appliedRunId, onChanged }: { eventId: string; runId: string; appliedRunId: string | null; onChanged: () => void }) {
  const { t } = useTranslation();
  const run = useQuery(runQuery(eventId, runId));
  const applyRun = useApplyRun(eventId, runId);
  const cancelRun = useCancelRun(eventId, runId);
  const notifyError = useErrorNotice();
  const [applying, setApplying] = useState<string | null>(null);
  const status = run.data?.status;
  // When the run ends, the console's overview (active run, "Schedule all" enabled again) is refreshed.
  useEffect(() => { if (status && !isActive(run.data)) onChanged(); }, [status]); // eslint-disable-line react-hooks/exhaustive-deps
  if (run.isLoading) return <Loading />;
  if (!run.data) return <ErrorAlert error={run.error} />;
  const r = run.data;
  const apply = async (stage: 'preliminary' | 'final') => {
    setApplying(stage);
    try {
      const res = await applyRun.mutateAsync(stage);
      notifications.show({ color: 'green', message: t('scheduling:applied', { stage: t(`scheduling:stage.${stage}`), meetings: res.changedMeetings, people: res.notified }) });
      onChanged();
    } catch (e) {
      notifyError(e, { autoClose: false });
    } finally { setApplying(null); }
  };
  const p = r.proposal;
  return (
    <Card withBorder data-testid="run-panel">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>{t('scheduling:run.title')}</Text>
          <Badge color={r.status === 'done' ? 'green' : r.status === 'failed' ? 'red' : 'blue'}>{t(`scheduling:run.status.${r.status}`)}</Badge>
        </Group>
        {isActive(r) && (
          <>
            <Progress value={Math.round(r.progress * 100)} animated aria-label={t('scheduling:run.progress')} />
            <Group justify="flex-end"><Button size="xs" variant="subtle" color="red" loading={cancelRun.isPending} onClick={() => cancelRun.mutate()}>{t('scheduling:run.cancel')}</Button></Group>
            {r.best && <Text size="sm">{t('scheduling:run.best', { scheduled: r.best.scheduled ?? 0, breaks: r.best.breaks ?? 0 })}</Text>}
            {r.best?.upperBound !== undefined && <Text size="sm" c="dimmed">{t(r.best.objective === 'count' ? 'scheduling:run.boundCount' : 'scheduling:run.boundWeight',
              { bound: r.best.upperBound, lb: r.best.breaksLowerBound ?? 0 })}</Text>}
          </>
        )}
        {r.status === 'failed' && <Alert color="red">{r.error}</Alert>}
        {p && (
          <>
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              <Figure label={t('scheduling:result.placed')} value={t('scheduling:result.placedOf', { n: p.summary.scheduled, total: p.summary.requested })} />
              <Figure label={t('scheduling:result.breaks')} value={String(p.summary.breaks)} />
              <Figure label={t('scheduling:result.maxBreaks')} value={String(p.summary.maxBreaks)} />
              <Figure label={t('scheduling:result.seconds')} value={p.summary.seconds.toFixed(1)} />
            </SimpleGrid>
            <Alert color={p.summary.moreMeetingsAtMost === 0 ? 'green' : 'blue'} data-testid="certificate">
              {p.summary.moreMeetingsAtMost === 0 ? t('scheduling:result.optimal') : t('scheduling:result.certificate', { n: p.summary.moreMeetingsAtMost })}
              {' '}{t('scheduling:result.breaksBound', { n: p.summary.breaksLowerBound })}
            </Alert>
            {p.violations.length > 0 && <Alert color="red" title={t('scheduling:result.invalid')}><List size="sm">{p.violations.map((v) => <List.Item key={v}>{v}</List.Item>)}</List></Alert>}
            {p.unscheduled.length > 0 && (
              <div>
                <Text fw={600} size="sm">{t('scheduling:result.unplaced', { n: p.unscheduled.length })}</Text>
                <List size="sm">{p.unscheduled.map((u) => (
                  <List.Item key={u.meeting}>{(p.meetingParticipants[u.meeting] ?? []).map((x) => r.people[x]?.name ?? x).join(', ')}: <Text span c="dimmed">{u.reason}</Text></List.Item>
                ))}</List>
              </div>
            )}
            <Changes r={r} />
            {r.status === 'done' && p.violations.length === 0 && (
              <Group>
                <Button onClick={() => void apply('preliminary')} loading={applying === 'preliminary'} variant="light">{t('scheduling:applyPreliminary')}</Button>
                <Button onClick={() => void apply('final')} loading={applying === 'final'}>{t('scheduling:applyFinal')}</Button>
                {appliedRunId === r.id && <Badge color="green" variant="light">{t('scheduling:appliedBadge')}</Badge>}
              </Group>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return <div><Text size="xs" c="dimmed">{label}</Text><Text fw={700} size="lg">{value}</Text></div>;
}

/** What changes for whom: one row per person, their meetings moving from → to. */
function Changes({ r }: { r: RunDetail }) {
  const { t } = useTranslation();
  const p = r.proposal!;
  const people = Object.entries(p.affected).sort(([a], [b]) => (r.people[a]?.name ?? a).localeCompare(r.people[b]?.name ?? b));
  if (!people.length) return <Text size="sm" c="dimmed">{t('scheduling:result.noChanges')}</Text>;
  const place = (x: Placement | null) => {
    if (!x) return <Text span c="dimmed">{t('scheduling:result.notPlaced')}</Text>;
    const at = r.slotTimes[x.slot];
    return <>{at ? <DualTime value={at.startsAt} /> : x.slot}{x.table ? ` · ${t('scheduling:table', { n: x.table })}` : ''}</>;
  };
  const change = new Map(p.changes.map((c) => [c.meeting, c]));
  const selfMoves = p.selfBookedMoves ?? [];
  const names = (m: string) => (p.meetingParticipants[m] ?? []).map((x) => r.people[x]?.name ?? x).join(', ');
  return (
    <div>
      {selfMoves.length > 0 && (
        <Alert color="yellow" mb="sm" data-testid="self-booked-moves" title={t('scheduling:result.selfBookedMoves', { n: selfMoves.length })}>
          <List size="sm">
            {selfMoves.map((mv) => <List.Item key={mv.meeting}>{names(mv.meeting)}: {place(mv.from)} → {place(mv.to)} — {t(`scheduling:result.selfBookedReason.${mv.reason}`)}</List.Item>)}
          </List>
        </Alert>
      )}
      <Text fw={600} size="sm">{t('scheduling:result.changes', { people: people.length, meetings: p.changes.length })}</Text>
      <Table.ScrollContainer minWidth={600} mah={360}>
        <Table striped data-testid="changes">
          <Table.Thead><Table.Tr><Table.Th>{t('scheduling:result.person')}</Table.Th><Table.Th>{t('scheduling:result.with')}</Table.Th><Table.Th>{t('scheduling:result.from')}</Table.Th><Table.Th>{t('scheduling:result.to')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {people.flatMap(([who, ms]) => ms.map((m, i) => {
              const c = change.get(m)!;
              const others = (p.meetingParticipants[m] ?? []).filter((x) => x !== who).map((x) => r.people[x]?.name ?? x).join(', ');
              return (
                <Table.Tr key={`${who}-${m}`}>
                  <Table.Td>{i === 0 ? r.people[who]?.name ?? who : ''}</Table.Td>
                  <Table.Td>{others}</Table.Td>
                  <Table.Td>{place(c.from)}</Table.Td>
                  <Table.Td>{place(c.to)}</Table.Td>
                </Table.Tr>
              );
            }))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </div>
  );
}
