import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CompositionDto,
  CrosstabDto,
  DistributionEntryDto,
  FeedbackSummaryDto,
  QuestionReportDto,
  ReportContentDto,
  SurveyReportDto,
} from '../api/generated';
import { countryName, fmtCount, fmtDecimal, fmtInterval, fmtPercent, NPS_RANGE, PERCENT_RANGE, SUS_RANGE } from './format';
import styles from './Report.module.css';

type Segment = CrosstabDto['segment'];

/**
 * The label of a coded value (a gender, a tier, a country…) in the reader's language: never
 * the raw code, except for an unknown code (a newer API) and for age bands, which read as they are.
 */
export function useValueLabel() {
  const { t, i18n } = useTranslation();
  return (segment: Segment | 'idea' | 'kind' | 'severity' | 'status', value: string): string => {
    switch (segment) {
      case 'country':
        return countryName(value, i18n.language);
      case 'ageBand':
        return value.replace('-', '–');
      case 'gender':
        return t(`brand.report.codes.gender.${value}`, { defaultValue: value });
      case 'tier':
        return t(`brand.report.codes.tier.${value}`, { defaultValue: value });
      case 'idea':
        return t(`brand.report.codes.idea.${value}`, { defaultValue: value });
      case 'kind':
        return t(`brand.report.codes.kind.${value}`, { defaultValue: value });
      case 'severity':
        return t(`brand.report.codes.severity.${value}`, { defaultValue: value });
      case 'status':
        return t(`brand.report.codes.feedbackStatus.${value}`, { defaultValue: value });
    }
  };
}

/** A report, natively: key figures first, then each survey's questions, discussions, home testing, feedback, funnel and composition. */
export function ReportView({ report }: { report: ReportContentDto }) {
  return (
    <div className={styles.report}>
      <KeyFigures report={report} />
      {report.surveys.map((s) => (
        <SurveySection key={s.surveyId} survey={s} minCell={report.minCell} />
      ))}
      <DiscussionsSection report={report} />
      <HomeTestingSection report={report} />
      <FeedbackSection feedback={report.feedback} />
      <FunnelSection report={report} />
      <CompositionSection composition={report.composition} />
    </div>
  );
}

function Section({ title, children, level = 2 }: { title: string; children: ReactNode; level?: 2 | 3 }) {
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

function KeyFigures({ report }: { report: ReportContentDto }) {
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

function SurveySection({ survey, minCell }: { survey: SurveyReportDto; minCell: number }) {
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

/** A bar chart that is a real table: each row has its label, a bar (decorative), its count and its share. */
function Distribution({ caption, entries, total }: { caption: string; entries: DistributionEntryDto[]; total: number }) {
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

function Crosstab({ crosstab, minCell, prompt }: { crosstab: CrosstabDto; minCell: number; prompt: string }) {
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

/** A wide table's container: scrolls sideways on a narrow screen, reachable with the keyboard to do so. */
function Scroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={styles.scroll} role="group" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

function Counts({ caption, head, rows }: { caption: string; head: string; rows: [string, number][] }) {
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

function Quotes({ quotes }: { quotes: { pseudonym: string; text: string }[] }) {
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

function DiscussionsSection({ report }: { report: ReportContentDto }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const label = useValueLabel();
  const d = report.discussions;
  if (!d.rounds.length && !d.codes.length && !d.topIdeas.length) return null;
  return (
    <Section title={t('brand.report.discussions')}>
      {d.rounds.length ? (
        <table className={styles.table}>
          <caption className={styles.caption}>{t('brand.report.rounds')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('brand.report.round')}</th>
              <th scope="col" className={styles.num}>
                {t('brand.report.posts')}
              </th>
              <th scope="col" className={styles.num}>
                {t('brand.report.participants')}
              </th>
              <th scope="col" className={styles.num}>
                {t('brand.report.participation')}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.rounds.map((r) => (
              <tr key={r.roundId}>
                <th scope="row">{r.title}</th>
                <td className={styles.num}>{fmtCount(r.posts, lang)}</td>
                <td className={styles.num}>{fmtCount(r.participants, lang)}</td>
                <td className={styles.num}>{r.participationRate !== undefined ? fmtPercent(r.participationRate, lang) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {d.codes.length ? (
        <Section title={t('brand.report.codesTitle')} level={3}>
          {d.codes.map((c) => (
            <div key={c.codeId} className={styles.code}>
              <p className={styles.codeName}>
                {c.name} <span className={styles.muted}>{t('brand.report.postsCount', { count: c.n, n: fmtCount(c.n, lang) })}</span>
              </p>
              {c.quotes.length ? <Quotes quotes={c.quotes} /> : null}
            </div>
          ))}
        </Section>
      ) : null}
      {d.topIdeas.length ? (
        <Section title={t('brand.report.topIdeas')} level={3}>
          <ol className={styles.ideas}>
            {d.topIdeas.map((idea) => (
              <li key={idea.postId}>
                <figure className={styles.quote}>
                  <blockquote>{idea.text}</blockquote>
                  <figcaption>
                    {idea.pseudonym} · {t('brand.report.likes', { count: idea.likes, n: fmtCount(idea.likes, lang) })} ·{' '}
                    {label('idea', idea.status)}
                  </figcaption>
                </figure>
              </li>
            ))}
          </ol>
        </Section>
      ) : null}
    </Section>
  );
}

function HomeTestingSection({ report }: { report: ReportContentDto }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const products = report.homeTesting.products;
  if (!products.length) return null;
  const cols = ['allocated', 'shipped', 'delivered', 'returned', 'lost'] as const;
  return (
    <Section title={t('brand.report.homeTesting')}>
      <Scroll label={t('brand.report.products')}>
        <table className={styles.table}>
          <caption className={styles.caption}>{t('brand.report.products')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('brand.report.product')}</th>
              {cols.map((c) => (
                <th key={c} scope="col" className={styles.num}>
                  {t(`brand.report.shipping.${c}`)}
                </th>
              ))}
              <th scope="col" className={styles.num}>
                {t('brand.report.medianDays')}
              </th>
            </tr>
          </thead>
          <tbody>
            {products.map((p) => (
              <tr key={p.productId}>
                <th scope="row">
                  {p.name} <span className={styles.muted}>({p.sku})</span>
                </th>
                {cols.map((c) => (
                  <td key={c} className={styles.num}>
                    {fmtCount(p[c], lang)}
                  </td>
                ))}
                <td className={styles.num}>{p.medianDaysToDelivery !== undefined ? fmtDecimal(p.medianDaysToDelivery, lang) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Scroll>
    </Section>
  );
}

function FeedbackSection({ feedback }: { feedback: FeedbackSummaryDto }) {
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

function FunnelSection({ report }: { report: ReportContentDto }) {
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

function CompositionSection({ composition }: { composition: CompositionDto }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const label = useValueLabel();
  const segments = ['country', 'gender', 'ageBand', 'tier'] as const;
  return (
    <Section title={t('brand.report.composition')}>
      <div className={styles.columns}>
        {segments
          .filter((s) => composition[s]?.length)
          .map((s) => (
            <table key={s} className={styles.table}>
              <caption className={styles.caption}>{t(`brand.report.segments.${s}`)}</caption>
              <tbody>
                {composition[s].map((v) => (
                  <tr key={v.value}>
                    <th scope="row">{label(s, v.value)}</th>
                    <td className={styles.num}>{fmtCount(v.n, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
      </div>
    </Section>
  );
}
