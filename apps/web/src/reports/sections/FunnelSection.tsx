import { useTranslation } from 'react-i18next';
import type { ReportContentDto } from '../../api/generated';
import { fmtCount } from '../format';
import styles from '../Report.module.css';
import { useValueLabel, type Segment } from '../valueLabel';
import { Section } from './parts';

export function FunnelSection({ report }: { report: ReportContentDto }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const label = useValueLabel();
  const stages = ['invited', 'accepted', 'declined', 'expired', 'waitlisted', 'enrolled', 'completed'] as const;
  const max = Math.max(1, report.funnel.invited);
  return (
    <Section title={t('brand.report.funnel')}>
      <table className={styles.table}>
        <caption className={styles.caption}>{t('brand.report.funnelCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('brand.report.stage')}</th>
            <th scope="col" className={styles.barCol}>
              <span className={styles.visuallyHidden}>{t('brand.report.chart')}</span>
            </th>
            <th scope="col" className={styles.num}>
              {t('brand.report.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {stages.map((s) => (
            <tr key={s}>
              <th scope="row">{t(`brand.report.stages.${s}`)}</th>
              <td className={styles.barCol} aria-hidden="true">
                <span className={styles.bar} style={{ width: `${Math.min(100, (100 * report.funnel[s]) / max)}%` }} />
              </td>
              <td className={styles.num}>{fmtCount(report.funnel[s], lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.quotas.length ? (
        <table className={styles.table}>
          <caption className={styles.caption}>{t('brand.report.quotas')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('brand.report.quotaCell')}</th>
              <th scope="col" className={styles.num}>
                {t('brand.report.target')}
              </th>
              <th scope="col" className={styles.num}>
                {t('brand.report.stages.enrolled')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.quotas.map((q) => (
              <tr key={`${q.dimension}-${q.value}`}>
                <th scope="row">
                  {t('brand.report.quotaCellLabel', {
                    dimension: t(`brand.report.segments.${q.dimension}`, { defaultValue: q.dimension }),
                    value: label(q.dimension as Segment, q.value),
                  })}
                </th>
                <td className={styles.num}>{fmtCount(q.target, lang)}</td>
                <td className={styles.num}>{fmtCount(q.enrolled, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Section>
  );
}
