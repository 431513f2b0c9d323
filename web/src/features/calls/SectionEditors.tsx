// Editors of the sections of a half. Each edits a plain object and calls onChange; the parent autosaves
// it with the section's version (see useAutosave in ApplicationPage.tsx).
import { Button, Checkbox, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ml } from '@shared/languages.ts';
import { get } from '../../app/api.ts';
import { useMl } from '../../app/display.tsx';
import type { Application, CallDetail, Side } from './api.ts';

type C = Record<string, any>;
type Props = { value: C; onChange: (v: C) => void; disabled: boolean; side: Side; app: Application; call: CallDetail | undefined };
const LANGS = ['ru', 'zh', 'en'] as const;
const CATEGORIES = ['personnel', 'equipment', 'materials', 'travel', 'subcontracting', 'overheads'];

function MlInputs({ label, value, onChange, disabled, multiline, testid }: { label: string; value: Ml | undefined; onChange: (v: Ml) => void; disabled: boolean; multiline?: boolean; testid: string }) {
  const { t } = useTranslation();
  const Input = multiline ? Textarea : TextInput;
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      {LANGS.map((l) => (
        <Input key={l} label={`${label} (${t(`common:languages.${l}`)})`} value={value?.[l] ?? ''} disabled={disabled} autosize={multiline ? true : undefined} minRows={multiline ? 2 : undefined}
          lang={l === 'zh' ? 'zh-CN' : l} data-testid={`${testid}-${l}`} onChange={(e) => onChange({ ...value, [l]: e.currentTarget.value })} />
      ))}
    </SimpleGrid>
  );
}

export function TitleEditor({ value, onChange, disabled, call }: Props) {
  const { t } = useTranslation();
  const { data: taxonomy } = useQuery({ queryKey: ['taxonomy'], queryFn: () => get<{ code: string; label: Ml; parentCode: string | null }[]>('/api/taxonomy') });
  const ml = useMl();
  const allowed = call?.priorityAreas ?? [];
  const options = (taxonomy ?? []).filter((a) => !a.parentCode && (!allowed.length || allowed.includes(a.code))).map((a) => ({ value: a.code, label: ml(a.label) }));
  return (
    <Stack gap="sm">
      <MlInputs label={t('calls:field.title')} value={value.title} onChange={(v) => onChange({ ...value, title: v })} disabled={disabled} testid="title" />
      <MlInputs label={t('calls:field.abstract')} value={value.abstract} onChange={(v) => onChange({ ...value, abstract: v })} disabled={disabled} multiline testid="abstract" />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <MultiSelect label={t('calls:field.areas')} data={options} value={value.areas ?? []} disabled={disabled} maxValues={5} onChange={(v) => onChange({ ...value, areas: v })} data-testid="areas" />
        <NumberInput label={t('calls:field.duration', { max: call?.maxDurationMonths ?? 24 })} value={value.durationMonths ?? ''} min={1} max={120} disabled={disabled}
          onChange={(v) => onChange({ ...value, durationMonths: typeof v === 'number' ? v : null })} data-testid="duration" />
      </SimpleGrid>
    </Stack>
  );
}

