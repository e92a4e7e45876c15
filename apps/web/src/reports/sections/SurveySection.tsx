import { useTranslation } from 'react-i18next';
import type { QuestionReportDto, SurveyReportDto } from '../../api/generated';
import { fmtCount, fmtDecimal, fmtInterval, fmtPercent } from '../format';
import styles from '../Report.module.css';
import { Quotes, Section } from './parts';
import { Counts, Crosstab, Distribution } from './QuestionTables';

export function SurveySection({ survey, minCell }: { survey: SurveyReportDto; minCell: number }) {
  const { t, i18n } = useTranslation();
  return (
    <Section title={t('brand.report.survey', { title: survey.title })}>
      <p className={styles.muted}>
        {t('brand.report.respondentsCount', { count: survey.respondents, n: fmtCount(survey.respondents, i18n.language) })}
      </p>
      {survey.questions.map((q) => (
        <Question key={q.id} question={q} minCell={minCell} />
      ))}
    </Section>
  );
}

function Question({ question: q, minCell }: { question: QuestionReportDto; minCell: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const stats: [string, string][] = [];
  if (q.mean !== undefined) stats.push([t('brand.report.mean'), fmtDecimal(q.mean, lang)]);
  if (q.median !== undefined) stats.push([t('brand.report.median'), fmtDecimal(q.median, lang)]);
  if (q.sd !== undefined) stats.push([t('brand.report.sd'), fmtDecimal(q.sd, lang)]);
  if (q.ci95) stats.push([t('brand.report.ci95Label'), fmtInterval(q.ci95, lang)]);
  if (q.nps) {
    stats.push([t('brand.report.nps'), fmtDecimal(q.nps.score, lang)]);
    stats.push([t('brand.report.promoters'), fmtPercent(q.nps.promoters, lang)]);
    stats.push([t('brand.report.passives'), fmtPercent(q.nps.passives, lang)]);
    stats.push([t('brand.report.detractors'), fmtPercent(q.nps.detractors, lang)]);
  }
  if (q.sus) stats.push([t('brand.report.sus'), `${fmtDecimal(q.sus.mean, lang)} (${q.sus.grade})`]);
  if (q.top2box) stats.push([t('brand.report.top2box'), fmtPercent(q.top2box.pct, lang)]);
  return (
    <Section title={q.prompt} level={3}>
      <p className={styles.muted}>{t('brand.report.answers', { count: q.n, n: fmtCount(q.n, lang) })}</p>
      {stats.length ? (
        <dl className={styles.stats}>
          {stats.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {q.distribution?.length ? (
        <Distribution caption={t('brand.report.distribution', { prompt: q.prompt })} entries={q.distribution} total={q.n} />
      ) : null}
      {q.crosstabs?.map((c) => (
        <Crosstab key={c.segment} crosstab={c} minCell={minCell} prompt={q.prompt} />
      ))}
      {q.terms?.length ? (
        <Counts caption={t('brand.report.terms')} head={t('brand.report.term')} rows={q.terms.map((x) => [x.term, x.n])} />
      ) : null}
      {q.phrases?.length ? (
        <Counts caption={t('brand.report.phrases')} head={t('brand.report.phrase')} rows={q.phrases.map((x) => [x.phrase, x.n])} />
      ) : null}
      {q.quotes?.length ? <Quotes quotes={q.quotes} /> : null}
    </Section>
  );
}
