import { useTranslation } from 'react-i18next';
import { Page } from '../components/Page';

export function SharedReportPage() {
  const { t } = useTranslation();
  return <Page title={t('shared.title')} intro={t('shared.body')} />;
}
