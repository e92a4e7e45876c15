import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  reportsControllerCsv,
  reportsControllerGet,
  reportsControllerHtml,
  reportsControllerJson,
  shareLinksControllerList,
  shareLinksControllerRevoke,
  type ReportContentDto,
  type ShareLinkItemDto,
} from '../../api/generated';
import { problemMessage, problemOf } from '../../api/problem';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DataTable, type Column } from '../../components/DataTable';
import { Button } from '../../components/Form';
import ws from '../../components/Workspace.module.css';
import { formatDate } from '../../i18n/format';
import { ReportView } from '../../reports/ReportView';
import { saveBlob } from '../../api/save-blob';
import { brandKeys, reportFileName, studyQuery } from './api';
import styles from './Brand.module.css';

const notFound = (error: unknown) => {
  const status = problemOf(error)?.status;
  return status === 404 || status === 403;
};

/** `/brand/reports/:reportId`: the report in the app, its downloads and its share links. */
export function BrandReportPage({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const report = useQuery({
    queryKey: brandKeys.report(reportId),
    queryFn: async () => (await reportsControllerGet({ path: { id: reportId }, throwOnError: true })).data,
    retry: false,
  });
  const ready = report.data?.status === 'ready';
  const content = useQuery({
    queryKey: brandKeys.content(reportId),
    queryFn: async () => (await reportsControllerJson({ path: { id: reportId }, throwOnError: true })).data as ReportContentDto,
    enabled: ready,
    retry: false,
  });

  if (report.isPending) return <Shell title={t('brand.report.loadingTitle')} status={t('brand.loading')} />;
  if (report.isError || content.isError) {
    const error = report.error ?? content.error;
    if (notFound(error)) return <Shell title={t('brand.report.notAvailableTitle')} text={t('brand.report.notAvailable')} back />;
    return <Shell title={t('brand.report.errorTitle')} text={problemMessage(problemOf(error), t)} back alert />;
  }
  if (report.data.status === 'failed') return <Shell title={t('brand.report.failedTitle')} text={t('brand.report.failed')} back />;
  if (!ready) return <Shell title={t('brand.report.notReadyTitle')} text={t('brand.report.notReady')} back />;
  if (content.isPending) return <Shell title={t('brand.report.loadingTitle')} status={t('brand.loading')} />;
  return <ReportPage reportId={reportId} content={content.data} publishedAt={report.data.publishedAt} />;
}

function Shell({ title, text, status, back, alert }: { title: string; text?: string; status?: string; back?: boolean; alert?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={styles.page}>
      <div className={styles.card}>
        <h1 className={styles.title}>{title}</h1>
        {status ? <p role="status">{status}</p> : null}
        {text ? (
          <p role={alert ? 'alert' : undefined} className={alert ? styles.error : undefined}>
            {text}
          </p>
        ) : null}
        {back ? (
          <Link to="/brand" className={styles.link}>
            {t('brand.report.backToList')}
          </Link>
        ) : null}
      </div>
    </div>
  );
}

function ReportPage({ reportId, content, publishedAt }: { reportId: string; content: ReportContentDto; publishedAt: string | null }) {
  const { t, i18n } = useTranslation();
  const study = useQuery({ ...studyQuery(content.studyId), enabled: !content.study?.title });
  const title = content.study?.title ?? study.data?.title ?? '';
  return (
    <div className={styles.page}>
      <div className={styles.card}>
        <Link to="/brand" className={styles.link}>
          {t('brand.report.backToList')}
        </Link>
        <h1 className={styles.title}>{t('brand.report.title', { title, version: content.version })}</h1>
        <p className={styles.muted}>
          {t('brand.report.generatedOn', { date: formatDate(content.generatedAt, i18n.language) })}
          {publishedAt ? ` · ${t('brand.publishedOn', { date: formatDate(publishedAt, i18n.language) })}` : ''}
        </p>
        <Downloads reportId={reportId} title={title} version={content.version} />
        <ReportView report={content} />
        <ShareLinks reportId={reportId} />
      </div>
    </div>
  );
}

/** The report's CSV, JSON and HTML downloads (also used by the studio's report page). */
export function Downloads({ reportId, title, version }: { reportId: string; title: string; version: number }) {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: async (kind: 'csv' | 'json' | 'html') => {
      // the configured client: the session's Authorization header (and its refresh), read as a file
      const path = { id: reportId };
      const { data } =
        kind === 'csv'
          ? await reportsControllerCsv({ path, throwOnError: true, parseAs: 'blob' })
          : kind === 'html'
            ? await reportsControllerHtml({ path, throwOnError: true, parseAs: 'blob' })
            : await reportsControllerJson({ path, throwOnError: true, parseAs: 'blob' });
      const type = kind === 'csv' ? 'text/csv' : kind === 'html' ? 'text/html' : 'application/json';
      const blob = data instanceof Blob ? data : new Blob([typeof data === 'string' ? data : JSON.stringify(data, null, 2)], { type });
      saveBlob(blob, reportFileName(title, version, kind));
    },
  });
  return (
    <section aria-label={t('brand.report.downloads')}>
      <div className={styles.toolbar}>
        <Button isDisabled={download.isPending} onPress={() => download.mutate('csv')}>
          {t('brand.report.downloadCsv')}
        </Button>
        <Button isDisabled={download.isPending} onPress={() => download.mutate('json')}>
          {t('brand.report.downloadJson')}
        </Button>
        <Button isDisabled={download.isPending} onPress={() => download.mutate('html')}>
          {t('brand.report.downloadHtml')}
        </Button>
      </div>
      <p role="status" className={styles.status}>
        {download.isPending ? t('brand.report.preparing') : download.isSuccess ? t('brand.report.downloaded') : ''}
      </p>
      {download.isError ? (
        <p role="alert" className={styles.error}>
          {problemMessage(problemOf(download.error), t)}
        </p>
      ) : null}
    </section>
  );
}

