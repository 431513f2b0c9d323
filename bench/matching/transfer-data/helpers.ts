// Compact builder for the technology-transfer set: one line per profile, written in one language
// per side (the Belarusian writer writes Russian, the Chinese writer Chinese); `en` adds an English
// title and summary where an organisation would publish one.
import type { ImportProfile } from '../../../src/shared/import-format.ts';
import type { PartnershipType, ProfileType } from '../../../src/shared/enums.ts';
import { pr } from '../eval-data/helpers.ts';

export type Side = 'ru' | 'zh';
type X = { en?: [string, string]; pt?: PartnershipType[]; trl?: number; trlMin?: number; kw?: string[]; d?: string };

/** One profile: id, organisation, type, sub-area, title, summary, extras. */
export function t(lang: Side, id: string, org: string, type: ProfileType, sub: string, title: string, summary: string, x: X = {}): ImportProfile {
  const ml = (s: string, en?: string) => ({ [lang]: s, ...(en ? { en } : {}) });
  return pr(id, org, type, ml(title, x.en?.[0]), ml(summary, x.en?.[1]), {
    sub: [sub], pt: x.pt ?? (type === 'RDR' ? ['rd_cooperation'] : type === 'BO' || type === 'BR' ? ['commercial_technical_assistance'] : ['licensing']),
    ...(x.trl ? { trl: x.trl } : {}), ...(x.trlMin ? { trlMin: x.trlMin } : {}), ...(x.kw ? { kw: x.kw } : {}),
    ...(x.d ? { description: { [lang]: x.d } } : {}),
  });
}
