import type { ReactNode } from 'react';
import ws from '../../../../components/Workspace.module.css';
import styles from '../Panel.module.css';

export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className={ws.panel} aria-labelledby={id}>
      <h2 id={id} className={styles.sectionTitle}>
        {title}
      </h2>
      {children}
    </section>
  );
}

export function Fields({ rows }: { rows: Array<[string, ReactNode]> }) {
  return (
    <dl className={styles.fields}>
      {rows.map(([term, value]) => (
        <div key={term} className={styles.fieldRow}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
