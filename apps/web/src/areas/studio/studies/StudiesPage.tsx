import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf } from '../../../api/problem';
import { DataTable, type Column } from '../../../components/DataTable';
import { formStyles } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import ws from '../../../components/Workspace.module.css';
import { formatDate, formatNumber } from '../../../i18n/format';
import type { Study, StudyStatus } from '../api';
import { sdkStudiesApi, STUDY_STATUSES, studiesKeys, type StudiesApi } from './api';
import { Bar } from './Bar';
import { useBrands } from './StudyBuilder';
import styles from './Studies.module.css';

/** `/studio/studies`: every study (a page at a time), filtered by status (kept in the URL), with its funnel. */
export function StudiesPage({
  status,
  onStatusChange,
  api = sdkStudiesApi,
}: {
  status?: StudyStatus;
  onStatusChange: (next?: StudyStatus) => void;
  api?: StudiesApi;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const brands = useBrands(api);
  const brandNames = useMemo(() => new Map((brands.data ?? []).map((b) => [b.id, b.name])), [brands.data]);
  const studies = useInfiniteQuery({
    queryKey: studiesKeys.list(status),
    queryFn: ({ pageParam }) => api.list({ status, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = studies.data?.pages.flatMap((p) => p.items) ?? [];
  const n = (v: number) => formatNumber(v, i18n.language);

  const columns: Column<Study>[] = [
    {
      key: 'title',
      header: t('studio.studies.col.title'),
      rowHeader: true,
      cell: (s) => (
        <Link to="/studio/studies/$studyId" params={{ studyId: s.id }} className={styles.titleLink}>
          {s.title}
        </Link>
      ),
    },
    { key: 'brand', header: t('studio.studies.col.brand'), cell: (s) => brandNames.get(s.brandId) ?? t('studio.none') },
    { key: 'theme', header: t('studio.studies.col.theme'), cell: (s) => s.theme },
    {
      key: 'status',
      header: t('studio.studies.col.status'),
      cell: (s) => <span className={ws.badge}>{t(`studio.study.status.${s.status}`)}</span>,
    },
    {
      key: 'created',
      header: t('studio.studies.col.created'),
      cell: (s) => formatDate(s.createdAt, i18n.language, { dateStyle: 'medium' }),
    },
    {
      key: 'funnel',
      header: t('studio.studies.col.funnel'),
      cell: (s) => {
        const f = s.funnel ?? { invited: 0, pending: 0, enrolled: 0, waitlisted: 0, declined: 0, expired: 0 };
        return (
          <div className={styles.funnel}>
            <span>
              {t('studio.studies.funnel.enrolled', { enrolled: n(f.enrolled), target: n(s.targetSize) })}
              <Bar
                value={f.enrolled}
                max={s.targetSize}
                label={t('studio.studies.funnel.enrolled', { enrolled: n(f.enrolled), target: n(s.targetSize) })}
              />
            </span>
            <span className={ws.muted}>
              {t('studio.studies.funnel.rest', {
                invited: n(f.invited),
                pending: n(f.pending),
                waitlisted: n(f.waitlisted),
                declined: n(f.declined),
                expired: n(f.expired),
              })}
            </span>
          </div>
        );
      },
    },
  ];

  return (
    <section className={ws.panel} aria-labelledby={`${id}-title`}>
      <div className={ws.head}>
        <h1 id={`${id}-title`} className={ws.title}>
          {t('studio.studies.title')}
        </h1>
        <Link to="/studio/studies/new" className={`${formStyles.button} ${styles.linkButton}`}>
          {t('studio.studies.new')}
        </Link>
      </div>
      <form
        className={`${ws.filters} ${styles.oneFilter}`}
        role="search"
        aria-label={t('studio.studies.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <div className={formStyles.field}>
          <label className={formStyles.label} htmlFor={`${id}-status`}>
            {t('studio.studies.filter.status')}
          </label>
          <select
            id={`${id}-status`}
            className={ws.select}
            value={status ?? ''}
            onChange={(e) => onStatusChange((e.target.value || undefined) as StudyStatus | undefined)}
          >
            <option value="">{t('studio.studies.filter.any')}</option>
            {STUDY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`studio.study.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      {studies.isPending ? (
        <p role="status">{t('studio.loading')}</p>
      ) : studies.isError ? (
        <FormAlert message={problemMessage(problemOf(studies.error), t)} />
      ) : (
        <DataTable
          caption={t('studio.studies.caption')}
          columns={columns}
          rows={rows}
          rowKey={(s) => s.id}
          empty={status ? t('studio.studies.emptyFiltered') : t('studio.studies.empty')}
          hasMore={studies.hasNextPage}
          loadingMore={studies.isFetchingNextPage}
          onMore={() => void studies.fetchNextPage()}
          moreLabel={studies.isFetchingNextPage ? t('studio.loading') : t('studio.more')}
        />
      )}
    </section>
  );
}
