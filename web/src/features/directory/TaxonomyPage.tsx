// The taxonomy of areas and sub-areas for organisers: trilingual labels and the classification codes
// (Belarusian priority direction, ГРНТИ, GB/T 13745); add, edit, deactivate — no code changes needed.
import { Badge, Button, Group, Modal, NumberInput, Paper, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldErrors } from '../../app/api.ts';
import { Page, ErrorAlert, Loading, RequireAuth } from '../../app/ui.tsx';
import { MlText } from '../../app/display.tsx';
import { LANGS, type Ml } from '@shared/languages.ts';
import { taxonomyQuery, useSaveTaxonomyNode, type TaxonomyNode } from './api.ts';

type Draft = { mode: 'create' | 'edit'; parentCode: string | null; code: string; label: Ml; byPriority: number | null; grnti: string[]; gbt: string[]; sort: number };

// The same rules as the server's taxonomyCreate schema (src/modules/directory/schema.ts).
const CODE = /^[a-z0-9_.]+$/;
const LIMITS = { code: 80, label: 200, classCode: 20, classCodes: 20, priorityMax: 20 };

/** Problems by field → a code of directory:taxonomy.errors. */
export function validateNode(d: Draft): Record<string, string> {
  const e: Record<string, string> = {};
  if (d.mode === 'create') {
    if (!d.code.trim()) e.code = 'required';
    else if (d.code.length > LIMITS.code) e.code = 'too_big';
    else if (!CODE.test(d.code.trim())) e.code = 'code_format';
  }
  if (!LANGS.some((l) => (d.label[l] ?? '').trim())) e.label = 'label_required';
  for (const l of LANGS) if ((d.label[l] ?? '').trim().length > LIMITS.label) e[`label.${l}`] = 'too_big';
  if (d.byPriority !== null && (!Number.isInteger(d.byPriority) || d.byPriority < 1 || d.byPriority > LIMITS.priorityMax)) e.byPriority = 'priority_range';
  for (const k of ['grnti', 'gbt'] as const) {
    if (d[k].length > LIMITS.classCodes || d[k].some((c) => c.trim().length > LIMITS.classCode)) e[k] = 'class_codes';
  }
  return e;
}

function NodeForm({ draft, onClose, onSaved }: { draft: Draft; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const saveNode = useSaveTaxonomyNode();
  const [d, setD] = useState<Draft>(draft);
  const [server, setServer] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const local = validateNode(d);
  const msg = (k: string) => server[k] ?? (local[k] ? t(`directory:taxonomy.errors.${local[k]}`) : undefined);
  const set = (p: Partial<Draft>) => { setD((x) => ({ ...x, ...p })); setServer({}); };
  async function save() {
    setBusy(true); setError(null); setServer({});
    const label = Object.fromEntries(LANGS.filter((l) => (d.label[l] ?? '').trim()).map((l) => [l, d.label[l]!.trim()]));
    const fields = { label, byPriority: d.byPriority, grnti: d.grnti.map((c) => c.trim()), gbt: d.gbt.map((c) => c.trim()), sort: d.sort };
    try {
      await saveNode.mutateAsync(d.mode === 'create'
        ? { create: true, code: d.code.trim(), body: { ...fields, code: d.code.trim(), parentCode: d.parentCode } }
        : { create: false, code: d.code, body: fields });
      onSaved();
    } catch (e) {
      // The only conflict of creating is a code already in use.
      if (e instanceof ApiError && e.code === 'conflict') setServer({ code: t('directory:taxonomy.errors.code_taken') });
      else { setError(e); setServer(fieldErrors(e)); }
    } finally { setBusy(false); }
  }
  return (
    <Stack>
      <ErrorAlert error={error} />
      {d.parentCode && <Text size="sm">{t('directory:taxonomy.parent')}: <code>{d.parentCode}</code></Text>}
      <TextInput label={t('directory:taxonomy.code')} description={t('directory:taxonomy.codeHint')} value={d.code} disabled={d.mode === 'edit'} required
        error={msg('code')} onChange={(e) => set({ code: e.currentTarget.value })} data-testid="taxonomy-code" />
      {LANGS.map((l) => (
        <TextInput key={l} label={`${t('directory:taxonomy.label')} (${t(`common:languages.${l}`)})`} lang={l === 'zh' ? 'zh-CN' : l} value={d.label[l] ?? ''}
          error={msg(`label.${l}`) ?? (l === 'ru' ? msg('label') : undefined)} onChange={(e) => set({ label: { ...d.label, [l]: e.currentTarget.value } })} data-testid={`taxonomy-label-${l}`} />
      ))}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput label={t('directory:taxonomy.byPriority')} description={t('directory:taxonomy.byPriorityHint')} min={1} max={LIMITS.priorityMax} allowDecimal={false}
          value={d.byPriority ?? ''} error={msg('byPriority')} onChange={(v) => set({ byPriority: typeof v === 'number' ? v : null })} />
        <NumberInput label={t('directory:taxonomy.sort')} description={t('directory:taxonomy.sortHint')} allowDecimal={false} value={d.sort} error={msg('sort')}
          onChange={(v) => set({ sort: typeof v === 'number' ? v : 0 })} />
      </SimpleGrid>
      <TagsInput label={t('directory:taxonomy.grnti')} description={t('directory:taxonomy.codesHint')} value={d.grnti} error={msg('grnti')} onChange={(v) => set({ grnti: v })} />
      <TagsInput label={t('directory:taxonomy.gbt')} description={t('directory:taxonomy.codesHint')} value={d.gbt} error={msg('gbt')} onChange={(v) => set({ gbt: v })} />
      <Group>
        <Button onClick={save} loading={busy} disabled={Object.keys(local).length > 0} data-testid="taxonomy-save">{t('common:save')}</Button>
        <Button variant="subtle" onClick={onClose}>{t('common:cancel')}</Button>
      </Group>
    </Stack>
  );
}

function Codes({ n }: { n: TaxonomyNode }) {
  const { t } = useTranslation();
  const parts = [
    n.byPriority !== null ? t('directory:taxonomy.byPriorityShort', { n: n.byPriority }) : null,
    n.grnti.length ? `${t('directory:taxonomy.grnti')}: ${n.grnti.join(', ')}` : null,
    n.gbt.length ? `${t('directory:taxonomy.gbt')}: ${n.gbt.join(', ')}` : null,
  ].filter(Boolean);
  return <Text size="xs" c="dimmed">{parts.join(' · ') || t('directory:taxonomy.noCodes')}</Text>;
}

function NodeRow({ n, onEdit, onToggle, onAddChild, busy }: { n: TaxonomyNode; onEdit: () => void; onToggle: () => void; onAddChild?: () => void; busy?: boolean }) {
  const { t } = useTranslation();
  const all = LANGS.map((l) => n.label[l]).filter(Boolean).join(' / ');
  return (
    <Group justify="space-between" align="flex-start" data-testid={`taxonomy-node-${n.code}`} opacity={n.active ? 1 : 0.6}>
      <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }} className="break-anywhere">
        <Group gap="xs"><MlText fw={onAddChild ? 600 : 400} value={n.label} /><Badge variant="outline" color="gray" tt="none">{n.code}</Badge>
          {!n.active && <Badge color="gray">{t('directory:taxonomy.inactive')}</Badge>}</Group>
        <Text size="xs" c="dimmed">{all}</Text>
        <Codes n={n} />
      </Stack>
      <Group gap={4}>
        {onAddChild && <Button size="compact-xs" variant="light" onClick={onAddChild} disabled={!n.active}>{t('directory:taxonomy.addSubArea')}</Button>}
        <Button size="compact-xs" variant="subtle" onClick={onEdit}>{t('directory:taxonomy.edit')}</Button>
        <Button size="compact-xs" variant="subtle" color={n.active ? 'red' : 'teal'} disabled={busy} onClick={onToggle}>{n.active ? t('directory:taxonomy.deactivate') : t('directory:taxonomy.activate')}</Button>
      </Group>
    </Group>
  );
}

