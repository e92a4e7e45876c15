import type { ReactNode } from 'react';
import styles from './Page.module.css';

/** A page: its one h1, an optional introduction, then the content on a card. */
export function Page({ title, intro, children }: { title: string; intro?: string; children?: ReactNode }) {
  return (
    <div className={styles.page}>
      <div className={styles.card}>
        <h1 className={styles.title}>{title}</h1>
        {intro ? <p className={styles.intro}>{intro}</p> : null}
        {children}
      </div>
    </div>
  );
}

export function Note({ children }: { children: ReactNode }) {
  return (
    <p className={styles.note} role="status">
      {children}
    </p>
  );
}

/** A row of links, each a touch target of at least 44 px. */
export function Actions({ children }: { children: ReactNode }) {
  return <div className={styles.actions}>{children}</div>;
}
