import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Note, Page } from '../../../components/Page';
import { meKeys } from '../shared/api';
import { fetchMyStudies, type MyStudy } from './api';
import styles from './Studies.module.css';

export function participationLabel(p: MyStudy['participation'], t: TFunction): string {
  if (p === 'waitlisted') return t('studies.participation.waitlisted');
  if (p === 'withdrawn') return t('studies.participation.withdrawn');
  return t('studies.participation.enrolled');
}

/** `/me/studies`: the studies I take part in. */
export function StudiesPage({ load = fetchMyStudies }: { load?: typeof fetchMyStudies }) {
  const { t } = useTranslation();
  // the same cache entry as the home's (an array of my studies)
  const studies = useQuery({ queryKey: meKeys.studies, queryFn: async () => (await load()).items as MyStudy[] });
  return (
    <Page title={t('studies.title')} intro={t('studies.intro')}>
      {studies.isPending ? (
        <p className={styles.muted} role="status">
          {t('studies.loading')}
        </p>
      ) : studies.isError ? (
        <p className={styles.error} role="alert">
          {t('studies.error')}
        </p>
      ) : studies.data.length === 0 ? (
        <>
          <Note>{t('studies.empty')}</Note>
          <p>
            <Link to="/me/invitations" className={styles.link}>
              {t('studies.toInvitations')}
            </Link>
          </p>
        </>
      ) : (
        <ul className={styles.list}>
          {studies.data.map((s) => (
            <li key={s.studyId} className={styles.item}>
              <Link to="/me/studies/$studyId" params={{ studyId: s.studyId }} className={styles.itemLink}>
                <span className={styles.itemTitle}>{s.title}</span>
                <span className={styles.meta}>{s.theme}</span>
                <span className={styles.meta}>{participationLabel(s.participation, t)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
