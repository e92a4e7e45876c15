import { useTranslation } from 'react-i18next';
import type { ReportContentDto } from '../../api/generated';
import { fmtCount, fmtPercent } from '../format';
import styles from '../Report.module.css';
import { useValueLabel } from '../valueLabel';
import { Quotes, Section } from './parts';

export function DiscussionsSection({ report }: { report: ReportContentDto }) {
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
