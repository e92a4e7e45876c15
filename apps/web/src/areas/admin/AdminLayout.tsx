import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import styles from './Admin.module.css';

/** The admin area: its navigation (Users, Brands) above the page. */
export function AdminLayout() {
  const { t } = useTranslation();
  return (
    <div className={styles.area}>
      <nav className={styles.nav} aria-label={t('admin.nav.label')}>
        <ul>
          <li>
            <Link to="/admin" className={styles.navLink} activeOptions={{ exact: true, includeSearch: false }}>
              {t('admin.nav.users')}
            </Link>
          </li>
          <li>
            <Link to="/admin/brands" className={styles.navLink}>
              {t('admin.nav.brands')}
            </Link>
          </li>
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
