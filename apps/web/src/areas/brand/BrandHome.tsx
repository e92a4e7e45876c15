import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { reportsControllerBrandReports, type BrandReportDto } from '../../api/generated';
import { problemMessage, problemOf } from '../../api/problem';
import { Button } from '../../components/Form';
import { formatDate } from '../../i18n/format';
import { brandKeys } from './api';
import styles from './Brand.module.css';

/** `/brand`: the brand's published reports, newest first, a page at a time. */
export function BrandHome() {
  const { t } = useTranslation();
  const reports = useInfiniteQuery({
    queryKey: brandKeys.reports,
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      (await reportsControllerBrandReports({ query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) }, throwOnError: true })).data,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const items = reports.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className={styles.page}>
      <div className={styles.card}>
        <h1 className={styles.title}>{t('brand.title')}</h1>
        <p className={styles.intro}>{t('brand.intro')}</p>
        {reports.isPending ? (
          <p role="status">{t('brand.loading')}</p>
        ) : reports.isError ? (
          <p role="alert" className={styles.error}>
            {problemMessage(problemOf(reports.error), t)}
          </p>
        ) : items.length === 0 ? (
          <p role="status">{t('brand.empty')}</p>
        ) : (
          <>
            <ul className={styles.list}>
              {items.map((r) => (
                <ReportItem key={r.id} report={r} />
              ))}
            </ul>
            {reports.hasNextPage ? (
              <Button isDisabled={reports.isFetchingNextPage} onPress={() => void reports.fetchNextPage()}>
                {reports.isFetchingNextPage ? t('brand.loading') : t('brand.showMore')}
              </Button>
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}

/** One report: its study's title comes with it (GET /brand/reports), never a request per row. */
function ReportItem({ report }: { report: BrandReportDto }) {
  const { t, i18n } = useTranslation();
  const title = report.studyTitle || t('brand.studyUntitled');
  return (
    <li className={styles.item}>
      <div>
        <Link to="/brand/reports/$reportId" params={{ reportId: report.id }} className={styles.link}>
          {t('brand.reportLink', { title, version: report.version })}
        </Link>
        <div className={styles.muted}>
          {report.publishedAt ? t('brand.publishedOn', { date: formatDate(report.publishedAt, i18n.language) }) : null}
        </div>
      </div>
    </li>
  );
}
