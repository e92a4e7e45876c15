import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { Note, Page } from '../../../components/Page';
import { problemOf } from '../../../api/problem';
import { sdkDiscussionApi, type DiscussionApi } from '../rounds/api';
import { RoundWhen } from '../rounds/RoundView';
import { meKeys } from '../shared/api';
import { fetchMyStudies, type MyStudy } from './api';
import { participationLabel } from './StudiesPage';
import styles from './Studies.module.css';

/** `/me/studies/$studyId`: a study I take part in and its discussion rounds. */
export function StudyPage({
  studyId,
  api = sdkDiscussionApi,
  load = fetchMyStudies,
}: {
  studyId: string;
  api?: DiscussionApi;
  load?: typeof fetchMyStudies;
}) {
  const { t } = useTranslation();
  const studies = useQuery({ queryKey: meKeys.studies, queryFn: async () => (await load()).items as MyStudy[] });
  const study = studies.data?.find((s) => s.studyId === studyId);
  const enrolled = study?.participation === 'enrolled';
  const rounds = useQuery({ queryKey: meKeys.rounds(studyId), queryFn: async () => (await api.rounds(studyId)).items, enabled: enrolled });

  if (studies.isPending) {
    return (
      <Page title={t('studies.study')}>
        <p className={styles.muted} role="status">
          {t('studies.loading')}
        </p>
      </Page>
    );
  }
  if (!study) {
    return (
      <Page title={t('studies.study')}>
        <Note>{studies.isError ? t('studies.error') : t('studies.notFound')}</Note>
        <p>
          <Link to="/me/studies" className={styles.link}>
            {t('studies.back')}
          </Link>
        </p>
      </Page>
    );
  }
  return (
    <Page title={study.title}>
      <p className={styles.backP}>
        <Link to="/me/studies" className={styles.link}>
          {t('studies.back')}
        </Link>
      </p>
      <p className={styles.meta}>
        {study.theme} · {participationLabel(study.participation, t)}
      </p>
      {study.participation === 'waitlisted' ? <Note>{t('studies.waitlisted')}</Note> : null}
      {study.participation === 'withdrawn' ? <Note>{t('studies.withdrawn')}</Note> : null}
      {enrolled ? (
        <section aria-labelledby="rounds-title" className={styles.section}>
          <h2 id="rounds-title" className={styles.h2}>
            {t('studies.rounds')}
          </h2>
          {rounds.isPending ? (
            <p className={styles.muted} role="status">
              {t('studies.loading')}
            </p>
          ) : rounds.isError ? (
            <p className={styles.error} role="alert">
              {problemOf(rounds.error)?.status === 403 ? t('studies.notParticipant') : t('studies.error')}
            </p>
          ) : rounds.data.length === 0 ? (
            <Note>{t('studies.noRounds')}</Note>
          ) : (
            <ul className={styles.list}>
              {rounds.data.map((r) => (
                <li key={r.id} className={styles.item}>
                  <Link to="/me/studies/$studyId/rounds/$roundId" params={{ studyId, roundId: r.id }} className={styles.itemLink}>
                    <span className={styles.itemTitle}>{r.title}</span>
                    <span className={r.state === 'open' ? styles.open : styles.meta}>
                      <RoundWhen round={r} />
                    </span>
                    {r.mode === 'post_first' && r.state === 'open' && r.hasPosted === false ? (
                      <span className={styles.meta}>{t('studies.yourTurn')}</span>
                    ) : null}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </Page>
  );
}
