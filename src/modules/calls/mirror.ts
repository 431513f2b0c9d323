// Mirror check: the two halves of a joint project must state the same project title (Russian and Chinese),
// the same partner organisations (with their side and role) and the same principal investigators.
// Pure: returns every mismatch with both halves' values side by side.
import type { Sections } from './sections.ts';

export type MirrorField = 'title.ru' | 'title.zh' | 'organisations' | 'pi.BY' | 'pi.CN';
export type Mismatch = { field: MirrorField; BY: string; CN: string };
type Half = { title: Pick<Sections['title'], 'title'>; consortium: Sections['consortium'] };

/** Text compared as people see it: Unicode NFC, inner whitespace collapsed, ends trimmed. */
const norm = (s: string | undefined) => (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
const orgList = (c: Sections['consortium']) =>
  [...new Set(c.organisations.map((o) => `${o.side}:${o.role}:${o.organisationId}`))].sort().join('\n');
const pi = (p: { userId: string | null; name: string }) => (p.userId ? `${norm(p.name)} <${p.userId}>` : norm(p.name));

export function mirrorMismatches(by: Half, cn: Half): Mismatch[] {
  const out: Mismatch[] = [];
  for (const l of ['ru', 'zh'] as const) {
    const a = norm(by.title.title[l]), b = norm(cn.title.title[l]);
    if (a !== b) out.push({ field: `title.${l}`, BY: a, CN: b });
  }
  const oa = orgList(by.consortium), ob = orgList(cn.consortium);
  if (oa !== ob) out.push({ field: 'organisations', BY: oa, CN: ob });
  for (const s of ['BY', 'CN'] as const) {
    const pa = by.consortium.pis[s], pb = cn.consortium.pis[s];
    // The same person: the same account when both name one, otherwise the same written name.
    const same = pa.userId && pb.userId ? pa.userId === pb.userId && norm(pa.name) === norm(pb.name) : norm(pa.name) === norm(pb.name);
    if (!same) out.push({ field: `pi.${s}`, BY: pi(pa), CN: pi(pb) });
  }
  return out;
}
