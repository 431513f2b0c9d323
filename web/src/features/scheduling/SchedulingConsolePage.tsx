// The organiser's "Schedule all" console: settings, the background run with its progress and best so far,
// the proposal before it is applied, and the meetings by slot with locks and manual moves.
import { Alert, Badge, Button, Card, Group, NumberInput, Radio, Stack, Switch, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useErrorNotice } from '../../app/notices.ts';
import { useMl } from '../../app/display.tsx';
import { ErrorAlert, Loading, Page, RequireAuth } from '../../app/ui.tsx';
import { RunPanel } from './RunPanel.tsx';
import { MeetingsBySlot } from './MeetingsBySlot.tsx';
import { isActive, overviewQuery, schedulingKeys, useStartRun } from './api.ts';

export function SchedulingConsolePage() {
  return <RequireAuth roles={['organiser', 'admin']}><Console /></RequireAuth>;
}

function Console() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const ml = useMl();
  const qc = useQueryClient();
  const overview = useQuery(overviewQuery(id));
  const startRun = useStartRun(id);
  const notifyError = useErrorNotice();
  const [timeLimit, setTimeLimit] = useState<number>(10);
  const [seed, setSeed] = useState<number>(1);
  const [incremental, setIncremental] = useState(false);
  const [allowMoves, setAllowMoves] = useState(false);
  const [moveSelfBooked, setMoveSelfBooked] = useState(false);
  const [objective, setObjective] = useState<'weight' | 'count'>('weight');
  const [runId, setRunId] = useState<string | null>(null);
  if (overview.isLoading) return <Loading />;
  if (!overview.data) return <ErrorAlert error={overview.error} />;
  const o = overview.data;
  const shown = runId ?? o.runs[0]?.id ?? null;
  const start = () => startRun.mutate({ eventId: o.event.id, timeLimitSeconds: timeLimit, seed, incremental, allowMoves: incremental && allowMoves, moveSelfBooked, objective },
    { onSuccess: (r) => setRunId(r.id), onError: (e) => notifyError(e) });
  return (
    <Page title={t('scheduling:title')} description={ml(o.event.title)}
      actions={<Group gap="xs">
        {o.stage && <Badge size="lg" color={o.stage === 'final' ? 'green' : 'yellow'}>{t(`scheduling:stageBadge.${o.stage}`)}</Badge>}
        <Button component="a" variant="light" href={`/api/events/${o.event.id}/scheduling/input.json`} download>{t('scheduling:downloadInput')}</Button>
      </Group>}>
      <Card withBorder>
        <Stack gap="sm">
          <Text fw={600}>{t('scheduling:settings.title')}</Text>
          <Group align="flex-end">
            <NumberInput label={t('scheduling:settings.timeLimit')} min={1} max={300} value={timeLimit} onChange={(v) => setTimeLimit(Number(v) || 10)} w={200} />
            <NumberInput label={t('scheduling:settings.seed')} min={0} value={seed} onChange={(v) => setSeed(Number(v) || 0)} w={140} />
          </Group>
          <Radio.Group label={t('scheduling:settings.objective')} value={objective} onChange={(v) => setObjective(v === 'count' ? 'count' : 'weight')}>
            <Group mt={4}>
              <Radio value="weight" label={t('scheduling:settings.objectiveWeight')} />
              <Radio value="count" label={t('scheduling:settings.objectiveCount')} />
            </Group>
          </Radio.Group>
          <Switch label={t('scheduling:settings.incremental')} description={t('scheduling:settings.incrementalHelp')} checked={incremental} onChange={(e) => setIncremental(e.currentTarget.checked)} />
          {incremental && <Switch label={t('scheduling:settings.allowMoves')} checked={allowMoves} onChange={(e) => setAllowMoves(e.currentTarget.checked)} />}
          <Switch label={t('scheduling:settings.moveSelfBooked')} description={t('scheduling:settings.moveSelfBookedHelp')} checked={moveSelfBooked} onChange={(e) => setMoveSelfBooked(e.currentTarget.checked)} />
          <Group>
            <Button onClick={() => void start()} loading={startRun.isPending} disabled={isActive(o.runs[0])}>{t('scheduling:scheduleAll')}</Button>
            {isActive(o.runs[0]) && <Text size="sm" c="dimmed">{t('scheduling:runActive')}</Text>}
          </Group>
        </Stack>
      </Card>
      {o.slots.length === 0 && <Alert color="yellow">{t('scheduling:noSlots')}</Alert>}
      {shown && <RunPanel eventId={o.event.id} runId={shown} appliedRunId={o.appliedRunId} onChanged={() => void qc.invalidateQueries({ queryKey: schedulingKeys.overview(id) })} />}
      <MeetingsBySlot eventId={o.event.id} slots={o.slots} />
    </Page>
  );
}
