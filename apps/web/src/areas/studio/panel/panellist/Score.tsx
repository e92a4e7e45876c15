import { useTranslation } from 'react-i18next';
import ws from '../../../../components/Workspace.module.css';
import { formatDate, formatNumber } from '../../../../i18n/format';
import type { PanellistDetail, ScreenerAnswer } from '../api';
import styles from '../Panel.module.css';
import { Section } from './parts';

function answerText(a: ScreenerAnswer, t: (k: string, o?: Record<string, unknown>) => string, lang: string): string {
  if (a.answer === null) return t('studio.panel.score.unanswered');
  if (a.labels.length) return a.labels.join(', ');
  if (typeof a.answer === 'number') {
    return a.scale ? t('studio.panel.score.onScale', { value: a.answer, scale: a.scale }) : formatNumber(a.answer, lang);
  }
  return Array.isArray(a.answer) ? a.answer.join(', ') : String(a.answer);
}

function Answers({ answers, caption }: { answers: ScreenerAnswer[]; caption: string }) {
  const { t, i18n } = useTranslation();
  return (
    <table className={`${ws.table} ${styles.answers}`}>
      <caption className={ws.visuallyHidden}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('studio.panel.score.question')}</th>
          <th scope="col">{t('studio.panel.score.answer')}</th>
        </tr>
      </thead>
      <tbody>
        {answers.map((a) => (
          <tr key={a.questionId}>
            <th scope="row" className={styles.prompt}>
              {a.prompt}
              {a.reverse ? <span className={styles.reverse}> {t('studio.panel.score.reverse')}</span> : null}
            </th>
            <td>{answerText(a, t, i18n.language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const DIMENSION_ORDER = ['ahead_of_trend', 'expected_benefit', 'own_solutions', 'expertise', 'opinion_leadership'];

export function Score({ p }: { p: PanellistDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const s = p.scoreBreakdown;
  const answers = p.screener?.answers ?? [];
  // the screener's usual order, whatever the order of the object's keys
  const rank = (d: string) => (DIMENSION_ORDER.includes(d) ? DIMENSION_ORDER.indexOf(d) : DIMENSION_ORDER.length);
  const dimensions = Object.entries(s.dimensions).sort(([a], [b]) => rank(a) - rank(b));
  const others = answers.filter((a) => !a.dimension);
  return (
    <Section id="panellist-score" title={t('studio.panel.detail.score')}>
      <p className={styles.overall}>
        {s.overall === null ? (
          t('studio.panel.score.none')
        ) : (
          <>
            {t('studio.panel.score.overall', { score: formatNumber(s.overall, lang) })}
            {s.tier ? <span className={ws.badge}>{t(`studio.panel.tier.${s.tier}`)}</span> : null}
          </>
        )}
      </p>
      {p.screener ? (
        <p className={ws.muted}>
          {t('studio.panel.score.from', {
            title: p.screener.title,
            date: formatDate(p.screener.answeredAt, lang, { dateStyle: 'medium' }),
          })}
        </p>
      ) : null}
      {dimensions.map(([dimension, value]) => {
        const name = t(`studio.panel.dimension.${dimension}`, { defaultValue: dimension });
        const behind = answers.filter((a) => a.dimension === dimension);
        return (
          <div key={dimension} className={styles.dimension}>
            <h3 className={styles.subTitle} id={`dim-${dimension}`}>
              {name} <span className={styles.dimensionScore}>{formatNumber(value, lang)}</span>
            </h3>
            <meter className={styles.meter} min={0} max={100} value={value} aria-labelledby={`dim-${dimension}`}>
              {formatNumber(value, lang)}
            </meter>
            {behind.length ? <Answers answers={behind} caption={t('studio.panel.score.behind', { dimension: name })} /> : null}
          </div>
        );
      })}
      {others.length ? (
        <>
          <h3 className={styles.subTitle}>{t('studio.panel.score.others')}</h3>
          <Answers answers={others} caption={t('studio.panel.score.others')} />
        </>
      ) : null}
      {!p.screener ? <p className={ws.muted}>{t('studio.panel.score.noScreener')}</p> : null}
    </Section>
  );
}
