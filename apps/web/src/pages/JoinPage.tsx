import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { campaignsControllerPublicPage } from '../api/generated';
import { problemOf } from '../api/problem';
import { Button } from '../components/Form';
import { Note, Page } from '../components/Page';
import { ApplicationForm } from './join/ApplicationForm';
import type { Campaign } from './join/campaign';
import { CheckEmail } from './join/CheckEmail';
import styles from './JoinPage.module.css';

/**
 * `/join/$slug?ref=`: the campaign's page and the application, on one page: the form is short,
 * a server error can then land on any field in view, autofill fills it at once, and nothing
 * typed is lost between steps. Then "check your e-mail" with a resend button.
 */
export function JoinPage({ slug, referralCode }: { slug: string; referralCode?: string }) {
  const { t } = useTranslation();
  const campaign = useQuery({
    queryKey: ['public', 'recruitment', slug],
    queryFn: async () => {
      const { data } = await campaignsControllerPublicPage({ path: { slug }, throwOnError: true });
      return data as Campaign;
    },
    retry: (count, error) => count < 1 && problemOf(error) === null,
  });
  const [appliedAs, setAppliedAs] = useState<string | null>(null);
  const referral = referralCode ? <Note>{t('join.referral', { code: referralCode })}</Note> : null;

  if (appliedAs) return <CheckEmail email={appliedAs} />;
  if (campaign.isPending) {
    return (
      <Page title={t('join.title')}>
        {referral}
        <p role="status">{t('join.loading')}</p>
      </Page>
    );
  }
  if (campaign.isError) {
    const notFound = problemOf(campaign.error)?.status === 404;
    return (
      <Page title={notFound ? t('join.notFound.title') : t('join.title')}>
        <p role="alert">{notFound ? t('join.notFound.body') : t('join.loadFailed')}</p>
        {notFound ? null : <Button onPress={() => void campaign.refetch()}>{t('join.retry')}</Button>}
      </Page>
    );
  }
  return (
    <Page title={campaign.data.title}>
      <p className={styles.description}>{campaign.data.description}</p>
      {referral}
      <p className={styles.hint}>{t('join.intro')}</p>
      <ApplicationForm slug={slug} campaign={campaign.data} referralCode={referralCode} onApplied={setAppliedAs} />
    </Page>
  );
}
