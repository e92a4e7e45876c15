import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { attributesControllerList, meControllerProfile } from '../../../api/generated';
import { Note, Page } from '../../../components/Page';
import { meKeys } from '../shared/api';
import { errorMessage } from '../shared/errors';
import { AddressForm } from './AddressForm';
import { LanguageSection } from './LanguageSection';
import styles from './Profile.module.css';
import { ProfileForm } from './ProfileForm';

/** `/me/profile`: display name, language, interests, custom attributes; the delivery address. */
export function ProfilePage() {
  const { t } = useTranslation();
  const profile = useQuery({
    queryKey: meKeys.profile,
    queryFn: async () => (await meControllerProfile({ throwOnError: true })).data,
  });
  const attributes = useQuery({
    queryKey: meKeys.attributes,
    queryFn: async () => (await attributesControllerList({ throwOnError: true, query: { limit: 100 } })).data.items,
  });
  return (
    <Page title={t('profile.title')} intro={t('profile.intro')}>
      {profile.isPending || attributes.isPending ? (
        <p role="status">{t('profile.loading')}</p>
      ) : profile.isError ? (
        <Note>{errorMessage(profile.error, t)}</Note>
      ) : (
        <>
          <LanguageSection profile={profile.data} />
          <ProfileForm profile={profile.data} attributes={attributes.data ?? []} />
          <AddressForm profile={profile.data} />
          <p className={styles.privacyLink}>
            <Link to="/me/privacy">{t('profile.privacyLink')}</Link>
          </p>
        </>
      )}
    </Page>
  );
}
