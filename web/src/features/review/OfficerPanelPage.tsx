// The officer's console of one side's review (/review/calls/:callId/:side): panel and invitations, the
// engine run with its certificate and each assignment's reasons, conflicts with their reasons, and the
// calibration table (raw and calibrated side by side, interval, divergence, consensus) with the release.
import { Alert, Badge, Button, Card, Checkbox, Group, SegmentedControl, SimpleGrid, Stack, Table, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { MlText, useMl } from '../../app/display.tsx';
import { ErrorAlert, Loading, Page, RequireAuth } from '../../app/ui.tsx';
import { useCalibration, useConflicts, useInvite, usePanel, usePool, useReassign, useRelease, useRunAssignment, useSideAssignments, type Side } from './api.ts';

const fail = (e: unknown) => notifications.show({ color: 'red', autoClose: false, message: e instanceof ApiError ? e.message : String(e) });
const n2 = (x: number) => (Math.round(x * 100) / 100).toString();

export function OfficerPanelPage() {
  const { t } = useTranslation();
  const { callId = '', side: rawSide = 'BY' } = useParams();
  const side = (rawSide === 'CN' ? 'CN' : 'BY') as Side;
  const panel = usePanel(callId, side);
  return (
    <RequireAuth>
      <Page title={t('review:officer.title', { side: t(`review:side.${side}`) })}>
        {panel.isLoading && <Loading />}
        <ErrorAlert error={panel.error} />
        {panel.data && (
          <Tabs defaultValue="assignment" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="panel">{t('review:officer.tabs.panel')}</Tabs.Tab>
              <Tabs.Tab value="assignment">{t('review:officer.tabs.assignment')}</Tabs.Tab>
              <Tabs.Tab value="conflicts">{t('review:officer.tabs.conflicts')}</Tabs.Tab>
              <Tabs.Tab value="calibration">{t('review:officer.tabs.calibration')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="panel" pt="md"><PanelTab callId={callId} side={side} /></Tabs.Panel>
            <Tabs.Panel value="assignment" pt="md"><AssignmentTab callId={callId} side={side} canManage={panel.data.canManage} /></Tabs.Panel>
            <Tabs.Panel value="conflicts" pt="md"><ConflictsTab callId={callId} side={side} /></Tabs.Panel>
            <Tabs.Panel value="calibration" pt="md"><CalibrationTab callId={callId} side={side} canManage={panel.data.canManage} released={!!panel.data.releasedAt} /></Tabs.Panel>
          </Tabs>
        )}
      </Page>
    </RequireAuth>
  );
}

function PanelTab({ callId, side }: { callId: string; side: Side }) {
  const { t } = useTranslation();
  const panel = usePanel(callId, side).data!;
  const pool = usePool(side, panel.canManage);
  const invite = useInvite(callId, side);
  const [chosen, setChosen] = useState<string[]>([]);
  const members = new Set(panel.members.map((m) => m.userId));
  return (
    <Stack>
      <Text size="sm">{t('review:panel.settings', { reviews: panel.reviewsPerHalf, years: panel.conflictYears })} {panel.mixQuota ? t('review:panel.mix', { quota: Object.entries(panel.mixQuota).map(([k, v]) => `${k} ≥ ${v}`).join(', ') }) : t('review:panel.sameSide')}</Text>
      {panel.members.map((m) => (
        <Card withBorder key={m.userId} padding="sm">
          <Group justify="space-between" wrap="wrap"><Text fw={500}>{m.name} · {m.country}</Text><Badge>{t(`review:member.${m.status}`)}</Badge></Group>
          <MlText value={m.statement} size="sm" c="dimmed" />
        </Card>
      ))}
      {panel.canManage && pool.data && (
        <Card withBorder>
          <Text fw={600}>{t('review:panel.invite')}</Text>
          <Stack gap={4} mt="xs">
            {pool.data.filter((e) => !members.has(e.userId)).map((e) => (
              <Checkbox key={e.userId} label={`${e.name} — ${e.keywords.join(', ')}`} checked={chosen.includes(e.userId)}
                onChange={(ev) => setChosen((c) => (ev.currentTarget.checked ? [...c, e.userId] : c.filter((x) => x !== e.userId)))} />
            ))}
          </Stack>
          <Button mt="sm" disabled={!chosen.length} loading={invite.isPending} onClick={() => invite.mutate(chosen, { onSuccess: () => setChosen([]), onError: fail })}>{t('review:panel.sendInvitations', { count: chosen.length })}</Button>
        </Card>
      )}
    </Stack>
  );
}

function AssignmentTab({ callId, side, canManage }: { callId: string; side: Side; canManage: boolean }) {
  const { t } = useTranslation();
  const data = useSideAssignments(callId, side);
  const run = useRunAssignment(callId, side);
  const reassign = useReassign(callId, side);
  const [mode, setMode] = useState<'optimal' | 'fair' | 'randomised'>('optimal');
  const r = data.data?.run;
  const active = (data.data?.assignments ?? []).filter((a) => a.status !== 'removed');
  return (
    <Stack>
      {canManage && (
        <Card withBorder>
          <Stack gap="xs">
            <Text fw={600}>{t('review:run.title')}</Text>
            <SegmentedControl value={mode} onChange={(v) => setMode(v as typeof mode)} data={(['optimal', 'fair', 'randomised'] as const).map((m) => ({ value: m, label: t(`review:run.mode.${m}`) }))} fullWidth />
            <Text size="xs" c="dimmed">{t(`review:run.modeHint.${mode}`)}</Text>
            <Button onClick={() => run.mutate({ mode, ...(mode === 'randomised' ? { q: 0.5, seed: Date.now() % 100000 } : {}) }, { onError: fail })} loading={run.isPending} data-testid="run-assignment">{t('review:run.start')}</Button>
          </Stack>
        </Card>
      )}
      {data.isLoading && <Loading />}
      <ErrorAlert error={data.error} />
      {r && (
        <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="run-certificate">
          <Figure label={t('review:run.objective')} value={n2(r.objective)} />
          <Figure label={t('review:run.bound')} value={n2(r.upperBound)} />
          <Figure label={t('review:run.worst')} value={n2(r.worstApplication)} />
          <Figure label={t('review:run.excluded')} value={String(r.excludedConflicts)} />
        </SimpleGrid>
      )}
      {r && <Text size="sm" c="dimmed">{Math.abs(r.objective - r.upperBound) < 1e-6 ? t('review:run.proven') : t('review:run.gap', { gap: n2(r.upperBound - r.objective) })} · {t(`review:run.mode.${r.mode as 'optimal'}`)}</Text>}
      {active.map((a) => (
        <Card withBorder key={a.id} padding="sm" data-testid="assignment-row">
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text fw={600}>{a.reference} · {a.expertName} ({a.expertCountry})</Text>
            <Group gap={6}><Badge variant="light">{t('review:affinity', { value: n2(a.affinity) })}</Badge><Badge>{t(`review:status.${a.status as 'assigned'}`)}</Badge>{a.late && <Badge color="red">{t('review:late')}</Badge>}</Group>
          </Group>
          {a.reasons.length ? a.reasons.map((x, i) => <Text size="sm" key={i} data-testid="assignment-reason">{x}</Text>) : <Text size="sm" c="dimmed">{t('review:noReasons')}</Text>}
          {canManage && a.status !== 'submitted' && (
            <Button size="xs" variant="subtle" mt={4} onClick={() => reassign.mutate({ id: a.id, reason: t('review:reassignReason') }, { onError: fail })}>{t('review:reassign')}</Button>
          )}
        </Card>
      ))}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return <Card withBorder padding="xs"><Text size="xs" c="dimmed">{label}</Text><Text fw={600}>{value}</Text></Card>;
}

function ConflictsTab({ callId, side }: { callId: string; side: Side }) {
  const { t } = useTranslation();
  const ml = useMl();
  const c = useConflicts(callId, side);
  if (c.isLoading) return <Loading />;
  if (c.error) return <ErrorAlert error={c.error} />;
  if (!c.data?.length) return <Text c="dimmed">{t('review:conflicts.none')}</Text>;
  return (
    <Stack>
      {c.data.map((x) => (
        <Card withBorder key={`${x.applicationId}-${x.expertUserId}`} padding="sm">
          <Text fw={600}>{x.reference} · {x.expertName}</Text>
          {x.reasons.map((r, i) => <Text size="sm" key={i}>{t(`review:conflicts.code.${r.code}`, { ...r.params, organisation: r.organisation ? ml(r.organisation) : '' })}</Text>)}
        </Card>
      ))}
    </Stack>
  );
}

function CalibrationTab({ callId, side, canManage, released }: { callId: string; side: Side; canManage: boolean; released: boolean }) {
  const { t } = useTranslation();
  const c = useCalibration(callId, side);
  const release = useRelease(callId, side);
  if (c.isLoading) return <Loading />;
  if (c.error) return <ErrorAlert error={c.error} />;
  const d = c.data!;
  return (
    <Stack>
      <Text size="sm" c="dimmed">{t('review:calibration.explain', { sigma: n2(d.sigma), threshold: d.threshold })}</Text>
      <Table.ScrollContainer minWidth={560}>
        <Table striped data-testid="calibration-table">
          <Table.Thead><Table.Tr>
            <Table.Th>{t('review:calibration.application')}</Table.Th><Table.Th>{t('review:calibration.reviews')}</Table.Th><Table.Th>{t('review:calibration.raw')}</Table.Th>
            <Table.Th>{t('review:calibration.calibrated')}</Table.Th><Table.Th>{t('review:calibration.interval')}</Table.Th><Table.Th>{t('review:calibration.final')}</Table.Th>
          </Table.Tr></Table.Thead>
          <Table.Tbody>
            {d.applications.map((a) => (
              <Table.Tr key={a.application}>
                <Table.Td>{a.reference} {a.divergent && <Badge color="orange" size="xs">{t('review:calibration.divergent', { spread: n2(a.spread) })}</Badge>}</Table.Td>
                <Table.Td>{a.reviews}</Table.Td><Table.Td>{n2(a.rawMean)}</Table.Td><Table.Td>{n2(a.calibrated)}</Table.Td>
                <Table.Td>{n2(a.low)} – {n2(a.high)}</Table.Td><Table.Td>{a.consensus ? n2(a.consensus.finalScore) : '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canManage && (released ? <Alert color="green">{t('review:released')}</Alert>
        : <Button variant="light" onClick={() => release.mutate(undefined, { onError: fail })} loading={release.isPending}>{t('review:release')}</Button>)}
    </Stack>
  );
}
