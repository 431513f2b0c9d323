// The notifications page (/inbox): every notice of the caller, newest first, reached from the bell in the header.
import { useTranslation } from 'react-i18next';
import { Page, RequireAuth } from '../../app/ui.tsx';
import { InboxList } from './InboxList.tsx';

export function InboxPage() {
  const { t } = useTranslation();
  return (
    <RequireAuth>
      <Page title={t('inbox:page')}>
        <InboxList limit={200} title={false} />
      </Page>
    </RequireAuth>
  );
}
