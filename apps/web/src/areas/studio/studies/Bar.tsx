import styles from './Studies.module.css';

/** A filling bar toward a target (a meter: its label says the figures). */
export function Bar({ value, max, label, warn }: { value: number; max: number; label: string; warn?: boolean }) {
  const ratio = max > 0 ? Math.min(1, value / max) : 0;
  return (
    <span className={styles.bar} role="meter" aria-valuemin={0} aria-valuemax={max} aria-valuenow={Math.min(value, max)} aria-label={label}>
      <span className={warn ? `${styles.fill} ${styles.warn}` : styles.fill} style={{ width: `${ratio * 100}%` }} />
    </span>
  );
}
