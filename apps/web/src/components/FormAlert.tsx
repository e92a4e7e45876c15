import type { ReactNode } from 'react';
import styles from './FormAlert.module.css';

/**
 * The alert region at the top of a form: a problem that names no field (wrong e-mail or
 * password, too many attempts…). Always in the DOM so that screen readers announce changes.
 */
export function FormAlert({ message, children }: { message?: string; children?: ReactNode }) {
  const shown = !!message || !!children;
  return (
    <div role="alert" className={shown ? styles.alert : undefined}>
      {message ? <p className={styles.message}>{message}</p> : null}
      {children}
    </div>
  );
}
