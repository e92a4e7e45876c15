import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf } from '../../api/problem';
import { FormAlert } from '../../components/FormAlert';
import ws from '../../components/Workspace.module.css';
import { useStudy } from './api';
import styles from './Studio.module.css';

const TABS = [
  { to: '/studio/studies/$studyId', label: 'studio.study.overview', exact: true },
  { to: '/studio/studies/$studyId/participants', label: 'studio.study.participants' },
  { to: '/studio/studies/$studyId/rounds', label: 'studio.study.rounds' },
  { to: '/studio/studies/$studyId/surveys', label: 'studio.study.surveys' },
  { to: '/studio/studies/$studyId/home-testing', label: 'studio.study.homeTesting' },
  { to: '/studio/studies/$studyId/feedback', label: 'studio.study.feedback' },
  { to: '/studio/studies/$studyId/reports', label: 'studio.study.reports' },
] as const;

/** A study's pages: its title and status, its sections as tabs (links: each has its own URL), the section. */
export function StudyLayout({ studyId }: { studyId: string }) {
  const { t } = useTranslation();
  const study = useStudy(studyId);
  if (study.isPending) return <p role="status">{t('studio.loading')}</p>;
  if (study.isError) {
    const problem = problemOf(study.error);
    return (
      <section className={ws.panel}>
        <FormAlert message={problem?.status === 404 || problem?.status === 403 ? t('studio.study.notFound') : problemMessage(problem, t)} />
        <Link to="/studio/studies" className={styles.back}>
          {t('studio.study.back')}
        </Link>
      </section>
    );
  }
  return (
    <div>
      <div className={styles.studyHead}>
        <Link to="/studio/studies" className={styles.back}>
          {t('studio.study.back')}
        </Link>
        <p className={styles.studyTitle}>{study.data.title}</p>
        <span className={ws.badge}>{t(`studio.study.status.${study.data.status}`)}</span>
      </div>
      <nav className={styles.tabs} aria-label={t('studio.study.tabs')}>
        <ul>
          {TABS.map((tab) => (
            <li key={tab.to}>
              <Link
                to={tab.to}
                params={{ studyId }}
                className={styles.tab}
                activeOptions={{ exact: 'exact' in tab ? tab.exact : false, includeSearch: false }}
              >
                {t(tab.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
