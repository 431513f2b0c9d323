// The application editor: one tab per side (the viewer's own first), each section autosaved with its
// version (a stale save shows the other person's text beside one's own), completeness per section, the
// mirror comparison, required documents, submission with receipts, and the officer's panel.
import { useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Button, Card, FileButton, Group, Progress, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { MlText, useMl } from '../../app/display.tsx';
import { ErrorAlert, Loading, Page } from '../../app/ui.tsx';
import { keys, saveSection, useApplication, useCall, useInvite, useSubmitHalf, useUpload, useWithdrawHalf, type Application, type CallDetail, type Half, type Side } from './api.ts';
import { EDITORS } from './SectionEditors.tsx';
import { OfficerPanel } from './OfficerPanel.tsx';
import { ZonedInstant } from './CallPages.tsx';

const ORDER = ['title', 'consortium', 'workplan', 'budget', 'results', 'ip', 'customer'];
type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'conflict' | 'error';

/** Autosave: 1.2 s after the last change, saved on the version the editor started from. */
function SectionCard({ app, half, sectionKey, call }: { app: Application; half: Half; sectionKey: string; call: CallDetail | undefined }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const row = half.sections.find((s) => s.key === sectionKey)!;
  const [draft, setDraft] = useState(row.content);
  const [base, setBase] = useState(row.version);
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<unknown>(null);
  const [theirs, setTheirs] = useState<{ content: Record<string, unknown>; version: number; by: string | null } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const dirty = useRef(false);
  // The version the next save is based on, and whether one is in flight (read when the timer fires, not when it was set).
  const baseRef = useRef(row.version);
  const inFlight = useRef(false);
  useEffect(() => { baseRef.current = base; }, [base]);
  // A newer version arrived from the server (someone else saved) while nothing is pending here: take it.
  useEffect(() => { if (!dirty.current && row.version > base) { setDraft(row.content); setBase(row.version); } }, [row.version, row.content, base]);
  const latest = useRef(row.content);
  const save = async (content: Record<string, unknown>, version: number) => {
    if (inFlight.current) { timer.current = setTimeout(() => void save(latest.current, baseRef.current), 300); return; }
    inFlight.current = true;
    setState('saving');
    try {
      const r = await saveSection(app.id, half.side, sectionKey, version, content);
      baseRef.current = r.version; setBase(r.version); setTheirs(null); setError(null);
      const changedMeanwhile = latest.current !== content;
      dirty.current = changedMeanwhile;
      setState(changedMeanwhile ? 'pending' : 'saved');
      await qc.invalidateQueries({ queryKey: keys.application(app.id) });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict') {
        const fresh = await qc.fetchQuery({ queryKey: keys.application(app.id), queryFn: () => import('../../app/api.ts').then((m) => m.get<Application>(`/api/applications/${app.id}`)) });
        const cur = fresh.halves.find((h) => h.side === half.side)!.sections.find((s) => s.key === sectionKey)!;
        const by = fresh.members.find((m) => m.userId === cur.updatedBy)?.name ?? null;
        setTheirs({ content: cur.content, version: cur.version, by }); setState('conflict');
      } else { setError(e); setState('error'); }
    } finally { inFlight.current = false; }
  };
  const onChange = (v: Record<string, unknown>) => {
    setDraft(v); dirty.current = true; latest.current = v;
    if (timer.current) clearTimeout(timer.current);
    if (state === 'conflict') return; // the person decides first
    setState('pending');
    timer.current = setTimeout(() => void save(latest.current, baseRef.current), 1200);
  };
  const Editor = EDITORS[sectionKey];
  const comp = half.completeness.sections.find((s) => s.key === sectionKey);
  return (
    <Card withBorder data-testid={`section-${half.side}-${sectionKey}`}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} size="h5">{t(`calls:section.${sectionKey}`)}</Title>
          <Group gap={4}>
            {comp && <Badge color={comp.complete ? 'teal' : 'orange'} variant="light">{comp.complete ? t('calls:complete') : t('calls:incomplete')}</Badge>}
            <Text size="xs" c="dimmed" data-testid={`save-state-${half.side}-${sectionKey}`}>{t(`calls:save.${state}`)} · v{base}</Text>
          </Group>
        </Group>
        {state === 'conflict' && theirs && (
          <Alert color="orange" title={t('calls:conflict.title', { name: theirs.by ?? '—' })} data-testid="conflict">
            <Stack gap="xs">
              <Text size="sm">{t('calls:conflict.body')}</Text>
              <Group grow align="flex-start" wrap="wrap">
                <Card withBorder padding="xs"><Text size="xs" fw={500}>{t('calls:conflict.theirs')}</Text><Text size="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{JSON.stringify(theirs.content, null, 1)}</Text></Card>
                <Card withBorder padding="xs"><Text size="xs" fw={500}>{t('calls:conflict.mine')}</Text><Text size="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{JSON.stringify(draft, null, 1)}</Text></Card>
              </Group>
              <Group>
                <Button size="xs" variant="light" onClick={() => { setDraft(theirs.content); setBase(theirs.version); dirty.current = false; setTheirs(null); setState('idle'); }}>{t('calls:conflict.takeTheirs')}</Button>
                <Button size="xs" onClick={() => void save(draft, theirs.version)}>{t('calls:conflict.keepMine')}</Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {error != null && <ErrorAlert error={error} />}
        <Editor value={draft} onChange={onChange} disabled={!half.can.edit} side={half.side} app={app} call={call} />
        {comp && comp.problems.length > 0 && (
          <Stack gap={0}>{comp.problems.map((p, i) => <Text key={i} size="xs" c="orange">• {t(`calls:problem.${p.code}`, p.params ?? {})}</Text>)}</Stack>
        )}
      </Stack>
    </Card>
  );
}

function Documents({ app, half, call }: { app: Application; half: Half; call: CallDetail | undefined }) {
  const { t } = useTranslation();
  const upload = useUpload(app.id);
  return (
    <Card withBorder>
      <Title order={3} size="h5" mb="xs">{t('calls:section.documents')}</Title>
      <Stack gap="xs">
        {(call?.requiredDocuments ?? []).filter((d) => d.side === half.side).map((d) => {
          const a = half.attachments.find((x) => x.documentCode === d.code);
          return (
            <Group key={d.code} justify="space-between" wrap="wrap" gap="xs">
              <Text size="sm"><MlText value={d.title} />{d.required ? ' *' : ''}</Text>
              <Group gap="xs">
                {a && <Anchor size="sm" href={a.url} title={`SHA-256 ${a.sha256}`}>{a.name}</Anchor>}
                {half.can.edit && <FileButton accept="application/pdf,image/png,image/jpeg,image/webp" onChange={(f) => f && upload.mutate({ side: half.side, code: d.code, file: f })}>
                  {(props) => <Button size="xs" variant="light" {...props} data-testid={`upload-${d.code}`}>{a ? t('calls:replace') : t('calls:upload')}</Button>}
                </FileButton>}
              </Group>
            </Group>
          );
        })}
        {upload.error && <ErrorAlert error={upload.error} />}
      </Stack>
    </Card>
  );
}

function Mirror({ app }: { app: Application }) {
  const { t } = useTranslation();
  const ml = useMl();
  const label = (field: string, v: string) => field === 'organisations'
    ? v.split('\n').filter(Boolean).map((x) => { const [side, role, id] = x.split(':'); return `${side} ${t(`calls:role.${role}`)}: ${ml(app.organisations.find((o) => o.id === id)?.name) || id}`; }).join('; ')
    : v;
  if (!app.mirror.length) return <Alert color="teal" data-testid="mirror-ok">{t('calls:mirror.ok')}</Alert>;
  return (
    <Alert color="orange" title={t('calls:mirror.title')} data-testid="mirror-mismatch">
      <Table.ScrollContainer minWidth={300}>
        <Table>
          <Table.Thead><Table.Tr><Table.Th>{t('calls:mirror.field')}</Table.Th><Table.Th>{t('calls:side.BY')}</Table.Th><Table.Th>{t('calls:side.CN')}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>{app.mirror.map((m) => (
            <Table.Tr key={m.field}><Table.Td>{t(`calls:mirror.fields.${m.field.replace('.', '_')}`)}</Table.Td><Table.Td>{label(m.field, m.BY) || '—'}</Table.Td><Table.Td>{label(m.field, m.CN) || '—'}</Table.Td></Table.Tr>
          ))}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Alert>
  );
}

function Submission({ app, half }: { app: Application; half: Half }) {
  const { t } = useTranslation();
  const submit = useSubmitHalf(app.id);
  const withdraw = useWithdrawHalf(app.id);
  const last = half.versions[half.versions.length - 1];
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text fw={500}>{t('calls:statusLabel')}: <Badge data-testid={`status-${half.side}`}>{t(`calls:status.${half.status}`)}</Badge></Text>
          <Group gap="xs">
            {half.can.submit && <Button onClick={() => submit.mutate(half.side)} loading={submit.isPending} data-testid={`submit-${half.side}`}>{t('calls:submit')}</Button>}
            {half.can.withdraw && <Button variant="light" color="red" onClick={() => withdraw.mutate(half.side)} loading={withdraw.isPending}>{t('calls:withdraw')}</Button>}
          </Group>
        </Group>
        <Progress value={half.completeness.percent} aria-label={t('calls:completeness')} />
        {half.override && <Text size="sm" c="dimmed">{t('calls:overridden', { reason: half.override.reason })}</Text>}
        {submit.error && <ErrorAlert error={submit.error} />}
        {last && (
          <Stack gap={2} data-testid={`receipt-${half.side}`}>
            <Text size="sm">{t('calls:lastVersion', { version: last.version })} · <ZonedInstant value={last.submittedAt} zones={[app.callTimezone]} /></Text>
            <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>SHA-256 {last.sha256}</Text>
            <Group gap="xs">
              <Anchor size="sm" href={`/api/applications/${app.id}/halves/${half.side}/receipt.pdf`} data-testid={`receipt-pdf-${half.side}`}>{t('calls:receiptPdf')}</Anchor>
              <Anchor size="sm" href={`/api/applications/${app.id}/halves/${half.side}/receipt`} target="_blank">{t('calls:receiptJson')}</Anchor>
            </Group>
          </Stack>
        )}
        {half.decision && (
          <Alert color={half.decision.decision === 'eligible' ? 'teal' : 'orange'} title={t(`calls:decision.${half.decision.decision}`)}>
            <MlText value={half.decision.reasons} />
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

function Invite({ app }: { app: Application }) {
  const { t } = useTranslation();
  const invite = useInvite(app.id);
  const [email, setEmail] = useState('');
  const side: Side = app.myMembership?.side === 'BY' ? 'CN' : 'BY';
  return (
    <Group align="flex-end" wrap="wrap">
      <TextInput label={t('calls:inviteLabel', { side })} value={email} onChange={(e) => setEmail(e.currentTarget.value)} type="email" />
      <Button variant="light" onClick={() => invite.mutate({ side, role: 'editor', email })} disabled={!email}>{t('calls:invite')}</Button>
      {invite.data && <Text size="xs" style={{ wordBreak: 'break-all' }}>{invite.data.link}</Text>}
      {invite.error && <ErrorAlert error={invite.error} />}
    </Group>
  );
}

export function ApplicationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useApplication(id);
  const call = useCall(q.data?.callId ?? '');
  const ml = useMl();
  const [tab, setTab] = useState<string | null>(null);
  if (q.isLoading) return <Loading />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const app = q.data;
  const own = app.myMembership?.side ?? 'BY';
  const halves = [...app.halves].sort((a) => (a.side === own ? -1 : 1));
  const title = app.halves.map((h) => h.sections.find((s) => s.key === 'title')?.content.title).find((x) => x && ml(x));
  return (
    <Page title={ml(title) || app.reference} description={<>{app.reference} · <MlText value={app.callTitle} /></>}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm">{t('calls:closes')}:</Text><ZonedInstant value={app.closesAt} zones={[app.callTimezone]} />
        {app.origin && <Badge variant="outline">{t(`calls:origin.${app.origin.kind}`)}</Badge>}
      </Group>
      <Text size="sm" c="dimmed">{app.members.map((m) => `${m.name} (${m.side}, ${t(`calls:memberRole.${m.role}`)})`).join(' · ')}</Text>
      {app.myMembership?.role === 'editor' && app.callPhase === 'open' && <Invite app={app} />}
      <Mirror app={app} />
      <Tabs value={tab ?? own} onChange={setTab} keepMounted={false}>
        <Tabs.List>{halves.map((h) => <Tabs.Tab key={h.side} value={h.side} data-testid={`tab-${h.side}`}>{t(`calls:side.${h.side}`)} · {h.completeness.percent}%</Tabs.Tab>)}</Tabs.List>
        {halves.map((h) => (
          <Tabs.Panel key={h.side} value={h.side} pt="sm">
            <Stack gap="sm">
              <Submission app={app} half={h} />
              {(h.can.decide || h.can.override) && <OfficerPanel app={app} half={h} />}
              {[...h.sections].sort((a, b) => ORDER.indexOf(a.key) - ORDER.indexOf(b.key)).map((s) => <SectionCard key={`${h.side}-${s.key}`} app={app} half={h} sectionKey={s.key} call={call.data} />)}
              <Documents app={app} half={h} call={call.data} />
            </Stack>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Page>
  );
}
