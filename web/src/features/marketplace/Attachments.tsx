// Profile attachments: the owner's upload/list/delete panel in the editor and the download list on
// the profile page. Limits come from src/shared/uploads.ts, the same numbers the server enforces.
import { Anchor, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api.ts';
import { ErrorAlert } from '../../app/ui.tsx';
import { useLang } from '../../app/display.tsx';
import { MAX_ATTACHMENTS, UPLOAD_RULES } from '@shared/uploads.ts';
import type { Lang } from '@shared/languages.ts';

import { attachmentsQuery, useAttachmentChange, type Attachment } from './api.ts';

const RULE = UPLOAD_RULES.attachment;

/** "1.2 MB", "1,2 МБ", "340 kB" in the viewer's language. */
export function formatSize(bytes: number, lang: Lang): string {
  const mb = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(lang, { style: 'unit', unit: mb ? 'megabyte' : 'kilobyte', unitDisplay: 'short', maximumFractionDigits: mb ? 1 : 0 })
    .format(mb ? bytes / (1024 * 1024) : Math.max(1, Math.round(bytes / 1024)));
}

/** Short format name of an allowed type: PDF, PNG, JPEG, WebP. */
const formatName = (mime: string) => (mime === 'application/pdf' ? 'PDF' : mime === 'image/webp' ? 'WebP' : mime.split('/')[1].toUpperCase());

function useTypeLabel() {
  const { t } = useTranslation();
  return (mime: string) => (mime === 'application/pdf' ? t('market:attachments.pdf') : t('market:attachments.image', { format: formatName(mime) }));
}

/** Download links on the profile page. */
export function AttachmentList({ items }: { items: Attachment[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const typeLabel = useTypeLabel();
  if (!items.length) return null;
  return (
    <Stack gap={4} data-testid="attachments">
      <Title order={2} size="h4">{t('market:attachments.title')}</Title>
      {items.map((a) => (
        <Text key={a.id} size="sm"><Anchor href={a.url} download={a.name}>{a.name}</Anchor> <Text span c="dimmed" size="xs">· {typeLabel(a.mime)} · {formatSize(a.size, lang)}</Text></Text>
      ))}
    </Stack>
  );
}

/** The editor's panel. Upload errors name the limit or the allowed types in the viewer's language. */
export function AttachmentsEditor({ profileId }: { profileId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const change = useAttachmentChange(profileId);
  const typeLabel = useTypeLabel();
  const [error, setError] = useState<string | null>(null);
  const busy = change.isPending;
  const q = useQuery(attachmentsQuery(profileId));
  const items = q.data ?? [];
  const max = formatSize(RULE.maxBytes, lang);
  const types = RULE.mimes.map(formatName).join(', ');
  const explain = (e: unknown) => {
    if (!(e instanceof ApiError)) return t('errors:internal');
    if (e.code === 'payload_too_large') return t('market:attachments.tooLarge', { max });
    if (e.code === 'unsupported_media_type') return t('market:attachments.wrongType', { types });
    if (e.code === 'conflict') return t('market:attachments.tooMany', { count: MAX_ATTACHMENTS });
    return e.message; // already in the viewer's language (e.g. a file name with folders)
  };
  async function upload(file: File | null) {
    if (!file) return;
    setError(null);
    // The server checks again; this only spares sending a file that cannot be accepted.
    if (file.size > RULE.maxBytes) { setError(t('market:attachments.tooLarge', { max })); return; }
    change.mutate({ upload: file }, { onError: (e) => setError(explain(e)) });
  }
  async function remove(id: string) {
    setError(null);
    change.mutate({ remove: id }, { onError: (e) => setError(explain(e)) });
  }
  return (
    <Paper withBorder p="md" data-testid="attachments-editor"><Stack>
      <Title order={2} size="h4">{t('market:attachments.title')}</Title>
      <ErrorAlert error={q.error} />
      {items.length > 0 && (
        <Table>
          <Table.Thead><Table.Tr><Table.Th>{t('market:attachments.name')}</Table.Th><Table.Th>{t('market:attachments.type')}</Table.Th><Table.Th>{t('market:attachments.size')}</Table.Th><Table.Th /></Table.Tr></Table.Thead>
          <Table.Tbody>{items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td><Anchor href={a.url} download={a.name}>{a.name}</Anchor></Table.Td>
              <Table.Td>{typeLabel(a.mime)}</Table.Td>
              <Table.Td>{formatSize(a.size, lang)}</Table.Td>
              <Table.Td><Button size="compact-xs" variant="subtle" color="red" disabled={change.isPending} onClick={() => remove(a.id)} aria-label={t('market:attachments.deleteNamed', { name: a.name })}>{t('market:attachments.delete')}</Button></Table.Td>
            </Table.Tr>
          ))}</Table.Tbody>
        </Table>
      )}
      {items.length === 0 && !q.isLoading && <Text size="sm" c="dimmed">{t('market:attachments.none')}</Text>}
      {error && <Text size="sm" c="red" role="alert" data-testid="attachment-error">{error}</Text>}
      {items.length < MAX_ATTACHMENTS
        ? <Group align="flex-end">
          {/* value stays null: choosing a file uploads it at once, and the same file may be chosen again */}
          <FileInput style={{ flex: 1 }} label={t('market:attachments.add')} description={t('market:attachments.hint', { types, max, count: MAX_ATTACHMENTS })}
            placeholder={t('market:attachments.choose')} accept={RULE.mimes.join(',')} value={null} onChange={(f) => void upload(f)} disabled={busy} data-testid="attachment-input" />
          {busy && <Text size="sm" c="dimmed">{t('market:attachments.uploading')}</Text>}
        </Group>
        : <Text size="sm" c="dimmed">{t('market:attachments.tooMany', { count: MAX_ATTACHMENTS })}</Text>}
    </Stack></Paper>
  );
}
