// Shared pieces of the marketplace pages: types, enum labels, highlighted text.
import { Badge, Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Ml } from '@shared/languages.ts';

export type Org = { id: string; name: Ml; shortName?: Ml; country: string; type: string; verified: boolean; logoUrl?: string | null };
export type Card = {
  id: string; type: string; status: string; title: Ml; summary: Ml; areas: string[]; trl: number | null; partnershipTypes: string[];
  country: string; anonymous: boolean; organisation: { id: string; name: Ml; type: string; verified: boolean } | null;
  publishedAt: string | null; updatedAt: string; highlight: { lang: string; title: string; summary: string } | null;
};
export type Facets = { total: number; type: Record<string, number>; country: Record<string, number>; orgType: Record<string, number>;
  area: Record<string, number>; subArea: Record<string, number>; partnershipType: Record<string, number>; trl: Record<string, number> };
export type SearchResult = { items: Card[]; nextCursor: string | null; facets: Facets | null; total: number | null; lang: string | null };
export type Contact = { id: string; name: string; position: Ml; email: string | null; phone: string | null; visibility: string };

export const PROFILE_TYPES = ['TO', 'TR', 'BO', 'BR', 'RDR'];
export const PARTNERSHIP_TYPES = ['commercial_technical_assistance', 'licensing', 'rd_cooperation', 'investment', 'joint_venture', 'outsourcing'];
export const ORG_TYPES = ['university', 'research_institute', 'enterprise', 'technopark', 'park_resident', 'government', 'fund'];
export const STAGES = ['concept', 'under_development', 'lab_tested', 'demonstration', 'on_market'];
export const IPR = ['none', 'secret_know_how', 'applied', 'granted'];
export const STATUSES = ['draft', 'submitted', 'returned', 'published', 'on_hold', 'rejected', 'expired', 'archived'];

const HL = /\uE000([^\uE001]*)\uE001/g;
/** Renders text with the server's match markers (U+E000 … U+E001) as <mark>, never as HTML. */
export function Highlighted({ text, ...props }: { text: string } & TextProps) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(HL)) {
    if (m.index! > last) parts.push(text.slice(last, m.index));
    parts.push(<mark key={m.index}>{m[1]}</mark>);
    last = m.index! + m[0].length;
  }
  parts.push(text.slice(last));
  return <Text {...props}>{parts}</Text>;
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const color = status === 'published' ? 'teal' : status === 'submitted' ? 'blue' : status === 'returned' || status === 'on_hold' ? 'orange' : status === 'rejected' ? 'red' : 'gray';
  return <Badge variant="light" color={color}>{t(`market:status.${status}`)}</Badge>;
}

export function TypeBadge({ type }: { type: string }) {
  const { t } = useTranslation();
  return <Badge variant="outline" title={t(`market:type.${type}`)}>{type}</Badge>;
}
