// Venues and their rooms (for on-site tables, or per-room video links pasted by organisers, e.g. Tencent Meeting).
// Names and addresses are multilingual: the language switch picks which language the fields edit; a field empty
// in that language shows the text of another language as its placeholder, so organisers see what to translate.
import { ActionIcon, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS, filledLangs, pickMl, type Lang, type Ml } from '@shared/languages.ts';
import { useLang } from '../../app/display.tsx';
import type { EventInfo } from './api.ts';

type Venue = EventInfo['venues'][number];
const newKey = () => Math.random().toString(36).slice(2, 10);

/** Languages a venue, its address or one of its rooms still lacks (a room or venue with no name at all is not counted). */
function missingLangs(v: Venue): Lang[] {
  const named = [v.name, ...(filledLangs(v.address).length ? [v.address] : []), ...v.rooms.map((r) => r.name)].filter((m) => filledLangs(m).length > 0);
  return LANGS.filter((l) => named.some((m) => !m[l]?.trim()));
}

export function VenuesEditor({ value, onChange }: { value: Venue[]; onChange: (v: Venue[]) => void }) {
  const { t } = useTranslation();
  const uiLang = useLang();
  const [lang, setLang] = useState<Lang>(uiLang);
  const tag = ` (${lang.toUpperCase()})`;
  const other = (m: Ml) => { const p = pickMl(m, lang); return p?.isFallback ? p.text : ''; };
  const setMl = (m: Ml, s: string): Ml => ({ ...m, [lang]: s });
  const update = (i: number, v: Partial<Venue>) => onChange(value.map((x, j) => (j === i ? { ...x, ...v } : x)));
  return (
    <Stack gap="xs" data-testid="venues-editor">
      <Group justify="space-between">
        <Text fw={600} size="sm">{t('events:venues.title')}</Text>
        {value.length > 0 && (
          <Group gap="xs">
            <Text size="xs" c="dimmed">{t('events:venues.language')}</Text>
            <SegmentedControl size="xs" value={lang} onChange={(l) => setLang(l as Lang)} aria-label={t('events:venues.language')}
              data={LANGS.map((l) => ({ value: l, label: t(`common:languages.${l}`) }))} />
          </Group>
        )}
      </Group>
      {value.map((v, i) => {
        const missing = missingLangs(v);
        return (
          <Paper key={v.id} withBorder p="sm">
            <Stack gap="xs">
              <Group grow>
                <TextInput label={t('events:venues.name') + tag} value={v.name[lang] ?? ''} placeholder={other(v.name)}
                  onChange={(e) => update(i, { name: setMl(v.name, e.currentTarget.value) })} />
                <TextInput label={t('events:venues.address') + tag} value={v.address[lang] ?? ''} placeholder={other(v.address)}
                  onChange={(e) => update(i, { address: setMl(v.address, e.currentTarget.value) })} />
              </Group>
              {v.rooms.map((r, k) => (
                <Group key={r.id} grow align="flex-end">
                  <TextInput label={t('events:venues.room') + tag} value={r.name[lang] ?? ''} placeholder={other(r.name)}
                    onChange={(e) => update(i, { rooms: v.rooms.map((x, n) => (n === k ? { ...x, name: setMl(x.name, e.currentTarget.value) } : x)) })} />
                  <TextInput label={t('events:venues.videoUrl')} value={r.videoUrl ?? ''}
                    onChange={(e) => update(i, { rooms: v.rooms.map((x, n) => (n === k ? { ...x, videoUrl: e.currentTarget.value || null } : x)) })} />
                  <ActionIcon variant="subtle" color="red" aria-label={t('events:manage.delete')} onClick={() => update(i, { rooms: v.rooms.filter((_, n) => n !== k) })}>×</ActionIcon>
                </Group>
              ))}
              <Group>
                <Button size="compact-xs" variant="light" onClick={() => update(i, { rooms: [...v.rooms, { id: newKey(), name: {}, videoUrl: null }] })}>{t('events:venues.addRoom')}</Button>
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => onChange(value.filter((_, j) => j !== i))}>{t('events:manage.delete')}</Button>
                {missing.length > 0 && filledLangs(v.name).length > 0 && (
                  <Group gap={4}>
                    <Text size="xs" c="dimmed">{t('events:venues.missing')}</Text>
                    {missing.map((l) => <Badge key={l} size="xs" variant="light" color="orange">{l.toUpperCase()}</Badge>)}
                  </Group>
                )}
              </Group>
            </Stack>
          </Paper>
        );
      })}
      <Group><Button size="compact-sm" variant="light" onClick={() => onChange([...value, { id: newKey(), name: {}, address: {}, rooms: [] }])}>{t('events:venues.add')}</Button></Group>
    </Stack>
  );
}
