// Notices and mail of the review module, through the platform's notify helper: each expert gets them in
// their language, with the review deadline in their own zone.
import type { Tx } from '../../db/client.ts';
import type { Deps } from '../../platform/context.ts';
import { notifyRecipients } from '../../platform/notify.ts';
import { mlText, type Ml } from '../../shared/languages.ts';
import { formatDateTime } from '../../shared/time.ts';

export const REVIEW_NOTICE_KINDS = ['invited', 'assigned', 'reminder', 'late', 'released'] as const;
export type ReviewNoticeKind = (typeof REVIEW_NOTICE_KINDS)[number];

export async function notifyReview(tx: Tx, deps: Pick<Deps, 'clock' | 'config' | 'log'>, n: { userIds: string[]; kind: ReviewNoticeKind; link: string; callTitle: Ml; deadline: Date | null; extra?: Record<string, unknown> }) {
  await notifyRecipients(tx, deps, n.userIds, ({ lang, timezone }) => {
    const params = { call: mlText(n.callTitle, lang), deadline: n.deadline ? formatDateTime(n.deadline, timezone, lang) : '—', ...n.extra };
    return { kind: `review.${n.kind}`, link: n.link, template: `review_${n.kind}`, data: params, params };
  });
}
