// One audit entry's changes as readable rows: "field: old → new" for changed values, "field: value" for the rest,
// with role names in the reader's language; and the entity's page, where one exists.
import { Anchor, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const PAGE_OF: Record<string, (id: string) => string> = {
  organisation: (id) => `/directory/organisations/${id}`,
  profile: (id) => `/marketplace/profiles/${id}`,
  interest: (id) => `/marketplace/interests/${id}`,
};

export function EntityLink({ type, id }: { type: string; id: string | null }) {
  const { t } = useTranslation();
  const label = t(`admin:audit.entity.${type}`, { defaultValue: humanise(type) });
  const page = id && PAGE_OF[type]?.(id);
  return (
    <Stack gap={0}>
      <Text size="sm">{page ? <Anchor component={Link} to={page} size="sm">{label}</Anchor> : label}</Text>
      {id && <Text size="xs" c="dimmed" title={id}>{id.slice(0, 8)}…</Text>}
    </Stack>
  );
}

function humanise(key: string) {
  const s = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function value(v: unknown, key: string, t: TFunction): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.length ? v.map((x) => value(x, key, t)).join(', ') : '—';
  if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${humanise(k)}: ${value(x, k, t)}`).join('; ');
  if (key === 'roles') return t(`common:roles.${String(v)}`, { defaultValue: String(v) });
  if (typeof v === 'boolean') return t(v ? 'admin:audit.yes' : 'admin:audit.no');
  return String(v);
}

const isChange = (v: unknown): v is { from: unknown; to: unknown } => !!v && typeof v === 'object' && !Array.isArray(v) && 'from' in v && 'to' in v;

/** Rows of one entry's changes (an empty list when there are none). */
export function changeRows(changes: unknown, t: TFunction): string[] {
  if (!changes || typeof changes !== 'object') return [];
  const c = changes as Record<string, unknown>;
  if (isChange(c)) return [`${value(c.from, '', t)} → ${value(c.to, '', t)}`];
  return Object.entries(c).map(([k, v]) => {
    const label = t(`admin:audit.field.${k}`, { defaultValue: humanise(k) });
    return isChange(v) ? `${label}: ${value(v.from, k, t)} → ${value(v.to, k, t)}` : `${label}: ${value(v, k, t)}`;
  });
}

export function AuditChanges({ changes }: { changes: unknown }) {
  const { t } = useTranslation();
  const rows = changeRows(changes, t);
  if (!rows.length) return <Text size="sm" c="dimmed">—</Text>;
  return <Stack gap={0} data-testid="audit-changes">{rows.map((r, i) => <Text key={i} size="xs" className="break-anywhere">{r}</Text>)}</Stack>;
}
