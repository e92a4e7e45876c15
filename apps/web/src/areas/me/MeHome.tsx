import { useTranslation } from 'react-i18next';
import { Note, Page } from '../../components/Page';
import { formatNumber } from '../../i18n/format';

/** `/me`: the panellist's home. The next thing to do and the points come with the portal. */
export function MeHome() {
  const { t, i18n } = useTranslation();
  const points = 0;
  return (
    <Page title={t('me.title')} intro={t('me.intro')}>
      <Note>{t('me.nothing')}</Note>
      <p>{t('me.points', { count: points, formatted: formatNumber(points, i18n.language) })}</p>
    </Page>
  );
}
