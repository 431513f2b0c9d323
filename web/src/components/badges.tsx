// Badges several features show: a profile's status and type, an organisation's verification.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  const color = status === 'published' ? 'teal' : status === 'submitted' ? 'blue' : status === 'returned' || status === 'on_hold' ? 'orange' : status === 'rejected' ? 'red' : 'gray';
  return <Badge variant="light" color={color} title={t(`market:status.${status}`)}>{t(`market:status.${status}`)}</Badge>;
}

export function TypeBadge({ type }: { type: string }) {
  const { t } = useTranslation();
  return <Badge variant="outline" title={t(`market:type.${type}`)}>{type}</Badge>;
}

export function VerifiedBadge({ verified }: { verified: boolean }) {
  const { t } = useTranslation();
  return verified
    ? <Badge color="teal" variant="light" title={t('directory:verifiedHint')}>{t('directory:verified')}</Badge>
    : <Badge color="gray" variant="outline" title={t('directory:unverifiedHint')}>{t('directory:unverified')}</Badge>;
}
