import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import styles from './AppShell.module.css';
import { SignOutButton } from '../session/SignOutButton';
import { LanguageSwitch } from './LanguageSwitch';

/** Header with the product name and the language switch, the main landmark, a skip link. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={styles.layout}>
      <a className={styles.skipLink} href="#main">
        {t('shell.skipLink')}
      </a>
      <header className={styles.header}>
        <div className={styles.headerInner}>
          <Link to="/" className={styles.brand}>
            <span className={styles.logo} aria-hidden="true">
              L
            </span>
            {t('app.name')}
          </Link>
          <div className={styles.headerTools}>
            <LanguageSwitch />
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className={styles.main}>
        {children}
      </main>
      <footer className={styles.footer}>
        <div className={styles.footerInner}>
          <p>{t('shell.footer')}</p>
          <p>{t('shell.privacy')}</p>
        </div>
      </footer>
    </div>
  );
}
