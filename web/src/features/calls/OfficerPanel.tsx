// The programme officer's screen for one half: automatic checks (shown after the first decision, computed
// on the server), the checklist, the decision with reasons, and the mirror-mismatch override.
import { useState } from 'react';
import { Button, Card, Checkbox, Group, SegmentedControl, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui.tsx';
import { useDecide, useOverride, type Application, type Half } from './api.ts';

const CHECKLIST = ['customer_letter', 'cost_estimate', 'agreement_signed', 'priorities_fit'];

export function OfficerPanel({ app, half }: { app: Application; half: Half }) {
  const { t } = useTranslation();
  const decide = useDecide(app.id);
  const override = useOverride(app.id);
  const [decision, setDecision] = useState(half.can.decisions[0] ?? 'eligible');
  const [checks, setChecks] = useState<Record<string, boolean>>(Object.fromEntries(CHECKLIST.map((c) => [c, half.decision?.checklist.find((x) => x.code === c)?.ok ?? false])));
  const [reasons, setReasons] = useState({ ru: '', zh: '', en: '' });
  const [reason, setReason] = useState('');
  return (
    <Card withBorder data-testid={`officer-${half.side}`}>
      <Stack gap="sm">
        <Title order={3} size="h5">{t('calls:officer.title', { side: half.side })}</Title>
        {(half.checks.length > 0 || half.decision) && (
          <Stack gap={2} data-testid={`checks-${half.side}`}>{(half.checks.length ? half.checks : half.decision!.automatic).map((c) => <Text key={c.code} size="sm" c={c.ok ? 'teal' : 'red'}>{c.ok ? '✓' : '✗'} {t(`calls:check.${c.code}`)}</Text>)}</Stack>
        )}
        {half.can.decide && half.can.decisions.length > 0 && (
          <>
            {CHECKLIST.map((c) => <Checkbox key={c} label={t(`calls:checklist.${c}`)} checked={checks[c]} onChange={(e) => setChecks({ ...checks, [c]: e.currentTarget.checked })} />)}
            <SegmentedControl data={half.can.decisions.map((d) => ({ value: d, label: t(`calls:decision.${d}`) }))} value={decision} onChange={setDecision} fullWidth />
            <Textarea label={t('calls:officer.reasonsRu')} value={reasons.ru} onChange={(e) => setReasons({ ...reasons, ru: e.currentTarget.value })} autosize />
            <Textarea label={t('calls:officer.reasonsZh')} value={reasons.zh} onChange={(e) => setReasons({ ...reasons, zh: e.currentTarget.value })} autosize />
            <Group><Button onClick={() => decide.mutate({ side: half.side, decision, reasons, checklist: CHECKLIST.map((code) => ({ code, ok: checks[code] })) })} loading={decide.isPending} data-testid={`decide-${half.side}`}>{t('calls:officer.decide')}</Button></Group>
            {decide.error && <ErrorAlert error={decide.error} />}
          </>
        )}
        {half.can.decide && half.can.decisions.length === 0 && <Text size="sm" c="dimmed">{t('calls:officer.nothingToDecide')}</Text>}
        {half.can.override && app.mirror.length > 0 && !half.override && (
          <Group align="flex-end" wrap="wrap">
            <TextInput label={t('calls:officer.overrideReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} style={{ flex: '1 1 240px' }} />
            <Button variant="light" color="orange" disabled={reason.trim().length < 5} onClick={() => override.mutate({ side: half.side, reason })} data-testid={`override-${half.side}`}>{t('calls:officer.override')}</Button>
            {override.error && <ErrorAlert error={override.error} />}
          </Group>
        )}
      </Stack>
    </Card>
  );
}
