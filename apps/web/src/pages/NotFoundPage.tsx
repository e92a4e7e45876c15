import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Actions, Page } from '../components/Page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')} intro={t('notFound.body')}>
      <Actions>
        <Link to="/">{t('notFound.home')}</Link>
      </Actions>
    </Page>
  );
}
