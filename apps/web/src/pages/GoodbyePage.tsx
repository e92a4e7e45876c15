import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Actions, Page } from '../components/Page';

/** `/goodbye`: after the panellist erased their account (signed out everywhere). */
export function GoodbyePage() {
  const { t } = useTranslation();
  return (
    <Page title={t('privacy.goodbye.title')} intro={t('privacy.goodbye.body')}>
      <Actions>
        <Link to="/">{t('privacy.goodbye.home')}</Link>
      </Actions>
    </Page>
  );
}
