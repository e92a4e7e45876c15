import { useId, type ReactNode } from 'react';
import styles from '../Report.module.css';

/** A part of the report (h2) or a part within one (h3), named by its heading. */
export function Section({ title, children, level = 2 }: { title: string; children: ReactNode; level?: 2 | 3 }) {
  const id = useId();
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <section className={level === 2 ? styles.section : styles.subsection} aria-labelledby={id}>
      <H id={id} className={level === 2 ? styles.heading : styles.subheading}>
        {title}
      </H>
      {children}
    </section>
  );
}

/** A wide table's container: scrolls sideways on a narrow screen, reachable with the keyboard to do so. */
export function Scroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={styles.scroll} role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

export function Quotes({ quotes }: { quotes: { pseudonym: string; text: string }[] }) {
  return (
    <ul className={styles.quotes}>
      {quotes.map((q, i) => (
        <li key={i}>
          <figure className={styles.quote}>
            <blockquote>{q.text}</blockquote>
            <figcaption>{q.pseudonym}</figcaption>
          </figure>
        </li>
      ))}
    </ul>
  );
}
