// After a meeting each side records whether it took place and what came of it.
import { Button, Checkbox, Group, SegmentedControl, Stack, Textarea, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui.tsx';
import { type Meeting, OUTCOME_KINDS, useSaveOutcome } from './api.ts';

export function OutcomeForm({ meeting, onSaved }: { meeting: Meeting; onSaved: () => void }) {
  const { t } = useTranslation();
  const save = useSaveOutcome(meeting.id);
  const [attendance, setAttendance] = useState(meeting.myOutcome?.attendance ?? 'took_place');
  const [outcomes, setOutcomes] = useState<string[]>(meeting.myOutcome?.outcomes ?? []);
  const [note, setNote] = useState(meeting.myOutcome?.note ?? '');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  return (
    <Stack gap="xs" className="no-print">
      <Text size="sm" fw={600}>{t('events:outcomeForm.title')}</Text>
      <ErrorAlert error={error} />
      <SegmentedControl value={attendance} onChange={setAttendance} data={[{ value: 'took_place', label: t('events:attendance.took_place') }, { value: 'no_show', label: t('events:attendance.no_show') }]} />
      {attendance === 'took_place' && (
        <Checkbox.Group value={outcomes} onChange={setOutcomes} label={t('events:outcomeForm.outcomes')}>
          <Group gap="sm" mt={4}>{OUTCOME_KINDS.map((k) => <Checkbox key={k} value={k} label={t(`events:outcome.${k}`)} />)}</Group>
        </Checkbox.Group>
      )}
      <Textarea label={t('events:outcomeForm.note')} autosize minRows={2} maxLength={4000} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      <Group>
        <Button size="xs" loading={save.isPending} onClick={async () => {
          setError(null); setSaved(false);
          try { await save.mutateAsync({ attendance, outcomes: attendance === 'took_place' ? outcomes : [], note }); setSaved(true); onSaved(); } catch (e) { setError(e); }
        }}>{t('common:save')}</Button>
        {saved && <Text size="sm" c="teal">{t('common:saved')}</Text>}
      </Group>
    </Stack>
  );
}
