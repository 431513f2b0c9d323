// One expression of interest: the message, accept/decline/withdraw, exchanged contacts, the conversation.
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page, ErrorAlert, Loading, RequireAuth } from '../../app/ui.tsx';
import { DateTime, useLang } from '../../app/display.tsx';
import { mlText } from '@shared/languages.ts';
import { ContactList } from '../../components/ContactList.tsx';
import { newIdempotencyKey } from '../../app/api.ts';
import { interestQuery, useInterestAction } from './api.ts';
import { TranslateButton } from '../translate/TranslateButton.tsx';

export function InterestPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const [body, setBody] = useState('');
  const [error, setError] = useState<unknown>(null);
  const q = useQuery(interestQuery(id!));
  const action = useInterestAction(id!);
  // One key per message being written: kept when a send fails (a retry is the same message), renewed after success.
  const [messageKey, setMessageKey] = useState(newIdempotencyKey);
  // A ref, not isPending: the second click of a double-click arrives before React re-renders the disabled button.
  const inFlight = useRef(false);
  const act = async (name: Parameters<typeof action.mutateAsync>[0]['action'], payload?: unknown) => {
    if (inFlight.current) return false;
    inFlight.current = true;
    setError(null);
    try {
      await action.mutateAsync({ action: name, body: payload, idempotencyKey: name === 'messages' ? messageKey : undefined });
      if (name === 'messages') setMessageKey(newIdempotencyKey());
      return true;
    } catch (e) { setError(e); return false; } finally { inFlight.current = false; }
  };
  const busy = (name: string) => action.isPending && action.variables?.action === name;
  if (q.isLoading) return <Loading />;
  const d = q.data;
  if (!d) return <Page title={t('market:interests.title')}><ErrorAlert error={q.error} /></Page>;
  return (
    <RequireAuth>
      <Page title={mlText(d.profile.title, lang)} description={<Group gap="xs"><Badge>{t(`market:interests.status.${d.status}`)}</Badge><Text size="sm">{t(`market:interests.direction.${d.direction}`)}</Text></Group>}>
        <ErrorAlert error={error} />
        <Paper withBorder p="md"><Stack gap={4}>
          <Text size="sm" c="dimmed">{mlText(d.fromOrganisation.name, lang)} · {d.sender.name}{d.sender.email && ` · ${d.sender.email}`} · <DateTime value={d.createdAt} /></Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{d.message}</Text>
          {d.responseNote && <Text size="sm" c="dimmed">{d.responseNote}</Text>}
        </Stack></Paper>
        <Anchor component={Link} to={`/marketplace/profiles/${d.profile.id}`}>{t('market:interests.toProfile')}</Anchor>
        {d.canRespond && <Group><Button color="teal" loading={busy('accept')} disabled={action.isPending} onClick={() => act('accept', {})} data-testid="accept-interest">{t('market:interests.accept')}</Button>
          <Button color="red" variant="light" loading={busy('decline')} disabled={action.isPending} onClick={() => act('decline', {})}>{t('market:interests.decline')}</Button></Group>}
        {d.canWithdraw && <Button variant="subtle" color="gray" loading={busy('withdraw')} disabled={action.isPending} onClick={() => act('withdraw')}>{t('market:interests.withdraw')}</Button>}
        {d.contacts && <Paper withBorder p="md" data-testid="exchanged-contacts"><Stack>
          <Title order={2} size="h5">{mlText(d.profileOrganisation?.name, lang)}</Title><ContactList contacts={d.contacts.owner} />
          {d.responder && <Text size="sm">{d.responder.name} · {d.responder.email}</Text>}
          <Title order={2} size="h5">{mlText(d.fromOrganisation.name, lang)}</Title><ContactList contacts={d.contacts.from} />
        </Stack></Paper>}
        {(d.canMessage || d.messages.length > 0) && <Title order={2} size="h4">{t('market:interests.conversation')}</Title>}
        <Stack gap="xs">{d.messages.map((m) => (
          <Paper key={m.id} p="sm" withBorder bg={m.mine ? 'var(--mantine-color-blue-light)' : undefined} ml={m.mine ? 'xl' : 0} mr={m.mine ? 0 : 'xl'}>
            <Text size="xs" c="dimmed">{m.authorName} · <DateTime value={m.createdAt} /></Text><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{m.body}</Text><TranslateButton text={m.body} />
          </Paper>
        ))}</Stack>
        {d.canMessage && <Group align="flex-end"><Textarea style={{ flex: 1 }} label={t('market:interests.newMessage')} autosize minRows={2} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
          <Button data-testid="send-message" loading={busy('messages')} disabled={!body.trim() || action.isPending} onClick={async () => { if (await act('messages', { body })) setBody(''); }}>{t('market:interests.sendMessage')}</Button></Group>}
      </Page>
    </RequireAuth>
  );
}
