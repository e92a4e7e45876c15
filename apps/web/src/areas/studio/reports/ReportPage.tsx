import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm, problemMessage, problemOf } from '../../../api/problem';
import { Downloads as ReportDownloads } from '../../brand/BrandReportPage';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { DataTable } from '../../../components/DataTable';
import { Button } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import { Note } from '../../../components/Page';
import ws from '../../../components/Workspace.module.css';
import { formatDate } from '../../../i18n/format';
import { ReportView } from '../../../reports/ReportView';
import { Field } from '../../../components/Field';
import { useStudy } from '../api';
import {
  isGenerating,
  MAX_SHARE_HOURS,
  POLL_MS,
  reportKeys,
  sdkReportsApi,
  type CreatedShareLink,
  type Report,
  type ReportsApi,
  type ShareLink,
} from './api';
import { StatusBadge } from './ReportsPage';
import styles from './Reports.module.css';

const k = (key: string) => `studio.reports.${key}`;

/** `/studio/studies/$studyId/reports/$reportId`: one version, publish it, download it, its share links. */
export function ReportPage({ studyId, reportId, api = sdkReportsApi }: { studyId: string; reportId: string; api?: ReportsApi }) {
  const { t, i18n } = useTranslation();
  const study = useStudy(studyId);
  const report = useQuery({
    queryKey: reportKeys.report(studyId, reportId),
    queryFn: () => api.get(reportId),
    refetchInterval: (q) => (q.state.data && !isGenerating(q.state.data) ? false : POLL_MS),
  });
  const ready = report.data?.status === 'ready';
  const content = useQuery({
    queryKey: reportKeys.content(studyId, reportId),
    queryFn: () => api.content(reportId),
    enabled: ready,
    staleTime: Infinity,
  });
  const back = (
    <Link to="/studio/studies/$studyId/reports" params={{ studyId }} className={styles.link}>
      {t(k('back'))}
    </Link>
  );
  if (report.isPending) return <p role="status">{t('studio.loading')}</p>;
  if (report.isError) {
    const problem = problemOf(report.error);
    return (
      <section className={ws.panel}>
        <FormAlert message={problem?.status === 404 || problem?.status === 403 ? t(k('notFound')) : problemMessage(problem, t)} />
        {back}
      </section>
    );
  }
  const r = report.data;
  const fmt = (iso: string) => formatDate(iso, i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const title = study.data?.title ?? '';
  return (
    <div>
      <section className={ws.panel} aria-labelledby="report-title">
        {back}
        <div className={ws.head}>
          <h1 id="report-title" className={ws.title}>
            {t(k('reportTitle'), { version: r.version })}
          </h1>
          {ready && !r.publishedAt ? <Publish api={api} studyId={studyId} report={r} /> : null}
        </div>
        <div className={styles.meta}>
          <StatusBadge report={r} />
          {r.generatedAt ? <span>{t(k('generatedOn'), { date: fmt(r.generatedAt) })}</span> : null}
          <span>{r.publishedAt ? t(k('publishedOn'), { date: fmt(r.publishedAt) }) : t(k('notPublishedLong'))}</span>
        </div>
        {r.status === 'failed' ? (
          <FormAlert message={t(k('progress.failed'), { version: r.version, error: r.error || t(k('progress.noReason')) })} />
        ) : null}
        {isGenerating(r) ? <p role="status">{t(k(`progress.${r.status}`), { version: r.version })}</p> : null}
        {ready ? <ReportDownloads reportId={reportId} title={title} version={r.version} /> : null}
      </section>
      {ready && r.publishedAt ? <ShareLinks api={api} studyId={studyId} reportId={reportId} /> : null}
      {ready ? (
        <section className={ws.panel} aria-label={t(k('content'))}>
          {content.isPending ? (
            <p role="status">{t('studio.loading')}</p>
          ) : content.isError ? (
            <FormAlert message={problemMessage(problemOf(content.error), t)} />
          ) : (
            <ReportView report={content.data} />
          )}
        </section>
      ) : null}
    </div>
  );
}

function Publish({ api, studyId, report }: { api: ReportsApi; studyId: string; report: Report }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const publish = useMutation({
    mutationFn: () => api.publish(report.id),
    onSuccess: (r) => {
      queryClient.setQueryData(reportKeys.report(studyId, report.id), r);
      void queryClient.invalidateQueries({ queryKey: reportKeys.list(studyId) });
    },
  });
  return (
    <div>
      <ConfirmDialog
        trigger={t(k('publish.button'))}
        title={t(k('publish.title'), { version: report.version })}
        confirm={t(k('publish.confirm'))}
        cancel={t('studio.cancel')}
        isDisabled={publish.isPending}
        onConfirm={() => publish.mutate()}
      >
        <p>{t(k('publish.body'))}</p>
      </ConfirmDialog>
      {publish.isError ? <FormAlert message={problemMessage(problemOf(publish.error), t)} /> : null}
    </div>
  );
}

function linkState(link: ShareLink, now = Date.now()): 'revoked' | 'expired' | 'active' {
  if (link.revokedAt) return 'revoked';
  return new Date(link.expiresAt).getTime() <= now ? 'expired' : 'active';
}

/** Share links of a published report: create one (its URL shown once), the list, revoke. */
export function ShareLinks({ api, studyId, reportId }: { api: ReportsApi; studyId: string; reportId: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedShareLink | null>(null);
  const [copied, setCopied] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const links = useInfiniteQuery({
    queryKey: reportKeys.shareLinks(studyId, reportId),
    queryFn: ({ pageParam }) => api.shareLinks(reportId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = links.data?.pages.flatMap((p) => p.items) ?? [];
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<{ hours: string }>({ defaultValues: { hours: '168' } });
  const onSubmit = handleSubmit(async (v) => {
    setNotice(null);
    try {
      const link = await api.createShareLink(reportId, Number(v.hours));
      setCreated(link);
      setCopied(false);
      await queryClient.invalidateQueries({ queryKey: reportKeys.shareLinks(studyId, reportId) });
    } catch (error) {
      applyProblemToForm(problemOf(error), setError, t, { fields: ['hours'], rename: { expiresInHours: 'hours' } });
    }
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.revokeShareLink(id),
    onSuccess: async (_v, id) => {
      if (created?.id === id) setCreated(null);
      setNotice(t(k('share.revoked')));
      await queryClient.invalidateQueries({ queryKey: reportKeys.shareLinks(studyId, reportId) });
    },
  });
  const fmt = (iso: string) => formatDate(iso, i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <section className={ws.panel} aria-labelledby="report-share">
      <h2 id="report-share" className={`${ws.subtitle} ${styles.flush}`}>
        {t(k('share.title'))}
      </h2>
      <p className={ws.muted}>{t(k('share.intro'))}</p>
      <form className={styles.inline} onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t(k('share.create'))}>
        <Field
          label={t(k('share.hours'), { max: MAX_SHARE_HOURS })}
          error={errors.hours?.message}
          inputMode="numeric"
          {...register('hours', {
            required: t('form.required'),
            validate: (h) =>
              (/^\d+$/.test(h) && Number(h) >= 1 && Number(h) <= MAX_SHARE_HOURS) || t(k('share.hoursHint'), { max: MAX_SHARE_HOURS }),
          })}
        />
        <Button type="submit" isDisabled={isSubmitting}>
          {isSubmitting ? t('studio.saving') : t(k('share.create'))}
        </Button>
      </form>
      <FormAlert message={errors.root?.server?.message} />
      {created ? (
        <div className={styles.created} role="status">
          <p>{t(k('share.createdOnce'), { date: fmt(created.expiresAt) })}</p>
          <p className={ws.visuallyHidden}>{t(k('share.url'))}</p>
          <code className={styles.url} data-testid="share-url">
            {created.url}
          </code>
          <div className={ws.rowActions}>
            <Button onPress={() => void copy(created.url)}>{t(k('share.copy'))}</Button>
            <span>{copied ? t(k('share.copied')) : ''}</span>
          </div>
        </div>
      ) : null}
      {notice ? <Note>{notice}</Note> : null}
      {revoke.isError ? <FormAlert message={problemMessage(problemOf(revoke.error), t)} /> : null}
      {links.isPending ? (
        <p role="status">{t('studio.loading')}</p>
      ) : links.isError ? (
        <FormAlert message={problemMessage(problemOf(links.error), t)} />
      ) : (
        <DataTable
          caption={t(k('share.caption'))}
          rows={rows}
          rowKey={(l) => l.id}
          empty={t(k('share.empty'))}
          hasMore={links.hasNextPage}
          loadingMore={links.isFetchingNextPage}
          onMore={() => void links.fetchNextPage()}
          moreLabel={t('studio.more')}
          columns={[
            { key: 'created', header: t(k('share.created')), cell: (l) => fmt(l.createdAt), rowHeader: true },
            { key: 'expires', header: t(k('share.expires')), cell: (l) => fmt(l.expiresAt) },
            { key: 'state', header: t(k('share.state')), cell: (l) => t(k(`share.states.${linkState(l)}`)) },
            {
              key: 'actions',
              header: <span className={ws.visuallyHidden}>{t(k('actions'))}</span>,
              cell: (l) =>
                linkState(l) === 'active' ? (
                  <ConfirmDialog
                    trigger={t(k('share.revoke'))}
                    triggerLabel={t(k('share.revokeLabel'), { date: fmt(l.createdAt) })}
                    title={t(k('share.confirmTitle'))}
                    confirm={t(k('share.confirm'))}
                    cancel={t('studio.cancel')}
                    danger
                    isDisabled={revoke.isPending}
                    onConfirm={() => revoke.mutate(l.id)}
                  >
                    <p>{t(k('share.confirmBody'))}</p>
                  </ConfirmDialog>
                ) : null,
            },
          ]}
        />
      )}
    </section>
  );
}
