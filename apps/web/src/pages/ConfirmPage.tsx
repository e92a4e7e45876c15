import { useTranslation } from 'react-i18next';
import { Note, Page } from '../components/Page';

export function ConfirmPage({ token }: { token?: string }) {
  const { t } = useTranslation();
  return (
    <Page title={t('confirm.title')}>
      <Note>{token ? t('confirm.body') : t('confirm.missing')}</Note>
    </Page>
  );
}
