import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportContentDto } from '../../api/generated';
import { fmtCount, fmtDecimal, fmtInterval, fmtPercent, NPS_RANGE, PERCENT_RANGE, SUS_RANGE } from '../format';
import styles from '../Report.module.css';
import { Section } from './parts';

export function KeyFigures({ report }: { report: ReportContentDto }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <Section title={t('brand.report.keyFigures')}>
      {report.surveys.map((survey) => (
        <div key={survey.surveyId} className={styles.keyGroup}>
          <h3 className={styles.subheading}>{survey.title}</h3>
          <ul className={styles.cards}>
            <li className={styles.card}>
              <span className={styles.cardLabel}>{t('brand.report.respondents')}</span>
              <span className={styles.cardValue}>{fmtCount(survey.respondents, lang)}</span>
            </li>
            {survey.questions.flatMap((q) => {
              const cards: ReactNode[] = [];
              if (q.nps)
                cards.push(
                  <li key={`${q.id}-nps`} className={styles.card}>
                    <span className={styles.cardLabel}>{t('brand.report.nps')}</span>
                    <span className={styles.cardValue}>{fmtDecimal(q.nps.score, lang)}</span>
                    <span className={styles.cardDetail}>
                      {t('brand.report.ci95', { interval: fmtInterval(q.nps.ci95, lang, false, NPS_RANGE) })}
                    </span>
                    <span className={styles.cardDetail}>{q.prompt}</span>
                  </li>,
                );
              if (q.sus)
                cards.push(
                  <li key={`${q.id}-sus`} className={styles.card}>
                    <span className={styles.cardLabel}>{t('brand.report.sus')}</span>
                    <span className={styles.cardValue}>{fmtDecimal(q.sus.mean, lang)}</span>
                    <span className={styles.cardDetail}>{t('brand.report.grade', { grade: q.sus.grade })}</span>
                    {q.sus.ci95 ? (
                      <span className={styles.cardDetail}>
                        {t('brand.report.ci95', { interval: fmtInterval(q.sus.ci95, lang, false, SUS_RANGE) })}
                      </span>
                    ) : null}
                  </li>,
                );
              if (q.top2box)
                cards.push(
                  <li key={`${q.id}-t2b`} className={styles.card}>
                    <span className={styles.cardLabel}>{t('brand.report.top2box')}</span>
                    <span className={styles.cardValue}>{fmtPercent(q.top2box.pct, lang)}</span>
                    <span className={styles.cardDetail}>
                      {t('brand.report.ci95', { interval: fmtInterval(q.top2box.ci95, lang, true, PERCENT_RANGE) })}
                    </span>
                    <span className={styles.cardDetail}>{q.prompt}</span>
                  </li>,
                );
              return cards;
            })}
          </ul>
        </div>
      ))}
    </Section>
  );
}