export function ConsortiumEditor({ value, onChange, disabled, app }: Props) {
  const { t } = useTranslation();
  const ml = useMl();
  const [search, setSearch] = useState('');
  const found = useQuery({ queryKey: ['organisations', 'pick', search], queryFn: () => get<{ items: { id: string; name: Ml; country: string; type: string }[] }>('/api/organisations', { q: search, limit: 20 }), enabled: search.length >= 2 });
  const orgs: { organisationId: string; side: Side; role: string }[] = value.organisations ?? [];
  const names = new Map([...app.organisations.map((o) => [o.id, ml(o.name)] as const), ...(found.data?.items ?? []).map((o) => [o.id, ml(o.name)] as const)]);
  const pis = value.pis ?? { BY: { userId: null, name: '' }, CN: { userId: null, name: '' } };
  const set = (list: typeof orgs) => onChange({ ...value, organisations: list });
  return (
    <Stack gap="sm">
      {orgs.map((o, i) => (
        <Group key={`${o.organisationId}-${i}`} gap="xs" wrap="wrap">
          <Text size="sm" style={{ flex: '1 1 200px' }}>{o.side} · {names.get(o.organisationId) ?? o.organisationId}</Text>
          <Select size="xs" w={130} data={[{ value: 'lead', label: t('calls:role.lead') }, { value: 'partner', label: t('calls:role.partner') }]} value={o.role} disabled={disabled}
            onChange={(r) => set(orgs.map((x, j) => (j === i ? { ...x, role: r ?? 'partner' } : x)))} />
          <Button size="xs" variant="subtle" color="red" disabled={disabled} onClick={() => set(orgs.filter((_, j) => j !== i))}>{t('calls:remove')}</Button>
        </Group>
      ))}
      {!disabled && (
        <Select searchable label={t('calls:addOrganisation')} placeholder={t('calls:searchDirectory')} searchValue={search} onSearchChange={setSearch} value={null}
          data={(found.data?.items ?? []).filter((o) => o.country === 'BY' || o.country === 'CN').map((o) => ({ value: o.id, label: `${o.country} · ${ml(o.name)}` }))}
          onChange={(id) => { const o = found.data?.items.find((x) => x.id === id); if (o) set([...orgs, { organisationId: o.id, side: o.country as Side, role: orgs.some((x) => x.side === o.country && x.role === 'lead') ? 'partner' : 'lead' }]); setSearch(''); }} />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {(['BY', 'CN'] as const).map((s) => (
          <TextInput key={s} label={t('calls:field.pi', { side: s })} value={pis[s]?.name ?? ''} disabled={disabled} data-testid={`pi-${s}`}
            onChange={(e) => onChange({ ...value, pis: { ...pis, [s]: { userId: pis[s]?.userId ?? null, name: e.currentTarget.value } } })} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

export function WorkplanEditor({ value, onChange, disabled, call }: Props) {
  const { t } = useTranslation();
  const stages: C[] = value.stages ?? [];
  const set = (i: number, patch: C) => onChange({ ...value, stages: stages.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const y = call?.projectStartYear ?? new Date().getFullYear();
  return (
    <Stack gap="sm">
      {stages.map((s, i) => (
        <Stack key={i} gap={4} p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }}>
          <MlInputs label={t('calls:field.stage', { n: i + 1 })} value={s.title} onChange={(v) => set(i, { title: v })} disabled={disabled} testid={`stage-${i}`} />
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <TextInput type="date" label={t('calls:field.start')} value={s.start} disabled={disabled} onChange={(e) => set(i, { start: e.currentTarget.value })} />
            <TextInput type="date" label={t('calls:field.end')} value={s.end} disabled={disabled} onChange={(e) => set(i, { end: e.currentTarget.value })} />
            <TextInput label={t('calls:field.tasksBY')} value={s.tasksBY ?? ''} disabled={disabled} onChange={(e) => set(i, { tasksBY: e.currentTarget.value })} />
            <TextInput label={t('calls:field.tasksCN')} value={s.tasksCN ?? ''} disabled={disabled} onChange={(e) => set(i, { tasksCN: e.currentTarget.value })} />
          </SimpleGrid>
          <TextInput label={t('calls:field.deliverables')} value={s.deliverables ?? ''} disabled={disabled} onChange={(e) => set(i, { deliverables: e.currentTarget.value })} />
          {!disabled && <Button size="xs" variant="subtle" color="red" onClick={() => onChange({ ...value, stages: stages.filter((_, j) => j !== i) })}>{t('calls:remove')}</Button>}
        </Stack>
      ))}
      {!disabled && <Button size="xs" variant="light" data-testid="add-stage" onClick={() => onChange({ ...value, stages: [...stages, { title: {}, start: `${y}-01-01`, end: `${y}-12-31`, tasksBY: '', tasksCN: '', deliverables: '' }] })}>{t('calls:addStage')}</Button>}
    </Stack>
  );
}

export function BudgetEditor({ value, onChange, disabled, side, call }: Props) {
  const { t } = useTranslation();
  const lines: C[] = value.lines ?? [];
  const funder = call?.funders.find((f) => f.side === side);
  const set = (i: number, patch: C) => onChange({ ...value, lines: lines.map((l, j) => (j === i ? { ...l, ...patch } : l)) });
  const years = call ? Array.from({ length: call.projectEndYear - call.projectStartYear + 1 }, (_, i) => call.projectStartYear + i) : [];
  return (
    <Stack gap="sm">
      {lines.map((l, i) => (
        <Group key={i} gap="xs" wrap="wrap" align="flex-end">
          <Select w={100} label={t('calls:field.year')} data={years.map(String)} value={String(l.year)} disabled={disabled} onChange={(v) => set(i, { year: Number(v) })} />
          <Select w={170} label={t('calls:field.category')} data={CATEGORIES.map((c) => ({ value: c, label: t(`calls:category.${c}`) }))} value={l.category} disabled={disabled} onChange={(v) => set(i, { category: v })} />
          <NumberInput w={150} label={`${t('calls:field.amount')} (${funder?.currency ?? ''})`} value={l.amount} min={0} disabled={disabled} onChange={(v) => set(i, { amount: typeof v === 'number' ? v : 0 })} />
          {!disabled && <Button size="xs" variant="subtle" color="red" onClick={() => onChange({ ...value, lines: lines.filter((_, j) => j !== i) })}>{t('calls:remove')}</Button>}
        </Group>
      ))}
      {!disabled && <Button size="xs" variant="light" data-testid="add-budget" onClick={() => onChange({ ...value, lines: [...lines, { year: years[0] ?? 2022, category: 'personnel', amount: 0 }] })}>{t('calls:addBudgetLine')}</Button>}
      {years.map((y) => {
        const total = lines.filter((l) => l.year === y).reduce((s, l) => s + (Number(l.amount) || 0), 0);
        const cap = call?.caps.find((c) => c.funderId === funder?.funderId && c.year === y)?.amount;
        return <Text key={y} size="sm" c={cap != null && total > cap ? 'red' : undefined}>{t('calls:budgetTotal', { year: y, total: total.toLocaleString(), cap: cap?.toLocaleString() ?? '—', currency: funder?.currency ?? '' })}</Text>;
      })}
    </Stack>
  );
}

export function ResultsEditor({ value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  return <MlInputs label={t('calls:field.results')} value={value.expected} onChange={(v) => onChange({ ...value, expected: v })} disabled={disabled} multiline testid="results" />;
}

export function IpEditor({ value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  return <MlInputs label={t('calls:field.ip')} value={value.plan} onChange={(v) => onChange({ ...value, plan: v })} disabled={disabled} multiline testid="ip" />;
}

export function CustomerEditor({ value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <TextInput label={t('calls:field.stateCustomer')} value={value.stateCustomer ?? ''} disabled={disabled} data-testid="customer" onChange={(e) => onChange({ ...value, stateCustomer: e.currentTarget.value })} />
      <Checkbox label={t('calls:field.commitment')} checked={!!value.commitment} disabled={disabled} data-testid="commitment" onChange={(e) => onChange({ ...value, commitment: e.currentTarget.checked })} />
      <NumberInput label={t('calls:field.coFinancing')} value={value.coFinancing ?? 0} min={0} disabled={disabled} onChange={(v) => onChange({ ...value, coFinancing: typeof v === 'number' ? v : 0 })} />
    </Stack>
  );
}

export const EDITORS: Record<string, (p: Props) => React.ReactElement> = {
  title: TitleEditor, consortium: ConsortiumEditor, workplan: WorkplanEditor, budget: BudgetEditor, results: ResultsEditor, ip: IpEditor, customer: CustomerEditor,
};
