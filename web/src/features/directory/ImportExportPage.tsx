// Import and export of the directory (JSON, CSV, XLSX) for organisers: check first, then apply.
import { Button, FileInput, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useImport, type ImportReport as Report } from './api.ts';
import { Page, ErrorAlert, RequireAuth } from '../../app/ui.tsx';

export function ImportExportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  const importing = useImport();
  const busy = importing.isPending;
  const run = (dryRun: boolean) => {
    if (!file) return;
    setError(null);
    importing.mutate({ file, dryRun }, { onSuccess: setReport, onError: setError });
  };
  return (
    <RequireAuth roles={['organiser', 'admin']}>
      <Page title={t('directory:exchange.title')} description={t('directory:exchange.subtitle')}>
        <Group>
          <Button component="a" href="/api/directory/export?format=json" variant="light">{t('directory:exchange.exportJson')}</Button>
          <Button component="a" href="/api/directory/export?format=xlsx" variant="light">{t('directory:exchange.exportXlsx')}</Button>
          <Button component="a" href="/api/directory/export?format=csv" variant="light">{t('directory:exchange.exportCsv')}</Button>
          <Button component="a" href="/api/directory/import-template" variant="subtle">{t('directory:exchange.template')}</Button>
        </Group>
        <Paper withBorder p="md"><Stack>
          <FileInput label={t('directory:exchange.file')} accept=".json,.csv,.xlsx" value={file} onChange={(f) => { setFile(f); setReport(null); }} />
          <Group><Button loading={busy} disabled={!file} onClick={() => run(true)}>{t('directory:exchange.check')}</Button>
            <Button loading={busy} color="teal" disabled={!file || !report?.ok || !report.dryRun} onClick={() => run(false)}>{t('directory:exchange.apply')}</Button></Group>
          <ErrorAlert error={error} />
          {report && <Stack gap="xs">
            <Text fw={500} c={report.ok ? 'teal' : 'red'}>{report.ok ? (report.dryRun ? t('directory:exchange.clean') : t('directory:exchange.done')) : t('directory:exchange.problems', { count: report.problems.length })}</Text>
            <Text size="sm">{t('directory:exchange.counts', { orgs: report.organisations.total, orgsNew: report.organisations.create, profiles: report.profiles.total, profilesNew: report.profiles.create })}</Text>
            {report.problems.length > 0 && <Table><Table.Thead><Table.Tr><Table.Th>{t('directory:exchange.sheet')}</Table.Th><Table.Th>{t('directory:exchange.row')}</Table.Th><Table.Th>{t('directory:exchange.column')}</Table.Th><Table.Th>{t('directory:exchange.problem')}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>{report.problems.slice(0, 500).map((p, i) => <Table.Tr key={i}><Table.Td>{p.sheet}</Table.Td><Table.Td>{p.row}</Table.Td><Table.Td>{p.column}</Table.Td><Table.Td>{p.message}</Table.Td></Table.Tr>)}</Table.Tbody></Table>}
          </Stack>}
        </Stack></Paper>
      </Page>
    </RequireAuth>
  );
}
