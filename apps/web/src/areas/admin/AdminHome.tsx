import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';

/** `/admin`: loaded only when a admin page is opened (its own chunk). */
export function AdminHome() {
  const { t } = useTranslation();
  return <Page title={t('admin.title')} intro={t('admin.intro')} />;
}
