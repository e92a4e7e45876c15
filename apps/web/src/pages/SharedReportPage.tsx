import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { shareLinksControllerSharedJson, type ReportContentDto } from '../api/generated';
import { problemMessage, problemOf } from '../api/problem';
import { formatDate } from '../i18n/format';
import { ReportView } from '../reports/ReportView';
import styles from './SharedReportPage.module.css';

/**
 * `/r/:token`: a report shared by link, shown natively without an account (GET
 * /shared/reports/:token/report.json). An expired, revoked or unknown link is a 404 like the
 * HTML one: said plainly, never a broken page. The HTML form stays at /api/v1/shared/reports/:token.
 */
export function SharedReportPage({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const report = useQuery({
    queryKey: ['shared', 'report', token],
    queryFn: async () => (await shareLinksControllerSharedJson({ path: { token }, throwOnError: true })).data as ReportContentDto,
    retry: false,
    staleTime: Infinity,
  });

  if (report.isPending)
    return (
      <Shell title={t('shared.title')}>
        <p role="status">{t('shared.loading')}</p>
      </Shell>
    );
  if (report.isError) {
    const status = problemOf(report.error)?.status;
    if (status === 404 || status === 400)
      return (
        <Shell title={t('shared.goneTitle')}>
          <p>{t('shared.gone')}</p>
        </Shell>
      );
    return (
      <Shell title={t('shared.errorTitle')}>
        <p role="alert" className={styles.error}>
          {problemMessage(problemOf(report.error), t)}
        </p>
      </Shell>
    );
  }
  const content = report.data;
  const title = content.study?.title
    ? t('shared.reportTitle', { title: content.study.title, version: content.version })
    : t('shared.title');
  return (
    <Shell title={title}>
      <p className={styles.intro}>{t('shared.body')}</p>
      <p className={styles.muted}>{t('brand.report.generatedOn', { date: formatDate(content.generatedAt, i18n.language) })}</p>
      <p>
        {/* the same link's printable HTML, served by the API as before */}
        <a className={styles.link} href={`/api/v1/shared/reports/${encodeURIComponent(token)}`} rel="noreferrer">
          {t('shared.openHtml')}
        </a>
      </p>
      <ReportView report={content} />
    </Shell>
  );
}

function Shell({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className={styles.page}>
      <div className={styles.card}>
        <h1 className={styles.title}>{title}</h1>
        {children}
      </div>
    </div>
  );
}
