// An organisation's contacts as a form: a row per contact, visibility explained in words, checked
// while typing against the limits the server's schema uses (CONTACT_LIMITS in src/shared/enums.ts; no zod
// in the bundle), and the server's field errors ("contacts.1.email") shown on their row.
import { Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONTACT_LIMITS, CONTACT_VISIBILITIES, MAX_CONTACTS } from '@shared/enums.ts';
import { LANGS, type Ml } from '@shared/languages.ts';
import type { Contact } from './api.ts';

export const VISIBILITIES = CONTACT_VISIBILITIES;
type Visibility = (typeof VISIBILITIES)[number];

export type ContactRow = { key: string; name: string; position: Ml; email: string; phone: string; visibility: Visibility };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

let seq = 0;
const newKey = () => `c${++seq}`;

export function toRows(contacts: Contact[]): ContactRow[] {
  return contacts.map((c) => ({
    key: newKey(), name: c.name, position: c.position ?? {}, email: c.email ?? '', phone: c.phone ?? '',
    visibility: (VISIBILITIES as readonly string[]).includes(c.visibility) ? (c.visibility as Visibility) : 'after_eoi',
  }));
}

/** The body of PUT /api/organisations/:id/contacts: empty optional fields left out, as the schema wants. */
export function toBody(rows: ContactRow[]) {
  return rows.map((r) => {
    const position = Object.fromEntries(LANGS.filter((l) => (r.position[l] ?? '').trim()).map((l) => [l, r.position[l]!]));
    return {
      name: r.name, visibility: r.visibility,
      ...(Object.keys(position).length ? { position } : {}),
      ...(r.email.trim() ? { email: r.email } : {}),
      ...(r.phone.trim() ? { phone: r.phone } : {}),
    };
  });
}

/** Problems by path ("0.email", "2.position.zh") → a code of directory:contacts.errors. */
export function validateContacts(rows: ContactRow[]): Record<string, string> {
  const out: Record<string, string> = {};
  toBody(rows).forEach((body, i) => {
    const name = body.name.trim();
    if (!name) out[`${i}.name`] = 'required';
    else if (name.length > CONTACT_LIMITS.name) out[`${i}.name`] = 'too_big';
    for (const [l, v] of Object.entries(body.position ?? {})) if (v.trim().length > CONTACT_LIMITS.position) out[`${i}.position.${l}`] = 'too_big';
    if (body.email !== undefined) {
      const email = body.email.trim();
      // The server checks the address fully; this catches what is plainly not one.
      if (email.length > CONTACT_LIMITS.email) out[`${i}.email`] = 'too_big';
      else if (!EMAIL.test(email)) out[`${i}.email`] = 'email';
    }
    if (body.phone !== undefined && body.phone.trim().length > CONTACT_LIMITS.phone) out[`${i}.phone`] = 'too_big';
  });
  return out;
}

export function ContactsEditor({ rows, onChange, server }: {
  rows: ContactRow[]; onChange: (rows: ContactRow[]) => void;
  /** Server field errors keyed like the API ("contacts.0.email"), already in the viewer's language. */
  server: Record<string, string>;
}) {
  const { t } = useTranslation();
  const local = validateContacts(rows);
  const msg = (i: number, field: string) => server[`contacts.${i}.${field}`] ?? (local[`${i}.${field}`] ? t(`directory:contacts.errors.${local[`${i}.${field}`]}`) : undefined);
  const set = (i: number, patch: Partial<ContactRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack gap="sm" data-testid="contacts-editor">
      <Title order={3} size="h5">{t('directory:contacts.title')}</Title>
      {rows.length === 0 && <Text size="sm" c="dimmed">{t('directory:contacts.none')}</Text>}
      {server.contacts && <Text size="sm" c="red">{server.contacts}</Text>}
      {rows.map((r, i) => (
        <Paper key={r.key} withBorder p="sm" data-testid="contact-row">
          <Stack gap="xs">
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
              <TextInput label={t('directory:contacts.name')} required value={r.name} maxLength={200} error={msg(i, 'name')}
                onChange={(e) => set(i, { name: e.currentTarget.value })} />
              <TextInput label={t('directory:contacts.email')} type="email" value={r.email} error={msg(i, 'email')}
                onChange={(e) => set(i, { email: e.currentTarget.value })} />
              <TextInput label={t('directory:contacts.phone')} type="tel" value={r.phone} maxLength={50} error={msg(i, 'phone')}
                onChange={(e) => set(i, { phone: e.currentTarget.value })} />
              <Select label={t('directory:contacts.visibility')} allowDeselect={false} value={r.visibility} error={msg(i, 'visibility')}
                description={t(`directory:contacts.visibilityHint.${r.visibility}`)} inputWrapperOrder={['label', 'input', 'description', 'error']}
                data={VISIBILITIES.map((v) => ({ value: v, label: t(`directory:contacts.visibilityOption.${v}`) }))}
                onChange={(v) => set(i, { visibility: (v ?? 'after_eoi') as Visibility })} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {LANGS.map((l) => (
                <TextInput key={l} size="xs" label={`${t('directory:contacts.position')} (${t(`common:languages.${l}`)})`} lang={l === 'zh' ? 'zh-CN' : l}
                  value={r.position[l] ?? ''} maxLength={200} error={msg(i, `position.${l}`)}
                  onChange={(e) => set(i, { position: { ...r.position, [l]: e.currentTarget.value } })} />
              ))}
            </SimpleGrid>
            <Group justify="flex-end">
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => onChange(rows.filter((_, j) => j !== i))}
                aria-label={t('directory:contacts.removeNamed', { name: r.name || String(i + 1) })}>{t('directory:contacts.remove')}</Button>
            </Group>
          </Stack>
        </Paper>
      ))}
      <Group>
        <Button size="xs" variant="light" disabled={rows.length >= MAX_CONTACTS}
          onClick={() => onChange([...rows, { key: newKey(), name: '', position: {}, email: '', phone: '', visibility: 'after_eoi' }])}>
          {t('directory:contacts.add')}
        </Button>
        {rows.length >= MAX_CONTACTS && <Text size="xs" c="dimmed">{t('directory:contacts.max', { count: MAX_CONTACTS })}</Text>}
      </Group>
    </Stack>
  );
}
