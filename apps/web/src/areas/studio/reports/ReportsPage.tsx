import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf } from '../../../api/problem';
import { DataTable } from '../../../components/DataTable';
import { Button } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import ws from '../../../components/Workspace.module.css';
import { formatDate } from '../../../i18n/format';
import { isGenerating, POLL_MS, reportKeys, sdkReportsApi, type Report, type ReportsApi } from './api';
import styles from './Reports.module.css';

const k = (key: string) => `studio.reports.${key}`;

/** `/studio/studies/$studyId/reports`: generate a report (progress until ready or failed), its versions. */
export function ReportsPage({ studyId, api = sdkReportsApi }: { studyId: string; api?: ReportsApi }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const reports = useInfiniteQuery({
    queryKey: reportKeys.list(studyId),
    queryFn: ({ pageParam }) => api.list(studyId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // a version still being generated (this tab reopened meanwhile): the list follows it
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some(isGenerating)) ? 2 * POLL_MS : false),
  });
  const rows = reports.data?.pages.flatMap((p) => p.items) ?? [];
  const generate = useMutation({
    mutationFn: () => api.generate(studyId),
    onSuccess: (r) => {
      setJobId(r.id);
      void queryClient.invalidateQueries({ queryKey: reportKeys.list(studyId) });
    },
  });
  const fmt = (iso: string | null) =>
    iso ? formatDate(iso, i18n.language, { dateStyle: 'medium', timeStyle: 'short' }) : t('studio.none');
  return (
    <div>
      <section className={ws.panel} aria-labelledby="reports-title">
        <div className={ws.head}>
          <h1 id="reports-title" className={ws.title}>
            {t(k('title'))}
          </h1>
          <Button isDisabled={generate.isPending} onPress={() => generate.mutate()}>
            {generate.isPending ? t(k('requesting')) : t(k('generate'))}
          </Button>
        </div>
        <p className={ws.muted}>{t(k('intro'))}</p>
        {generate.isError ? <FormAlert message={problemMessage(problemOf(generate.error), t)} /> : null}
        {jobId ? <Generation api={api} studyId={studyId} reportId={jobId} /> : null}
      </section>
      <section className={ws.panel} aria-labelledby="reports-versions">
        <h2 id="reports-versions" className={`${ws.subtitle} ${styles.flush}`}>
          {t(k('versions'))}
        </h2>
        {reports.isPending ? (
          <p role="status">{t('studio.loading')}</p>
        ) : reports.isError ? (
          <FormAlert message={problemMessage(problemOf(reports.error), t)} />
        ) : (
          <DataTable
            caption={t(k('caption'))}
            rows={rows}
            rowKey={(r) => r.id}
            empty={t(k('empty'))}
            hasMore={reports.hasNextPage}
            loadingMore={reports.isFetchingNextPage}
            onMore={() => void reports.fetchNextPage()}
            moreLabel={t('studio.more')}
            columns={[
              { key: 'version', header: t(k('version')), cell: (r) => t(k('versionN'), { version: r.version }), rowHeader: true },
              { key: 'status', header: t(k('status')), cell: (r) => <StatusBadge report={r} /> },
              { key: 'created', header: t(k('requestedAt')), cell: (r) => fmt(r.createdAt) },
              { key: 'generated', header: t(k('generatedAt')), cell: (r) => fmt(r.generatedAt) },
              { key: 'published', header: t(k('publishedAt')), cell: (r) => (r.publishedAt ? fmt(r.publishedAt) : t(k('notPublished'))) },
              {
                key: 'open',
                header: <span className={ws.visuallyHidden}>{t(k('actions'))}</span>,
                cell: (r) =>
                  r.status === 'ready' ? (
                    <Link
                      to="/studio/studies/$studyId/reports/$reportId"
                      params={{ studyId, reportId: r.id }}
                      className={styles.link}
                      aria-label={t(k('openLabel'), { version: r.version })}
                    >
                      {t(k('open'))}
                    </Link>
                  ) : r.status === 'failed' && r.error ? (
                    <span className={styles.failed}>{r.error}</span>
                  ) : null,
              },
            ]}
          />
        )}
      </section>
    </div>
  );
}

export function StatusBadge({ report }: { report: Pick<Report, 'status'> }) {
  const { t } = useTranslation();
  return <span className={`${ws.badge} ${report.status === 'failed' ? styles.failed : ''}`}>{t(k(`states.${report.status}`))}</span>;
}

/** A report being generated: asked about every second until it is ready (a link to it) or failed (why). */
export function Generation({ api, studyId, reportId }: { api: ReportsApi; studyId: string; reportId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const report = useQuery({
    queryKey: reportKeys.report(studyId, reportId),
    queryFn: () => api.get(reportId),
    refetchInterval: (q) => (q.state.data && !isGenerating(q.state.data) ? false : POLL_MS),
  });
  const done = report.data && !isGenerating(report.data);
  useEffect(() => {
    if (done) void queryClient.invalidateQueries({ queryKey: reportKeys.list(studyId) });
  }, [done, queryClient, studyId]);
  if (report.isError) return <FormAlert message={problemMessage(problemOf(report.error), t)} />;
  const r = report.data;
  return (
    <div className={styles.progress}>
      <p role="status" aria-live="polite">
        {!r
          ? t(k('progress.queued'))
          : r.status === 'ready'
            ? t(k('progress.ready'), { version: r.version })
            : r.status === 'failed'
              ? ''
              : t(k(`progress.${r.status}`), { version: r.version })}
      </p>
      {r && isGenerating(r) ? <progress className={styles.bar} aria-label={t(k('progress.label'))} /> : null}
      {r?.status === 'ready' ? (
        <Link to="/studio/studies/$studyId/reports/$reportId" params={{ studyId, reportId: r.id }} className={styles.link}>
          {t(k('progress.openIt'), { version: r.version })}
        </Link>
      ) : null}
      {r?.status === 'failed' ? (
        <FormAlert message={t(k('progress.failed'), { version: r.version, error: r.error || t(k('progress.noReason')) })} />
      ) : null}
    </div>
  );
}
