import { useTranslation } from 'react-i18next';
import { Button } from '../components/Form';
import { Note, Page } from '../components/Page';

export function JoinPage({ slug, referralCode }: { slug: string; referralCode?: string }) {
  const { t } = useTranslation();
  return (
    <Page title={t('join.title')} intro={t('join.intro')}>
      <p>{t('join.campaign', { slug })}</p>
      {referralCode ? <Note>{t('join.referral', { code: referralCode })}</Note> : null}
      <Button isDisabled>{t('join.start')}</Button>
    </Page>
  );
}
