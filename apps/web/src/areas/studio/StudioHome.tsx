import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';

/** `/studio`: loaded only when a studio page is opened (its own chunk). */
export function StudioHome() {
  const { t } = useTranslation();
  return <Page title={t('studio.title')} intro={t('studio.intro')} />;
}
