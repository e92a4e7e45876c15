import { useTranslation } from 'react-i18next';
import type { FeedbackSummaryDto } from '../../api/generated';
import { fmtCount } from '../format';
import styles from '../Report.module.css';
import { useValueLabel } from '../valueLabel';
import { Section } from './parts';

export function FeedbackSection({ feedback }: { feedback: FeedbackSummaryDto }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const label = useValueLabel();
  const groups = [
    ['kind', feedback.byKind, t('brand.report.byKind')],
    ['severity', feedback.bySeverity, t('brand.report.bySeverity')],
    ['status', feedback.byStatus, t('brand.report.byStatus')],
  ] as const;
  // no feedback filed: the section would be a grid of zeros
  const filed = Object.values(feedback.byKind).reduce((sum, n) => sum + n, 0);
  if (filed === 0 && !feedback.top.length) return null;
  return (
    <Section title={t('brand.report.feedback')}>
      <div className={styles.columns}>
        {groups.map(([key, counts, caption]) => (
          <table key={key} className={styles.table}>
            <caption className={styles.caption}>{caption}</caption>
            <tbody>
              {Object.entries(counts).map(([code, n]) => (
                <tr key={code}>
                  <th scope="row">{label(key, code)}</th>
                  <td className={styles.num}>{fmtCount(n, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </div>
      {feedback.top.length ? (
        <table className={styles.table}>
          <caption className={styles.caption}>{t('brand.report.topFeedback')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('brand.report.feedbackTitle')}</th>
              <th scope="col">{t('brand.report.kind')}</th>
              <th scope="col">{t('brand.report.severity')}</th>
              <th scope="col">{t('brand.report.status')}</th>
              <th scope="col" className={styles.num}>
                {t('brand.report.meToo')}
              </th>
            </tr>
          </thead>
          <tbody>
            {feedback.top.map((f) => (
              <tr key={f.id}>
                <th scope="row">{f.title}</th>
                <td>{label('kind', f.kind)}</td>
                <td>{f.severity ? label('severity', f.severity) : '—'}</td>
                <td>{label('status', f.status)}</td>
                <td className={styles.num}>{fmtCount(f.meToo, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Section>
  );
}
