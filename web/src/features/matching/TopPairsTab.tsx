// Organisers: the strongest cross-border pairs not yet in contact, with "introduce".
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MlText, useLang } from '../../app/display.tsx';
import { ErrorAlert, Loading } from '../../app/ui.tsx';
import { PromptModal } from '../../app/PromptModal.tsx';
import { countryName, topPairsQuery, useIntroduce, type Pair, type Recommendation } from './api.ts';

const PAGE = 20;

export function TopPairsTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const [offset, setOffset] = useState(0);
  const q = useQuery(topPairsQuery(PAGE, offset, lang));
  if (q.isLoading) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const d = q.data!;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={600}>{t('matching:ui.pairs.title')}</Text>
        <Text c="dimmed" size="sm">{t('matching:ui.pairs.total', { count: d.total })}</Text>
      </Group>
      {!d.items.length && <Text c="dimmed">{t('matching:ui.pairs.empty')}</Text>}
      {d.items.map((p) => <PairCard key={`${p.a.profileId}|${p.b.profileId}`} p={p} lang={lang} />)}
      <Group>
        <Button variant="default" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('matching:ui.pairs.prev')}</Button>
        <Button variant="default" disabled={offset + PAGE >= d.total} onClick={() => setOffset(offset + PAGE)}>{t('matching:ui.pairs.next')}</Button>
      </Group>
    </Stack>
  );
}

function Side({ r, lang }: { r: Recommendation; lang: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} style={{ flex: 1 }}>
      <Text fw={600} component={Link} to={`/marketplace/profiles/${r.profileId}`}><MlText value={r.title} /></Text>
      <Text size="sm" c="dimmed">{r.type} · {countryName(r.country, lang)}{r.organisation ? ' · ' : ''}{r.organisation && <MlText value={r.organisation.name} />}{r.anonymous ? ` · ${t('matching:ui.anonymous')}` : ''}</Text>
    </Stack>
  );
}

function PairCard({ p, lang }: { p: Pair; lang: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const m = useIntroduce({ profileAId: p.a.profileId, profileBId: p.b.profileId }, () => { setOpen(false); notifications.show({ message: t('matching:ui.pairs.intro_sent') }); });
  return (
    <Card withBorder data-testid="top-pair">
      <Group align="flex-start" wrap="nowrap">
        <Side r={p.a} lang={lang} />
        <Badge color="teal" variant="light">{t('matching:ui.score', { score: p.score })}</Badge>
        <Side r={p.b} lang={lang} />
      </Group>
      {p.reasons.length > 0 && <Text size="sm" mt="xs">{p.reasons.map((r) => r.text).join(' · ')}</Text>}
      <Group mt="xs"><Button size="xs" onClick={() => setOpen(true)}>{t('matching:ui.pairs.introduce')}</Button></Group>
      <PromptModal opened={open} onClose={() => setOpen(false)} title={t('matching:ui.pairs.introduce')} label={t('matching:ui.pairs.intro_message')} minRows={3} errorBelow
        cancelLabel={t('matching:ui.actions.cancel')} submitLabel={t('matching:ui.actions.send')} onSubmit={(message) => m.mutateAsync(message)} />
    </Card>
  );
}
