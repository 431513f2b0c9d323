// Venues and their rooms (for on-site tables, or per-room video links pasted by organisers, e.g. Tencent Meeting).
// Names are typed in the organiser's interface language; other languages fall back with a marker.
import { ActionIcon, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ml } from '@shared/languages.ts';
import { useLang } from '../../app/display.tsx';
import type { EventInfo } from './types.ts';

type Venue = EventInfo['venues'][number];
const newKey = () => Math.random().toString(36).slice(2, 10);

export function VenuesEditor({ value, onChange }: { value: Venue[]; onChange: (v: Venue[]) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const text = (m: Ml) => m[lang] ?? m.en ?? m.ru ?? m.zh ?? '';
  const setMl = (m: Ml, s: string): Ml => ({ ...m, [lang]: s });
  const update = (i: number, v: Partial<Venue>) => onChange(value.map((x, j) => (j === i ? { ...x, ...v } : x)));
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">{t('events:venues.title')}</Text>
      {value.map((v, i) => (
        <Paper key={v.id} withBorder p="sm">
          <Stack gap="xs">
            <Group grow>
              <TextInput label={t('events:venues.name')} value={text(v.name)} onChange={(e) => update(i, { name: setMl(v.name, e.currentTarget.value) })} />
              <TextInput label={t('events:venues.address')} value={text(v.address)} onChange={(e) => update(i, { address: setMl(v.address, e.currentTarget.value) })} />
            </Group>
            {v.rooms.map((r, k) => (
              <Group key={r.id} grow align="flex-end">
                <TextInput label={t('events:venues.room')} value={text(r.name)}
                  onChange={(e) => update(i, { rooms: v.rooms.map((x, n) => (n === k ? { ...x, name: setMl(x.name, e.currentTarget.value) } : x)) })} />
                <TextInput label={t('events:venues.videoUrl')} value={r.videoUrl ?? ''}
                  onChange={(e) => update(i, { rooms: v.rooms.map((x, n) => (n === k ? { ...x, videoUrl: e.currentTarget.value || null } : x)) })} />
                <ActionIcon variant="subtle" color="red" aria-label={t('events:manage.delete')} onClick={() => update(i, { rooms: v.rooms.filter((_, n) => n !== k) })}>×</ActionIcon>
              </Group>
            ))}
            <Group>
              <Button size="compact-xs" variant="light" onClick={() => update(i, { rooms: [...v.rooms, { id: newKey(), name: {}, videoUrl: null }] })}>{t('events:venues.addRoom')}</Button>
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => onChange(value.filter((_, j) => j !== i))}>{t('events:manage.delete')}</Button>
            </Group>
          </Stack>
        </Paper>
      ))}
      <Group><Button size="compact-sm" variant="light" onClick={() => onChange([...value, { id: newKey(), name: {}, address: {}, rooms: [] }])}>{t('events:venues.add')}</Button></Group>
    </Stack>
  );
}
