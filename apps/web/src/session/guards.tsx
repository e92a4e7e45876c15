import { Navigate, useLocation, useRouter } from '@tanstack/react-router';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { rolesFor } from './next';
import { homeOf, useSession } from './session';
import styles from './session.module.css';

/** A quiet placeholder while the session is restored: no flash of the sign-in page. */
export function SessionLoading() {
  const { t } = useTranslation();
  return (
    <div className={styles.loading} role="status" aria-live="polite">
      <span className={styles.visuallyHidden}>{t('session.loading')}</span>
    </div>
  );
}

/**
 * An area's guard (in the area's layout route): signed out → /login?next=<here>; staff who must
 * change their password → /account/password; another role → its own home.
 */
export function RequireArea({ area, children }: { area: '/me' | '/studio' | '/brand' | '/admin'; children: ReactNode }) {
  const { status, user } = useSession();
  const location = useLocation();
  if (status === 'loading') return <SessionLoading />;
  // while the router leaves this area the location is already the next one: do not redirect again
  if (location.pathname !== area && !location.pathname.startsWith(`${area}/`)) return <SessionLoading />;
  if (!user) return <Navigate to="/login" search={{ next: location.href }} replace />;
  if (user.mustChangePassword && user.role !== 'panellist') return <Navigate to="/account/password" replace />;
  if (!rolesFor(area)?.includes(user.role)) return <Navigate to={homeOf(user.role)} replace />;
  return <>{children}</>;
}

/** Any signed-in user (the password change page). */
export function RequireSignedIn({ children }: { children: ReactNode }) {
  const { status, user } = useSession();
  const location = useLocation();
  if (status === 'loading') return <SessionLoading />;
  if (!location.pathname.startsWith('/account')) return <SessionLoading />;
  if (!user) return <Navigate to="/login" search={{ next: location.href }} replace />;
  return <>{children}</>;
}

/** Goes to an app path that may carry a query (`next` after sign-in), replacing this entry. */
export function RedirectTo({ href }: { href: string }) {
  const router = useRouter();
  useEffect(() => {
    router.history.replace(href);
  }, [router, href]);
  return <SessionLoading />;
}
