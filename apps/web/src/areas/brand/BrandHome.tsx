import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';

/** `/brand`: loaded only when a brand page is opened (its own chunk). */
export function BrandHome() {
  const { t } = useTranslation();
  return <Page title={t('brand.title')} intro={t('brand.intro')} />;
}
