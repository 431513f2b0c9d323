// The review form from the call's criteria (weights, scales with anchors): scores, comments to applicants,
// confidential comments to the officer, recommendation, confidence. The draft autosaves 1.5 s after the last
// change with the version it was based on; a save from another tab is refused and said so.
import { Alert, Badge, Button, Card, Group, NumberInput, SegmentedControl, Select, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { DateTime, MlText, useMl } from '../../app/display.tsx';
import { reviewKeys, saveDraft, submitReview, type Assigned, type Review } from './api.ts';

type Draft = Omit<Review, 'version' | 'status' | 'updatedAt'>;

export function ReviewForm({ assigned }: { assigned: Assigned }) {
  const { t } = useTranslation();
  const ml = useMl();
  const qc = useQueryClient();
  const r = assigned.review;
  const [draft, setDraft] = useState<Draft>({ scores: r.scores, commentToApplicants: r.commentToApplicants, commentToOfficer: r.commentToOfficer, recommendation: r.recommendation, confidence: r.confidence });
  const version = useRef(r.version);
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' | 'error'; at?: string; message?: string }>({ kind: 'idle' });
  const dirty = useRef(false);
  const submitted = r.status === 'submitted';

  const save = async () => {
    if (!dirty.current) return;
    dirty.current = false;
    setState({ kind: 'saving' });
    try {
      const res = await saveDraft(assigned.id, { ...draft, baseVersion: version.current });
      version.current = res.version;
      setState({ kind: 'saved', at: res.savedAt });
    } catch (e) {
      setState({ kind: 'error', message: e instanceof ApiError ? e.message : String(e) });
    }
  };
  useEffect(() => {
    if (!dirty.current || submitted) return;
    const h = setTimeout(() => { void save(); }, 1500);
    return () => clearTimeout(h);
  }, [draft]); // eslint-disable-line react-hooks/exhaustive-deps
  const change = (patch: Partial<Draft>) => { dirty.current = true; setDraft((d) => ({ ...d, ...patch })); };

  const submit = async () => {
    await save();
    try {
      await submitReview(assigned.id, version.current);
      await qc.invalidateQueries({ queryKey: reviewKeys.assigned(assigned.id) });
      await qc.invalidateQueries({ queryKey: reviewKeys.mine });
    } catch (e) { setState({ kind: 'error', message: e instanceof ApiError ? e.message : String(e) }); }
  };

  return (
    <Stack data-testid="review-form">
      <Card withBorder>
        <MlText value={assigned.half.title} fw={600} />
        <Text size="sm" mt={6}><MlText value={assigned.half.abstract} size="sm" /></Text>
        {assigned.deadline && <Group gap={6} mt={6}><Text size="sm">{t('review:deadline')}: <DateTime value={assigned.deadline} /></Text>{assigned.late && <Badge color="red">{t('review:late')}</Badge>}</Group>}
      </Card>
      {assigned.criteria.map((c) => (
        <Card withBorder key={c.code}>
          <Group justify="space-between" wrap="wrap"><MlText value={c.title} fw={500} /><Text size="sm" c="dimmed">{t('review:form.weight', { weight: c.weight })}</Text></Group>
          <NumberInput mt={6} label={t('review:form.score', { min: c.scaleMin, max: c.scaleMax })} min={c.scaleMin} max={c.scaleMax} step={c.step} decimalScale={2} disabled={submitted}
            value={draft.scores[c.code] ?? ''} onChange={(v) => change({ scores: { ...draft.scores, [c.code]: typeof v === 'number' ? v : Number(v) } })} data-testid={`score-${c.code}`} />
          {(c.anchors ?? []).length > 0 && <Stack gap={2} mt={6}>{c.anchors!.map((a) => <Text size="xs" c="dimmed" key={a.level}>{a.level} — {ml(a.text)}</Text>)}</Stack>}
        </Card>
      ))}
      <Textarea label={t('review:form.toApplicants')} description={t('review:form.toApplicantsHint')} autosize minRows={3} disabled={submitted}
        value={draft.commentToApplicants} onChange={(e) => change({ commentToApplicants: e.currentTarget.value })} data-testid="comment-applicants" />
      <Textarea label={t('review:form.toOfficer')} description={t('review:form.toOfficerHint')} autosize minRows={2} disabled={submitted}
        value={draft.commentToOfficer} onChange={(e) => change({ commentToOfficer: e.currentTarget.value })} />
      <Select label={t('review:form.recommendation')} disabled={submitted} value={draft.recommendation} onChange={(v) => change({ recommendation: v as Draft['recommendation'] })}
        data={(['fund', 'fund_with_changes', 'reject'] as const).map((v) => ({ value: v, label: t(`review:recommendation.${v}`) }))} data-testid="recommendation" />
      <div>
        <Text size="sm" fw={500}>{t('review:form.confidence')}</Text>
        <SegmentedControl disabled={submitted} value={draft.confidence ? String(draft.confidence) : ''} onChange={(v) => change({ confidence: Number(v) })}
          data={['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: v }))} data-testid="confidence" />
      </div>
      <Group justify="space-between" wrap="wrap">
        <Text size="sm" c={state.kind === 'error' ? 'red' : 'dimmed'} data-testid="autosave-state" aria-live="polite">
          {state.kind === 'saving' ? t('review:form.saving') : state.kind === 'saved' ? t('review:form.saved', { version: version.current }) : state.kind === 'error' ? state.message : submitted ? t('review:status.submitted') : ''}
        </Text>
        {!submitted && <Button onClick={() => void submit()} data-testid="submit-review">{t('review:form.submit')}</Button>}
      </Group>
      {submitted && <Alert color="green">{t('review:form.submittedNote')}</Alert>}
    </Stack>
  );
}
