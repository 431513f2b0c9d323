import { Alert, Text, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Page, BackHome } from '../../app/ui.tsx';

/** A section that is not built yet says so plainly instead of showing dead controls. */
export function NotBuiltPage({ section }: { section: string }) {
  const { t } = useTranslation();
  return (
    <Page title={t(`common:nav.${section}`)}>
      <Alert color="blue" title={t('common:notBuilt.title')}>
        <Stack gap="xs">
          <Text>{t(`home:sections.${section}`)}</Text>
          <Text size="sm" c="dimmed">{t('common:notBuilt.body')}</Text>
        </Stack>
      </Alert>
      <div><BackHome /></div>
    </Page>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return <Page title={t('common:notFound')}><div><BackHome /></div></Page>;
}
