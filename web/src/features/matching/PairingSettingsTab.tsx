// Organisers: which countries are paired (Belarus↔China by default) and whether same-country partners are recommended.
import { Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../../app/ui.tsx';
import { settingsQuery, useSaveSettings, type PairingSettings } from './api.ts';

export function PairingSettingsTab() {
  const { t } = useTranslation();
  const q = useQuery(settingsQuery);
  const [draft, setDraft] = useState<PairingSettings | null>(null);
  useEffect(() => { if (q.data) setDraft(q.data); }, [q.data]);
  const m = useSaveSettings(() => notifications.show({ message: t('matching:ui.settings.saved') }));
  if (q.isLoading || !draft) return <Loading />;
  if (q.error) return <ErrorAlert error={q.error} />;
  const setPair = (i: number, j: 0 | 1, v: string) => setDraft({ ...draft, crossBorder: draft.crossBorder.map((p, k) => (k === i ? (j === 0 ? [v, p[1]] : [p[0], v]) : p)) as [string, string][] });
  return (
    <Stack maw={520}>
      <Text fw={600}>{t('matching:ui.settings.title')}</Text>
      <Text size="sm">{t('matching:ui.settings.cross_border')}</Text>
      {draft.crossBorder.map((p, i) => (
        <Group key={i} align="flex-end">
          <TextInput label={t('matching:ui.settings.country_a')} value={p[0]} maxLength={2} w={90} onChange={(e) => setPair(i, 0, e.currentTarget.value.toUpperCase())} />
          <Text pb={6}>↔</Text>
          <TextInput label={t('matching:ui.settings.country_b')} value={p[1]} maxLength={2} w={90} onChange={(e) => setPair(i, 1, e.currentTarget.value.toUpperCase())} />
          <Button variant="subtle" color="red" onClick={() => setDraft({ ...draft, crossBorder: draft.crossBorder.filter((_, k) => k !== i) })}>{t('matching:ui.settings.remove')}</Button>
        </Group>
      ))}
      <div><Button variant="light" onClick={() => setDraft({ ...draft, crossBorder: [...draft.crossBorder, ['BY', 'CN']] })}>{t('matching:ui.settings.add')}</Button></div>
      <Checkbox label={t('matching:ui.settings.same_country')} checked={draft.sameCountry} onChange={(e) => setDraft({ ...draft, sameCountry: e.currentTarget.checked })} />
      {m.error && <ErrorAlert error={m.error} />}
      <div><Button loading={m.isPending} onClick={() => m.mutate(draft)}>{t('matching:ui.settings.save')}</Button></div>
    </Stack>
  );
}
