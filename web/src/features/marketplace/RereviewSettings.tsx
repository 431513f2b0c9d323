// Organisers choose which profile fields send a published profile back for re-review when its owner
// edits them (GET/PUT /api/moderation/rereview-fields). Field names are the API's, shown translated.
import { Accordion, Button, Checkbox, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui.tsx';
import { PROFILE_FIELDS } from '@shared/enums.ts';
import { rereviewFieldsQuery, useSaveRereviewFields } from './api.ts';

export function RereviewSettings() {
  const { t } = useTranslation();
  const q = useQuery(rereviewFieldsQuery);
  const saving = useSaveRereviewFields();
  const [fields, setFields] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const busy = saving.isPending;
  useEffect(() => { if (q.data) setFields(q.data.fields); }, [q.data]);
  const dirty = !!q.data && [...fields].sort().join() !== [...q.data.fields].sort().join();
  async function save() {
    setError(null); setSaved(false);
    // Keep the order of PROFILE_FIELDS so the stored list reads like the form.
    try { await saving.mutateAsync(PROFILE_FIELDS.filter((f) => fields.includes(f))); setSaved(true); } catch (e) { setError(e); }
  }
  return (
    <Accordion variant="contained">
      <Accordion.Item value="rereview">
        <Accordion.Control data-testid="rereview-toggle">{t('market:rereview.title', { count: q.data?.fields.length ?? 0 })}</Accordion.Control>
        <Accordion.Panel>
          <Stack gap="sm" data-testid="rereview-settings">
            <Text size="sm" c="dimmed">{t('market:rereview.description')}</Text>
            <ErrorAlert error={error ?? q.error} />
            <Checkbox.Group value={fields} onChange={(v) => { setFields(v); setSaved(false); }} aria-label={t('market:rereview.fields')}>
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs">
                {PROFILE_FIELDS.map((f) => <Checkbox key={f} value={f} label={t(`market:field.${f}`)} />)}
              </SimpleGrid>
            </Checkbox.Group>
            {fields.length === 0 && <Text size="sm" c="orange">{t('market:rereview.noneChosen')}</Text>}
            <Group>
              <Button size="xs" onClick={save} loading={busy} disabled={!dirty} data-testid="rereview-save">{t('common:save')}</Button>
              {saved && !dirty && <Text size="sm" c="teal" role="status">{t('common:saved')}</Text>}
            </Group>
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
