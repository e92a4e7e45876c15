import { useInfiniteQuery, useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmailPageDto } from '../../../api/generated';
import { problemCode, problemMessage, problemOf } from '../../../api/problem';
import { DataTable, type Column } from '../../../components/DataTable';
import { Button, formStyles } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import { Note } from '../../../components/Page';
import ws from '../../../components/Workspace.module.css';
import { formatDate, formatNumber } from '../../../i18n/format';
import { EMAIL_STATUSES, emailKeys, PAGE_SIZE, sdkEmailsApi, type Email, type EmailsApi, type EmailStatusFilter } from './api';
import styles from './Emails.module.css';

/**
 * `/studio/emails`: the e-mails that did not go out (or those pending, or sent), newest first, a
 * page at a time, with the relay's last answer; a failed one can be queued again, and its row
 * says so at once.
 */
export function EmailsPage({
  status,
  onStatusChange,
  api = sdkEmailsApi,
}: {
  status: EmailStatusFilter;
  onStatusChange: (next: EmailStatusFilter) => void;
  api?: EmailsApi;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const emails = useInfiniteQuery({
    queryKey: emailKeys.list(status),
    queryFn: ({ pageParam }) => api.list({ status, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = emails.data?.pages.flatMap((p) => p.items) ?? [];

  const retry = useMutation({
    mutationFn: (email: Email) => api.retry(email.id),
    onSuccess: (updated) => {
      // the row shows its new status (pending) at once; it leaves the failed list on the next visit
      queryClient.setQueryData<InfiniteData<EmailPageDto>>(emailKeys.list(status), (data) =>
        data
          ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((e) => (e.id === updated.id ? updated : e)) })) }
          : data,
      );
      void queryClient.invalidateQueries({ queryKey: emailKeys.list('pending') });
      setNotice(t('studio.emails.retried', { to: updated.to }));
    },
    onError: (error, email) => {
      const problem = problemOf(error);
      setNotice(problemCode(problem) === 'email-not-failed' ? t('studio.emails.notFailed', { to: email.to }) : problemMessage(problem, t));
    },
  });

  const lang = i18n.language;
  const columns: Column<Email>[] = [
    { key: 'to', header: t('studio.emails.col.to'), rowHeader: true, cell: (e) => <span className={styles.to}>{e.to}</span> },
    { key: 'template', header: t('studio.emails.col.template'), cell: (e) => <span className={ws.mono}>{e.template}</span> },
    {
      key: 'status',
      header: t('studio.emails.col.status'),
      cell: (e) => (
        <span className={ws.badge} data-status={e.status}>
          {t(`studio.emails.status.${e.status}`)}
        </span>
      ),
    },
    { key: 'attempts', header: t('studio.emails.col.attempts'), numeric: true, cell: (e) => formatNumber(e.attempts, lang) },
    {
      key: 'error',
      header: t('studio.emails.col.lastError'),
      cell: (e) => (e.lastError ? <span className={styles.error}>{e.lastError}</span> : t('studio.none')),
    },
    {
      key: 'date',
      header: t('studio.emails.col.date'),
      cell: (e) => <span className={styles.date}>{formatDate(e.createdAt, lang, { dateStyle: 'medium', timeStyle: 'short' })}</span>,
    },
    {
      key: 'actions',
      header: t('studio.emails.col.actions'),
      cell: (e) =>
        e.status === 'failed' ? (
          <Button
            className={`${formStyles.button} ${ws.secondary}`}
            onPress={() => retry.mutate(e)}
            isDisabled={retry.isPending && retry.variables?.id === e.id}
            aria-label={t('studio.emails.retryFor', { to: e.to })}
          >
            {t('studio.emails.retry')}
          </Button>
        ) : null,
    },
  ];

  return (
    <section className={ws.panel} aria-labelledby="studio-emails-title">
      <div className={ws.head}>
        <h1 id="studio-emails-title" className={ws.title}>
          {t('studio.emails.title')}
        </h1>
      </div>
      <p className={`${ws.muted} ${styles.intro}`}>{t('studio.emails.intro')}</p>
      <form
        className={`${ws.filters} ${styles.filters}`}
        role="search"
        aria-label={t('studio.emails.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className={formStyles.field}>
          <label className={formStyles.label} htmlFor={`${id}-status`}>
            {t('studio.emails.filter.status')}
          </label>
          <select
            id={`${id}-status`}
            className={ws.select}
            value={status}
            onChange={(e) => {
              setNotice(null);
              onStatusChange(e.target.value as EmailStatusFilter);
            }}
          >
            {EMAIL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`studio.emails.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {notice ? <Note>{notice}</Note> : null}
      {emails.isPending ? (
        <p role="status">{t('studio.loading')}</p>
      ) : emails.isError ? (
        <FormAlert message={problemMessage(problemOf(emails.error), t)} />
      ) : (
        <DataTable
          caption={t('studio.emails.caption')}
          columns={columns}
          rows={rows}
          rowKey={(e) => e.id}
          empty={t(`studio.emails.empty.${status}`)}
          hasMore={emails.hasNextPage}
          loadingMore={emails.isFetchingNextPage}
          onMore={() => void emails.fetchNextPage()}
          moreLabel={emails.isFetchingNextPage ? t('studio.loading') : t('studio.more')}
        />
      )}
    </section>
  );
}
