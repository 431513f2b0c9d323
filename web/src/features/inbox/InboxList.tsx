// The caller's latest notices (in-app inbox): each in the reader's language, unread ones in bold,
// a link to what it is about, and "mark all read".
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mlText, type Lang, type Ml } from '@shared/languages.ts';
import { DateTime, useLang } from '../../app/display.tsx';
import { inboxQuery, useMarkAllRead, useMarkRead, type Notice } from './api.ts';

/** Params of a notice: multilingual values are shown in the viewer's language, plain ones as stored. */
function noticeParams(data: Record<string, unknown>, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) out[k] = v && typeof v === 'object' ? mlText(v as Ml, lang) : String(v ?? '');
  return out;
}

export function InboxList({ limit = 20 }: { limit?: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const inbox = useQuery(inboxQuery);
  const readAll = useMarkAllRead();
  const read = useMarkRead();
  const noticeText = (n: Notice) => t(`inbox:kind.${n.kind}`, noticeParams(n.data, lang));
  return (
    <>
      <Group justify="space-between"><Title order={2} size="h4">{t('inbox:title', { count: inbox.data?.unread ?? 0 })}</Title>
        <Button size="xs" variant="subtle" onClick={() => readAll.mutate()}>{t('inbox:readAll')}</Button></Group>
      <Stack gap={4}>{inbox.data?.items.slice(0, limit).map((n) => (
        <Text key={n.id} size="sm" fw={n.readAt ? 400 : 700}>
          <DateTime value={n.createdAt} /> · {n.link ? <Anchor component={Link} to={n.link} onClick={() => read.mutate(n.id)}>{noticeText(n)}</Anchor> : noticeText(n)}
        </Text>
      ))}</Stack>
    </>
  );
}
