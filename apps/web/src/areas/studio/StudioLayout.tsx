import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAreaCatalogue } from '../../i18n/area';
import { loadStudioCatalogue } from './catalogue';
import styles from './Studio.module.css';

/**
 * The researcher studio: its strings (a lazy catalogue of its own, never downloaded by a
 * panellist), its navigation beside the page (above it below 900 px), the page.
 */
export function StudioLayout() {
  const { t } = useTranslation();
  const ready = useAreaCatalogue('studio', loadStudioCatalogue);
  if (!ready) return <p role="status">{t('shell.loading')}</p>;
  return (
    <div className={styles.area}>
      <nav className={styles.nav} aria-label={t('studio.nav.label')}>
        <ul>
          <li>
            <Link to="/studio/studies" className={styles.navLink} activeOptions={{ includeSearch: false }}>
              {t('studio.nav.studies')}
            </Link>
          </li>
          <li>
            <Link to="/studio/panel" className={styles.navLink} activeOptions={{ includeSearch: false }}>
              {t('studio.nav.panel')}
            </Link>
          </li>
          <li>
            <Link to="/studio/campaigns" className={styles.navLink}>
              {t('studio.nav.campaigns')}
            </Link>
          </li>
          <li>
            <Link to="/studio/emails" className={styles.navLink}>
              {t('studio.nav.emails')}
            </Link>
          </li>
        </ul>
      </nav>
      <div>
        <Outlet />
      </div>
    </div>
  );
}
