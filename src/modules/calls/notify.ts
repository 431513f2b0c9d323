// Notices and mail of the calls module, through the platform's notify helper: each recipient gets them in
// their language, with the deadline in their zone and in the call's.
import type { Tx } from '../../db/client.ts';
import type { Deps } from '../../platform/context.ts';
import { notifyRecipients } from '../../platform/notify.ts';
import { mlText, type Ml } from '../../shared/languages.ts';
import { formatDateTime, CITY_OF_ZONE } from '../../shared/time.ts';

export const CALL_NOTICE_KINDS = ['added', 'invited', 'submitted', 'withdrawn', 'decision', 'reminder'] as const;
export type CallNoticeKind = (typeof CALL_NOTICE_KINDS)[number];

export type CallNotice = {
  userIds: string[]; kind: CallNoticeKind; link: string; callTitle: Ml; reference: string; closesAt: Date; callTimezone: string;
  extra?: Record<string, unknown>; reasons?: Ml;
};

/** "23 Dec 2021, 23:59 (24 Dec 04:59 Changchun)": the reader's zone first, the call's alongside. */
export function deadlineText(at: Date, readerTz: string, callTz: string, lang: 'ru' | 'zh' | 'en') {
  const own = formatDateTime(at, readerTz, lang);
  if (readerTz === callTz) return own;
  return `${own} (${formatDateTime(at, callTz, lang)} ${CITY_OF_ZONE[callTz]?.[lang] ?? callTz})`;
}

export async function notifyCall(tx: Tx, deps: Pick<Deps, 'clock' | 'config' | 'log'>, n: CallNotice) {
  await notifyRecipients(tx, deps, n.userIds, ({ lang, timezone }) => {
    const params = {
      call: mlText(n.callTitle, lang), reference: n.reference, deadline: deadlineText(n.closesAt, timezone, n.callTimezone, lang),
      reasons: n.reasons ? mlText(n.reasons, lang) : '', ...n.extra,
    };
    return { kind: `calls.${n.kind}`, link: n.link, template: `calls_${n.kind}`, data: params, params };
  });
}
