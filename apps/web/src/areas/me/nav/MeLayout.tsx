import { Link, Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import styles from './MeLayout.module.css';

// paths of pages other engineers build (the e-mail links are a contract): typed as /me until they land
const ITEMS = [
  { to: '/me', key: 'home', exact: true },
  { to: '/me/studies', key: 'studies', exact: false },
  { to: '/me/assignments', key: 'surveys', exact: false },
  { to: '/me/shipments', key: 'shipments', exact: false },
  { to: '/me/points', key: 'points', exact: false },
  { to: '/me/profile', key: 'profile', exact: false },
] as const;

/** The panellist area: its navigation (six touch-sized links, two rows on a phone) above the page. */
export function MeLayout() {
  const { t } = useTranslation();
  const labels: Record<(typeof ITEMS)[number]['key'], string> = {
    home: t('nav.home'),
    studies: t('nav.studies'),
    surveys: t('nav.surveys'),
    shipments: t('nav.shipments'),
    points: t('nav.points'),
    profile: t('nav.profile'),
  };
  return (
    <>
      <nav aria-label={t('nav.label')} className={styles.nav}>
        <ul className={styles.list}>
          {ITEMS.map((item) => (
            <li key={item.key}>
              <Link to={item.to as '/me'} activeOptions={{ exact: item.exact }} className={styles.link}>
                {labels[item.key]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
