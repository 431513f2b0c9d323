// An organisation's contacts as the viewer may see them (directory, profiles, accepted interests).
import { Anchor, Stack, Text } from '@mantine/core';
import { mlText, type Ml } from '@shared/languages.ts';
import { useLang } from '../app/display.tsx';

export type ContactView = { id: string; name: string; position: Ml; email: string | null; phone: string | null };

export function ContactList({ contacts }: { contacts: ContactView[] }) {
  const lang = useLang();
  return (
    <Stack gap={4} data-testid="contacts">
      {contacts.map((c) => (
        <Text key={c.id} size="sm"><b>{c.name}</b>{mlText(c.position, lang) && `, ${mlText(c.position, lang)}`}{c.email && <> · <Anchor href={`mailto:${c.email}`}>{c.email}</Anchor></>}{c.phone && ` · ${c.phone}`}</Text>
      ))}
    </Stack>
  );
}