function linkState(link: ShareLinkItemDto, now = Date.now()): 'revoked' | 'expired' | 'active' {
  if (link.revokedAt) return 'revoked';
  return new Date(link.expiresAt).getTime() <= now ? 'expired' : 'active';
}

function ShareLinks({ reportId }: { reportId: string }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const links = useQuery({
    queryKey: brandKeys.shareLinks(reportId),
    queryFn: async () => (await shareLinksControllerList({ path: { id: reportId }, throwOnError: true })).data,
  });
  const revoke = useMutation({
    mutationFn: async (link: ShareLinkItemDto) => {
      await shareLinksControllerRevoke({ path: { id: link.id }, throwOnError: true });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: brandKeys.shareLinks(reportId) });
    },
  });
  const fmt = (iso: string) => formatDate(iso, i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const columns: Column<ShareLinkItemDto>[] = [
    { key: 'created', header: t('brand.share.created'), cell: (link) => fmt(link.createdAt) },
    { key: 'expires', header: t('brand.share.expires'), cell: (link) => fmt(link.expiresAt) },
    { key: 'state', header: t('brand.share.state'), cell: (link) => t(`brand.share.states.${linkState(link)}`) },
    {
      key: 'actions',
      header: <span className={ws.visuallyHidden}>{t('brand.share.actions')}</span>,
      cell: (link) =>
        linkState(link) === 'active' ? (
          <ConfirmDialog
            trigger={t('brand.share.revoke')}
            triggerLabel={t('brand.share.revokeLabel', { date: fmt(link.createdAt) })}
            isDisabled={revoke.isPending}
            title={t('brand.share.confirmTitle')}
            confirm={t('brand.share.confirm')}
            cancel={t('brand.share.cancel')}
            onConfirm={() => revoke.mutate(link)}
          >
            <p>{t('brand.share.confirmBody')}</p>
          </ConfirmDialog>
        ) : null,
    },
  ];
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t('brand.share.title')}
      </h2>
      <p className={styles.muted}>{t('brand.share.intro')}</p>
      {revoke.isError ? (
        <p role="alert" className={styles.error}>
          {problemMessage(problemOf(revoke.error), t)}
        </p>
      ) : null}
      {links.isPending ? (
        <p role="status">{t('brand.loading')}</p>
      ) : links.isError ? (
        <p role="alert" className={styles.error}>
          {problemMessage(problemOf(links.error), t)}
        </p>
      ) : (
        <DataTable
          caption={t('brand.share.caption')}
          columns={columns}
          rows={links.data.items}
          rowKey={(link) => link.id}
          empty={t('brand.share.empty')}
        />
      )}
    </section>
  );
}
