// The caller's latest notices (in-app inbox): each in the reader's language, unread ones in bold,
// a link to what it is about, web addresses inside the text clickable, "mark as read" per notice and for all.
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { mlText, type Lang, type Ml } from '@shared/languages.ts';
import { DateTime, useLang } from '../../app/display.tsx';
import { ErrorAlert } from '../../app/ui.tsx';
import { inboxQuery, useMarkAllRead, useMarkRead, type Notice } from './api.ts';

/** Params of a notice: multilingual values are shown in the viewer's language, plain ones as stored. */
function noticeParams(data: Record<string, unknown>, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) out[k] = v && typeof v === 'object' ? mlText(v as Ml, lang) : String(v ?? '');
  return out;
}

const URL_RE = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)])/g;

/** A text with its web addresses as links (opened in a new tab). */
export function LinkifiedText({ text }: { text: string }) {
  const parts = text.split(URL_RE);
  return <>{parts.map((p, i) => (i % 2 === 1
    ? <Anchor key={i} href={p} target="_blank" rel="noopener noreferrer">{p}</Anchor>
    : <Fragment key={i}>{p}</Fragment>))}</>;
}

export function InboxList({ limit = 20, title = true }: { limit?: number; title?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const inbox = useQuery(inboxQuery);
  const readAll = useMarkAllRead();
  const read = useMarkRead();
  const noticeText = (n: Notice) => t(`inbox:kind.${n.kind}`, noticeParams(n.data, lang));
  const items = inbox.data?.items.slice(0, limit) ?? [];
  return (
    <>
      <Group justify="space-between">
        {title && <Title order={2} size="h4">{t('inbox:title', { count: inbox.data?.unread ?? 0 })}</Title>}
        <Button size="xs" variant="subtle" onClick={() => readAll.mutate()} loading={readAll.isPending} disabled={!inbox.data?.unread}>{t('inbox:readAll')}</Button>
      </Group>
      <ErrorAlert error={inbox.error ?? readAll.error ?? read.error} />
      {inbox.data && items.length === 0 && <Text c="dimmed" data-testid="inbox-empty">{t('inbox:empty')}</Text>}
      <Stack gap={4} data-testid="inbox">{items.map((n) => (
        <Paper key={n.id} withBorder={!n.readAt} p={6} data-testid="notice" data-unread={n.readAt ? undefined : 'true'}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text size="sm" fw={n.readAt ? 400 : 700} style={{ overflowWrap: 'anywhere' }}>
              <DateTime value={n.createdAt} /> · {n.link
                ? <Anchor component={Link} to={n.link} onClick={() => { if (!n.readAt) read.mutate(n.id); }}>{noticeText(n)}</Anchor>
                : <LinkifiedText text={noticeText(n)} />}
            </Text>
            {!n.readAt && <Button size="compact-xs" variant="subtle" loading={read.isPending && read.variables === n.id} onClick={() => read.mutate(n.id)}>{t('inbox:markRead')}</Button>}
          </Group>
        </Paper>
      ))}</Stack>
    </>
  );
}
