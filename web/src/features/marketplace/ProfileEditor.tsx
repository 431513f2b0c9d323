// Profile editor: a tab per language for the texts, common fields below, live validation of
// the EEN limits (counters turn red, at least one language for title and summary, 1–3 partnership types).
import { Button, Group, MultiSelect, NumberInput, Paper, Select, Stack, Switch, Tabs, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { fieldErrors, get } from '../../app/api.ts';
import { Page, ErrorAlert, Loading, RequireAuth } from '../../app/ui.tsx';
import { useLang } from '../../app/display.tsx';
import { countryOptions } from '@shared/countries.ts';
import { LANGS, mlText, type Lang, type Ml } from '@shared/languages.ts';
import { DEVELOPMENT_STAGES as STAGES, IPR_STATUSES as IPR, ORG_TYPES, PARTNERSHIP_TYPES, PROFILE_LIMITS as L, PROFILE_TYPES } from '@shared/enums.ts';
import { myOrganisationsQuery, taxonomyQuery } from '../directory/api.ts';
import { profileQuery, useSaveProfile } from './api.ts';
import { AttachmentsEditor } from './Attachments.tsx';

const ML_FIELDS = [
  ['title', L.title], ['summary', L.summary], ['description', L.description], ['partnerRole', L.partnerRole],
  ['advantages', L.advantages], ['technicalSpecification', L.technicalSpecification], ['iprNotes', L.iprNotes],
] as const;
type MlKey = (typeof ML_FIELDS)[number][0];
type Form = Record<MlKey, Ml> & {
  organisationId: string; type: string; partnershipTypes: string[]; technologyKeywords: string[]; marketKeywords: string[]; areas: string[]; subAreas: string[];
  partnerTypesSought: string[]; targetCountries: string[]; developmentStage: string | null; trl: number | null; iprStatus: string | null; anonymous: boolean; programme: string | null; callId: string | null;
};
const EMPTY: Form = { organisationId: '', type: 'TO', title: {}, summary: {}, description: {}, partnerRole: {}, advantages: {}, technicalSpecification: {}, iprNotes: {},
  partnershipTypes: [], technologyKeywords: [], marketKeywords: [], areas: [], subAreas: [], partnerTypesSought: [], targetCountries: [], developmentStage: null, trl: null, iprStatus: null, anonymous: false, programme: null, callId: null };

const filled = (m: Ml) => LANGS.some((l) => (m[l] ?? '').trim());

/** Problems found while typing, keyed by field path like the server's. */
export function validate(f: Form): Record<string, string> {
  const e: Record<string, string> = {};
  for (const [k, max] of ML_FIELDS) for (const l of LANGS) if ((f[k][l] ?? '').length > max) e[`${k}.${l}`] = 'too_big';
  if (!filled(f.title)) e.title = 'ml_required';
  if (!filled(f.summary)) e.summary = 'ml_required';
  if (f.partnershipTypes.length < 1 || f.partnershipTypes.length > 3) e.partnershipTypes = 'partnership_count';
  if (f.technologyKeywords.length > L.keywordsMax) e.technologyKeywords = 'too_many';
  if (f.marketKeywords.length > L.keywordsMax) e.marketKeywords = 'too_many';
  if (!f.organisationId) e.organisationId = 'required';
  return e;
}

export function ProfileEditor() {
  const { id } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const saving = useSaveProfile(id);
  const [form, setForm] = useState<Form>(EMPTY);
  const [tab, setTab] = useState<Lang>(lang);
  const [server, setServer] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const busy = saving.isPending;
  const orgs = useQuery(myOrganisationsQuery);
  const areas = useQuery({ ...taxonomyQuery, staleTime: 0 });
  const existing = useQuery({ ...profileQuery(id ?? ''), enabled: !!id });
  // An RDR refers to a call of the calls module; the call page then lists it as an open partner search.
  const calls = useQuery({ queryKey: ['calls', 'all'], queryFn: () => get<{ id: string; title: Ml; phase: string }[]>('/api/calls') });
  useEffect(() => { if (existing.data) setForm({ ...EMPTY, ...Object.fromEntries(Object.entries(existing.data).filter(([k]) => k in EMPTY)) } as Form); }, [existing.data]);
  useEffect(() => { if (!id && !form.organisationId && orgs.data?.[0]) setForm((f) => ({ ...f, organisationId: orgs.data![0].id })); }, [orgs.data, id, form.organisationId]);
  // Required-field errors appear once the user has changed that field (or tried to save), not on an empty new form.
  const initial = useRef<Form | null>(null);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  useEffect(() => {
    if (!initial.current) { initial.current = form; return; }
    const changed = (Object.keys(form) as (keyof Form)[]).filter((k) => !touched.has(k) && JSON.stringify(form[k]) !== JSON.stringify(initial.current![k]));
    if (changed.length) setTouched((x) => new Set([...x, ...changed]));
  }, [form]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => { if (existing.data || (!id && orgs.data)) initial.current = null; }, [existing.data, orgs.data, id]);
  const parentOf = (code: string) => areas.data?.find((x) => x.code === code)?.parentCode ?? null;
  if (id && existing.isLoading) return <Loading />;
  const errs = validate(form);
  const shownErr = (path: string) => errs[path] && (touched.has(path.split('.')[0]) || errs[path] === 'too_big' || errs[path] === 'too_many');
  const msg = (path: string) => server[path] ?? (shownErr(path) ? t(`market:editor.errors.${errs[path]}`) : undefined);
  const setMl = (k: MlKey, l: Lang, v: string) => setForm((f) => ({ ...f, [k]: { ...f[k], [l]: v } }));
  const shown = ML_FIELDS.filter(([k]) => (k !== 'advantages' || form.type === 'TO') && (k !== 'technicalSpecification' || form.type === 'TR'));

  function save() {
    // Trying to save shows every remaining problem at once.
    if (Object.keys(errs).length) { setTouched(new Set(Object.keys(form))); return; }
    setError(null); setServer({});
    const { organisationId, ...fields } = form;
    const body = { ...fields, programme: form.type === 'RDR' ? form.programme : null, callId: form.type === 'RDR' ? form.callId : null };
    saving.mutate(id ? body : { ...body, organisationId }, {
      onSuccess: (r) => navigate(`/marketplace/profiles/${r.id}`),
      onError: (e) => { setError(e); setServer(fieldErrors(e)); },
    });
  }

  return (
    <RequireAuth>
      <Page title={id ? t('market:editor.editTitle') : t('market:editor.newTitle')}>
        <ErrorAlert error={error} />
        <Group grow align="flex-start">
          <Select label={t('market:field.organisation')} disabled={!!id} value={form.organisationId} error={msg('organisationId')} allowDeselect={false}
            data={(orgs.data ?? []).map((o) => ({ value: o.id, label: mlText(o.name, lang) }))} onChange={(v) => setForm((f) => ({ ...f, organisationId: v ?? '' }))} />
          <Select label={t('market:field.type')} value={form.type} allowDeselect={false} data={PROFILE_TYPES.map((x) => ({ value: x, label: `${x} — ${t(`market:type.${x}`)}` }))}
            onChange={(v) => setForm((f) => ({ ...f, type: v ?? 'TO' }))} data-testid="profile-type" />
        </Group>
        <Paper withBorder p="md">
          <Tabs value={tab} onChange={(v) => setTab((v as Lang) ?? lang)}>
            <Tabs.List>
              {LANGS.map((l) => <Tabs.Tab key={l} value={l} rightSection={filled({ [l]: form.title[l] ?? '' }) ? '●' : undefined}>{t(`common:languages.${l}`)}</Tabs.Tab>)}
            </Tabs.List>
            {LANGS.map((l) => (
              <Tabs.Panel key={l} value={l} pt="md">
                <Stack>
                  {shown.map(([k, max]) => {
                    const v = form[k][l] ?? '';
                    const props = {
                      label: t(`market:field.${k}`), value: v, onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setMl(k, l, e.currentTarget.value),
                      description: <Text span size="xs" c={v.length > max ? 'red' : 'dimmed'}>{v.length} / {max}</Text>,
                      error: msg(`${k}.${l}`) ?? (k === 'title' || k === 'summary' ? msg(k) : undefined), 'data-testid': `field-${k}-${l}`, lang: l === 'zh' ? 'zh-CN' : l,
                    };
                    return k === 'title' ? <TextInput key={k} {...props} /> : <Textarea key={k} autosize minRows={k === 'summary' ? 2 : 3} {...props} />;
                  })}
                </Stack>
              </Tabs.Panel>
            ))}
          </Tabs>
        </Paper>
        <Paper withBorder p="md">
          <Stack>
            <MultiSelect label={t('market:field.partnershipTypes')} description={t('market:editor.partnershipHint')} maxValues={3} value={form.partnershipTypes} error={msg('partnershipTypes')}
              data={PARTNERSHIP_TYPES.map((x) => ({ value: x, label: t(`market:partnership.${x}`) }))} onChange={(v) => setForm((f) => ({ ...f, partnershipTypes: v }))} data-testid="field-partnershipTypes" />
            <Group grow align="flex-start">
              <Select label={t('market:field.developmentStage')} clearable value={form.developmentStage} data={STAGES.map((x) => ({ value: x, label: t(`market:stage.${x}`) }))} onChange={(v) => setForm((f) => ({ ...f, developmentStage: v }))} />
              <NumberInput label="TRL" min={1} max={9} value={form.trl ?? ''} onChange={(v) => setForm((f) => ({ ...f, trl: typeof v === 'number' ? v : null }))} />
              <Select label={t('market:field.iprStatus')} clearable value={form.iprStatus} data={IPR.map((x) => ({ value: x, label: t(`market:ipr.${x}`) }))} onChange={(v) => setForm((f) => ({ ...f, iprStatus: v }))} />
            </Group>
            <TagsInput label={t('market:field.technologyKeywords')} maxTags={L.keywordsMax} value={form.technologyKeywords} error={msg('technologyKeywords')} onChange={(v) => setForm((f) => ({ ...f, technologyKeywords: v }))} />
            <TagsInput label={t('market:field.marketKeywords')} maxTags={L.keywordsMax} value={form.marketKeywords} error={msg('marketKeywords')} onChange={(v) => setForm((f) => ({ ...f, marketKeywords: v }))} />
            <MultiSelect label={t('market:field.areas')} maxValues={8} value={form.areas} data={(areas.data ?? []).filter((a) => !a.parentCode && (a.active || form.areas.includes(a.code))).map((a) => ({ value: a.code, label: mlText(a.label, lang) }))} onChange={(v) => setForm((f) => ({ ...f, areas: v, subAreas: f.subAreas.filter((s) => v.some((a) => s.startsWith(`${a}.`) || parentOf(s) === a)) }))} />
            {form.areas.length > 0 && <MultiSelect label={t('market:field.subAreas')} maxValues={16} value={form.subAreas} searchable
              data={form.areas.map((a) => ({ group: mlText(areas.data?.find((x) => x.code === a)?.label ?? {}, lang) || a,
                items: (areas.data ?? []).filter((x) => x.parentCode === a && (x.active || form.subAreas.includes(x.code))).map((x) => ({ value: x.code, label: mlText(x.label, lang) })) }))
                .filter((g) => g.items.length > 0)}
              onChange={(v) => setForm((f) => ({ ...f, subAreas: v }))} data-testid="field-subAreas" />}
            <MultiSelect label={t('market:field.partnerTypesSought')} value={form.partnerTypesSought} data={ORG_TYPES.map((x) => ({ value: x, label: t(`market:orgType.${x}`) }))} onChange={(v) => setForm((f) => ({ ...f, partnerTypesSought: v }))} />
            <MultiSelect label={t('market:field.targetCountries')} searchable data={[...countryOptions(lang), ...form.targetCountries.filter((c) => !countryOptions(lang).some((o) => o.value === c)).map((c) => ({ value: c, label: c }))]} value={form.targetCountries} onChange={(v) => setForm((f) => ({ ...f, targetCountries: v }))} />
            {form.type === 'RDR' && <Select clearable label={t('calls:profileCall')} value={form.callId} data={(calls.data ?? []).filter((c) => c.phase !== 'closed' || c.id === form.callId).map((c) => ({ value: c.id, label: mlText(c.title, lang) }))}
              onChange={(v) => setForm((f) => ({ ...f, callId: v }))} data-testid="field-callId" />}
            {form.type === 'RDR' && <TextInput label={t('market:field.programme')} value={form.programme ?? ''} onChange={(e) => setForm((f) => ({ ...f, programme: e.currentTarget.value || null }))} />}
            <Switch label={t('market:field.anonymous')} description={t('market:editor.anonymousHint')} checked={form.anonymous} onChange={(e) => setForm((f) => ({ ...f, anonymous: e.currentTarget.checked }))} />
          </Stack>
        </Paper>
        {id ? <AttachmentsEditor profileId={id} /> : <Text size="sm" c="dimmed">{t('market:attachments.afterSave')}</Text>}
        <Group><Button onClick={save} loading={busy} data-testid="save-profile">{t('common:save')}</Button>
          <Button variant="subtle" onClick={() => navigate(-1)}>{t('common:cancel')}</Button></Group>
      </Page>
    </RequireAuth>
  );
}
