import { useTranslation } from 'react-i18next';
import type { CrosstabDto, DistributionEntryDto } from '../../api/generated';
import { fmtCount, fmtDecimal, fmtPercent } from '../format';
import styles from '../Report.module.css';
import { useValueLabel } from '../valueLabel';
import { Scroll } from './parts';

/** A bar chart that is a real table: each row has its label, a bar (decorative), its count and its share. */
export function Distribution({ caption, entries, total }: { caption: string; entries: DistributionEntryDto[]; total: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('brand.report.answer')}</th>
          <th scope="col" className={styles.barCol}>
            <span className={styles.visuallyHidden}>{t('brand.report.chart')}</span>
          </th>
          <th scope="col" className={styles.num}>
            {t('brand.report.count')}
          </th>
          <th scope="col" className={styles.num}>
            {t('brand.report.share')}
          </th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const pct = e.pct ?? (total > 0 ? (100 * e.n) / total : 0);
          return (
            <tr key={e.value}>
              <th scope="row">{e.value}</th>
              <td className={styles.barCol} aria-hidden="true">
                <span className={styles.bar} style={{ width: `${Math.max(0, Math.min(100, pct))}%` }} />
              </td>
              <td className={styles.num}>{fmtCount(e.n, lang)}</td>
              <td className={styles.num}>{fmtPercent(pct, lang)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function Crosstab({ crosstab, minCell, prompt }: { crosstab: CrosstabDto; minCell: number; prompt: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const label = useValueLabel();
  const values = [...new Set(crosstab.rows.flatMap((r) => r.distribution?.map((d) => d.value) ?? []))];
  const hasMean = crosstab.rows.some((r) => r.mean !== undefined);
  const columns = 2 + values.length + (hasMean ? 1 : 0);
  const caption = t('brand.report.crosstab', { prompt, segment: t(`brand.report.segments.${crosstab.segment}`) });
  return (
    <Scroll label={caption}>
      <table className={styles.table}>
        <caption className={styles.caption}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t(`brand.report.segments.${crosstab.segment}`)}</th>
            <th scope="col" className={styles.num}>
              {t('brand.report.count')}
            </th>
            {hasMean ? (
              <th scope="col" className={styles.num}>
                {t('brand.report.mean')}
              </th>
            ) : null}
            {values.map((v) => (
              <th key={v} scope="col" className={styles.num}>
                {v}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {crosstab.rows.map((r) => (
            <tr key={r.value}>
              <th scope="row">{label(crosstab.segment, r.value)}</th>
              {r.suppressed ? (
                <td colSpan={columns - 1} className={styles.suppressed}>
                  {t('brand.report.suppressed', { count: minCell, n: fmtCount(minCell, lang) })}
                </td>
              ) : (
                <>
                  <td className={styles.num}>{fmtCount(r.n, lang)}</td>
                  {hasMean ? <td className={styles.num}>{r.mean !== undefined ? fmtDecimal(r.mean, lang) : '—'}</td> : null}
                  {values.map((v) => {
                    const d = r.distribution?.find((x) => x.value === v);
                    const pct = d ? (d.pct ?? (r.n > 0 ? (100 * d.n) / r.n : 0)) : undefined;
                    return (
                      <td key={v} className={styles.num}>
                        {pct !== undefined ? fmtPercent(pct, lang) : '—'}
                      </td>
                    );
                  })}
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </Scroll>
  );
}

export function Counts({ caption, head, rows }: { caption: string; head: string; rows: [string, number][] }) {
  const { t, i18n } = useTranslation();
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col" className={styles.num}>
            {t('brand.report.count')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([text, n]) => (
          <tr key={text}>
            <th scope="row">{text}</th>
            <td className={styles.num}>{fmtCount(n, i18n.language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