export function TaxonomyPage() {
  const { t } = useTranslation();
  const saveNode = useSaveTaxonomyNode();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Same key as the filters elsewhere, so they see changes at once (organisers get inactive nodes too).
  const q = useQuery({ ...taxonomyQuery, staleTime: 0 });
  const nodes = q.data ?? [];
  const areas = nodes.filter((n) => !n.parentCode);
  const childrenOf = (code: string) => nodes.filter((n) => n.parentCode === code);
  const nextSort = (siblings: TaxonomyNode[]) => (siblings.length ? Math.max(...siblings.map((s) => s.sort)) + 1 : 1);
  const edit = (n: TaxonomyNode) => setDraft({ mode: 'edit', parentCode: n.parentCode, code: n.code, label: n.label, byPriority: n.byPriority, grnti: n.grnti, gbt: n.gbt, sort: n.sort });
  const toggle = async (n: TaxonomyNode) => {
    setError(null);
    try { await saveNode.mutateAsync({ create: false, code: n.code, body: { active: !n.active } }); } catch (e) { setError(e); }
  };
  const blank = (parent: TaxonomyNode | null): Draft => ({
    mode: 'create', parentCode: parent?.code ?? null, code: parent ? `${parent.code}.` : '', label: {}, byPriority: null,
    grnti: [], gbt: [], sort: nextSort(parent ? childrenOf(parent.code) : areas),
  });
  return (
    <RequireAuth roles={['organiser', 'admin']}>
      <Page title={t('directory:taxonomy.title')} description={t('directory:taxonomy.subtitle')}
        actions={<Button onClick={() => setDraft(blank(null))} data-testid="taxonomy-add-area">{t('directory:taxonomy.addArea')}</Button>}>
        <ErrorAlert error={error ?? q.error} />
        {q.isLoading && <Loading />}
        <Stack>{areas.map((a) => (
          <Paper key={a.code} withBorder p="md"><Stack gap="sm">
            <NodeRow n={a} onEdit={() => edit(a)} onToggle={() => void toggle(a)} busy={saveNode.isPending} onAddChild={() => setDraft(blank(a))} />
            {childrenOf(a.code).length > 0 && <Stack gap="xs" pl="lg" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
              {childrenOf(a.code).map((s) => <NodeRow key={s.code} n={s} onEdit={() => edit(s)} onToggle={() => void toggle(s)} busy={saveNode.isPending} />)}
            </Stack>}
            {!a.active && childrenOf(a.code).some((s) => s.active) && <Text size="xs" c="orange">{t('directory:taxonomy.inactiveParent')}</Text>}
          </Stack></Paper>
        ))}</Stack>
        <Modal opened={!!draft} onClose={() => setDraft(null)} size="lg"
          title={draft?.mode === 'edit' ? t('directory:taxonomy.editTitle') : draft?.parentCode ? t('directory:taxonomy.newSubArea') : t('directory:taxonomy.newArea')}>
          {draft && <NodeForm key={`${draft.mode}:${draft.parentCode}:${draft.code}`} draft={draft} onClose={() => setDraft(null)} onSaved={() => setDraft(null)} />}
        </Modal>
      </Page>
    </RequireAuth>
  );
}
