import { useTranslation } from 'react-i18next';
import { Note, Page } from '../../../components/Page';
import { formatDate, formatNumber } from '../../../i18n/format';
import { useMyPoints, type PointsEntry } from '../shared/api';
import { errorMessage } from '../shared/errors';
import styles from './Points.module.css';

/** `/me/points`: the balance and the ledger, newest first. */
export function PointsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const points = useMyPoints();
  const reasons: Record<string, string> = {
    survey_submitted: t('points.reason.survey_submitted'),
    discussion_post: t('points.reason.discussion_post'),
  };
  const reasonOf = (e: PointsEntry) => reasons[e.reason] ?? t('points.reason.other');
  const signed = (n: number) => new Intl.NumberFormat(lang, { signDisplay: 'always' }).format(n);
  return (
    <Page title={t('points.title')} intro={t('points.intro')}>
      {points.isPending ? (
        <p role="status">{t('points.loading')}</p>
      ) : points.isError ? (
        <Note>{errorMessage(points.error, t)}</Note>
      ) : (
        <>
          <p className={styles.balance}>
            <span className={styles.balanceLabel}>{t('points.balance')}</span>
            <strong className={styles.balanceValue}>
              {t('points.amount', { count: points.data.balance, formatted: formatNumber(points.data.balance, lang) })}
            </strong>
          </p>
          <h2 className={styles.heading}>{t('points.ledger')}</h2>
          {points.data.entries.length === 0 ? (
            <Note>{t('points.empty')}</Note>
          ) : (
            <ul className={styles.ledger}>
              {[...points.data.entries]
                .sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime())
                .map((e) => (
                  <li key={e.id} className={styles.entry}>
                    <span className={styles.what}>
                      <span className={styles.reason}>{reasonOf(e)}</span>
                      {e.note ? <span className={styles.note}>{e.note}</span> : null}
                      <time dateTime={e.createdAt} className={styles.date}>
                        {formatDate(e.createdAt, lang, { dateStyle: 'medium' })}
                      </time>
                    </span>
                    <span className={styles.delta} data-sign={e.delta < 0 ? 'minus' : 'plus'}>
                      {t('points.delta', { count: Math.abs(e.delta), formatted: signed(e.delta) })}
                    </span>
                  </li>
                ))}
            </ul>
          )}
        </>
      )}
    </Page>
  );
}
