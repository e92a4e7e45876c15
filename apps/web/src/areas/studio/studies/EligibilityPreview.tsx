import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf } from '../../../api/problem';
import ws from '../../../components/Workspace.module.css';
import { formatNumber } from '../../../i18n/format';
import { studiesKeys, type Criteria, type Quotas, type StudiesApi } from './api';
import { Bar } from './Bar';
import styles from './Studies.module.css';

/** How long the criteria must stay still before the preview asks again. */
export const PREVIEW_DEBOUNCE_MS = 400;

/** `value`, once it has not changed for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function cellLabel(t: (k: string, o?: Record<string, unknown>) => string, dimension: string, value: string): string {
  const dim = dimension.startsWith('attribute:')
    ? t('studio.studies.dimension.attribute', { key: dimension.slice(10) })
    : t(`studio.studies.dimension.${dimension}`);
  const shown =
    dimension === 'gender' ? t(`studio.studies.gender.${value}`) : dimension === 'tier' ? t(`studio.studies.tier.${value}`) : value;
  return t('studio.studies.cellLabel', { dimension: dim, value: shown });
}

/**
 * Eligible panellists for the criteria and quotas as typed (not yet saved): in total and per
 * cell against its target, with who is enrolled. Asked again ~400 ms after the last change;
 * the request of a superseded form is aborted (TanStack Query's signal, passed to fetch).
 */
export function EligibilityPreview({
  studyId,
  api,
  criteria,
  quotas,
}: {
  studyId: string;
  api: StudiesApi;
  criteria: Criteria;
  quotas: Quotas;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const key = JSON.stringify({ criteria, quotas });
  const settled = useDebounced(key, PREVIEW_DEBOUNCE_MS);
  const preview = useQuery({
    queryKey: studiesKeys.preview(studyId, settled),
    queryFn: ({ signal }) => api.preview(studyId, JSON.parse(settled) as { criteria: Criteria; quotas: Quotas }, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const stale = key !== settled || preview.isFetching;
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <section className={`${ws.panel} ${styles.preview}`} aria-labelledby={`${id}-title`} aria-busy={stale}>
      <h2 id={`${id}-title`} className={ws.title}>
        {t('studio.studies.preview.title')}
      </h2>
      <p className={ws.muted}>{t('studio.studies.preview.hint')}</p>
      {preview.isError ? (
        <p className={formStylesError} role="alert">
          {t('studio.studies.preview.failed', { reason: problemMessage(problemOf(preview.error), t) })}
          {problemOf(preview.error)?.errors?.map((e) => (
            <span key={e.field} className={styles.block}>
              {e.field}: {e.message}
            </span>
          ))}
        </p>
      ) : null}
      {preview.data ? (
        <div className={stale ? styles.stale : undefined}>
          <p className={styles.bigFigure} role="status" aria-live="polite">
            {t('studio.studies.preview.eligible', { count: preview.data.eligible, n: n(preview.data.eligible) })}
          </p>
          {preview.data.cells.length === 0 ? (
            <p className={ws.muted}>{t('studio.studies.preview.noCells')}</p>
          ) : (
            <table className={ws.table}>
              <caption className={ws.visuallyHidden}>{t('studio.studies.preview.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('studio.studies.preview.cell')}</th>
                  <th scope="col" className={ws.num}>
                    {t('studio.studies.preview.eligibleCol')}
                  </th>
                  <th scope="col" className={ws.num}>
                    {t('studio.studies.preview.enrolledCol')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.data.cells.map((c, i) => (
                  <tr key={`${c.dimension}=${c.value}:${i}`}>
                    <th scope="row">
                      {cellLabel(t, c.dimension, c.value)}
                      <Bar
                        value={c.eligible}
                        max={c.target}
                        label={t('studio.studies.preview.barLabel', { eligible: n(c.eligible), target: n(c.target) })}
                        warn={c.eligible < c.target}
                      />
                    </th>
                    <td className={ws.num}>{t('studio.studies.preview.ofTarget', { value: n(c.eligible), target: n(c.target) })}</td>
                    <td className={ws.num}>{n(c.enrolled)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ) : preview.isPending && !preview.isError ? (
        <p role="status">{t('studio.loading')}</p>
      ) : null}
    </section>
  );
}

const formStylesError = styles.previewError;
