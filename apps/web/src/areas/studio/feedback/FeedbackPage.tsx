import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm, problemCode, problemMessage, problemOf } from '../../../api/problem';
import { DataTable } from '../../../components/DataTable';
import { Button, formStyles } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import { FormDialog } from '../../../components/ConfirmDialog';
import { Note } from '../../../components/Page';
import ws from '../../../components/Workspace.module.css';
import { formatDate } from '../../../i18n/format';
import { TextArea } from '../../../components/TextArea';
import {
  FEEDBACK_KINDS,
  FEEDBACK_SEVERITIES,
  FEEDBACK_STATUSES,
  feedbackKeys,
  feedbackQueryOf,
  nextStatuses,
  sdkFeedbackApi,
  type FeedbackApi,
  type FeedbackFilters,
  type FeedbackItem,
  type FeedbackStatus,
} from './api';
import styles from './Feedback.module.css';

/**
 * `/studio/studies/$studyId/feedback`: the study's beta feedback, newest first, filtered by kind,
 * status and severity (kept in the URL), a page at a time; each item triaged in a dialog (a new
 * status among those the API allows, a duplicate's original, a note).
 */
export function FeedbackPage({
  studyId,
  filters,
  onFiltersChange,
  api = sdkFeedbackApi,
}: {
  studyId: string;
  filters: FeedbackFilters;
  onFiltersChange: (next: FeedbackFilters) => void;
  api?: FeedbackApi;
}) {
  const { t, i18n } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const items = useInfiniteQuery({
    queryKey: feedbackKeys.list(studyId, filters),
    queryFn: ({ pageParam }) => api.list(studyId, feedbackQueryOf(filters, pageParam)),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  // the originals a duplicate may point at, and the titles of the originals shown in the table
  const candidates = useQuery({ queryKey: feedbackKeys.candidates(studyId), queryFn: () => api.list(studyId, { limit: 100 }) });
  const rows = useMemo(() => items.data?.pages.flatMap((p) => p.items) ?? [], [items.data]);
  const known = useMemo(() => {
    const map = new Map<string, FeedbackItem>();
    for (const i of [...(candidates.data?.items ?? []), ...rows]) map.set(i.id, i);
    return map;
  }, [candidates.data, rows]);
  const duplicatesOf = useMemo(() => {
    const counts = new Map<string, number>();
    for (const i of known.values()) if (i.duplicateOfId) counts.set(i.duplicateOfId, (counts.get(i.duplicateOfId) ?? 0) + 1);
    return counts;
  }, [known]);

  return (
    <section className={ws.panel} aria-labelledby="studio-feedback-title">
      <h1 id="studio-feedback-title" className={ws.title}>
        {t('studio.feedback.title')}
      </h1>
      <p className={ws.muted}>{t('studio.feedback.intro')}</p>
      <Filters filters={filters} onChange={onFiltersChange} />
      {notice ? <Note>{notice}</Note> : null}
      {items.isPending ? (
        <p role="status">{t('studio.loading')}</p>
      ) : items.isError ? (
        <FormAlert message={problemMessage(problemOf(items.error), t)} />
      ) : (
        <DataTable<FeedbackItem>
          caption={t('studio.feedback.caption')}
          rows={rows}
          rowKey={(i) => i.id}
          empty={t('studio.feedback.empty')}
          hasMore={items.hasNextPage}
          loadingMore={items.isFetchingNextPage}
          onMore={() => void items.fetchNextPage()}
          moreLabel={t('studio.more')}
          columns={[
            {
              key: 'title',
              header: t('studio.feedback.col.title'),
              rowHeader: true,
              cell: (i) => (
                <>
                  <span className={styles.itemTitle}>{i.title}</span>
                  <span className={`${ws.muted} ${styles.when}`}>{formatDate(i.createdAt, i18n.language, { dateStyle: 'medium' })}</span>
                </>
              ),
            },
            { key: 'kind', header: t('studio.feedback.col.kind'), cell: (i) => t(`studio.feedback.kind.${i.kind}`) },
            {
              key: 'severity',
              header: t('studio.feedback.col.severity'),
              cell: (i) =>
                i.severity ? (
                  <span className={styles.severity} data-severity={i.severity}>
                    {t(`studio.feedback.severity.${i.severity}`)}
                  </span>
                ) : (
                  t('studio.none')
                ),
            },
            { key: 'area', header: t('studio.feedback.col.area'), cell: (i) => i.area ?? t('studio.none') },
            { key: 'meToo', header: t('studio.feedback.col.meToo'), numeric: true, cell: (i) => i.meToo },
            {
              key: 'status',
              header: t('studio.feedback.col.status'),
              cell: (i) => <span className={ws.badge}>{t(`studio.feedback.status.${i.status}`)}</span>,
            },
            {
              key: 'duplicates',
              header: t('studio.feedback.col.duplicates'),
              cell: (i) => (
                <DuplicateCell
                  item={i}
                  original={i.duplicateOfId ? known.get(i.duplicateOfId) : undefined}
                  count={duplicatesOf.get(i.id) ?? 0}
                />
              ),
            },
            { key: 'notes', header: t('studio.feedback.col.notes'), numeric: true, cell: (i) => i.notes?.length ?? 0 },
            {
              key: 'actions',
              header: t('studio.feedback.col.actions'),
              cell: (i) => (
                <TriageDialog
                  item={i}
                  api={api}
                  studyId={studyId}
                  candidates={(candidates.data?.items ?? []).filter((c) => c.id !== i.id && c.status !== 'duplicate')}
                  onDone={(updated) =>
                    setNotice(t('studio.feedback.triaged', { title: updated.title, status: t(`studio.feedback.status.${updated.status}`) }))
                  }
                />
              ),
            },
          ]}
        />
      )}
    </section>
  );
}

function DuplicateCell({ item, original, count }: { item: FeedbackItem; original?: FeedbackItem; count: number }) {
  const { t } = useTranslation();
  if (!item.duplicateOfId && count === 0) return <>{t('studio.none')}</>;
  return (
    <>
      {item.duplicateOfId ? (
        <span className={styles.dup}>{t('studio.feedback.duplicateOf', { title: original?.title ?? item.duplicateOfId.slice(0, 8) })}</span>
      ) : null}
      {count > 0 ? <span className={styles.dup}>{t('studio.feedback.hasDuplicates', { count })}</span> : null}
    </>
  );
}

function Filters({ filters, onChange }: { filters: FeedbackFilters; onChange: (next: FeedbackFilters) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const select = <K extends keyof FeedbackFilters>(key: K, values: readonly string[], label: string, prefix: string) => (
    <div className={formStyles.field}>
      <label className={formStyles.label} htmlFor={`${id}-${key}`}>
        {label}
      </label>
      <select
        id={`${id}-${key}`}
        className={ws.select}
        value={filters[key] ?? ''}
        onChange={(e) => onChange({ ...filters, [key]: e.target.value || undefined })}
      >
        <option value="">{t('studio.feedback.filter.any')}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {t(`${prefix}.${v}`)}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form className={ws.filters} role="search" aria-label={t('studio.feedback.filter.label')} onSubmit={(e) => e.preventDefault()}>
      {select('kind', FEEDBACK_KINDS, t('studio.feedback.filter.kind'), 'studio.feedback.kind')}
      {select('status', FEEDBACK_STATUSES, t('studio.feedback.filter.status'), 'studio.feedback.status')}
      {select('severity', FEEDBACK_SEVERITIES, t('studio.feedback.filter.severity'), 'studio.feedback.severity')}
    </form>
  );
}

interface TriageForm {
  status: FeedbackStatus;
  duplicateOfId: string;
  note: string;
}

/** "Triage" on a row: the item, its notes, and the form. */
function TriageDialog({
  item,
  api,
  studyId,
  candidates,
  onDone,
}: {
  item: FeedbackItem;
  api: FeedbackApi;
  studyId: string;
  candidates: FeedbackItem[];
  onDone: (updated: FeedbackItem) => void;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog
      trigger={
        <Button className={`${formStyles.button} ${ws.secondary}`} aria-label={t('studio.feedback.triageOf', { title: item.title })}>
          {t('studio.feedback.triage')}
        </Button>
      }
      title={t('studio.feedback.triageTitle', { title: item.title })}
      modalClassName={styles.wide}
    >
      {(close) => (
        <TriageBody
          item={item}
          api={api}
          studyId={studyId}
          candidates={candidates}
          onCancel={close}
          onDone={(u) => {
            close();
            onDone(u);
          }}
        />
      )}
    </FormDialog>
  );
}

function TriageBody({
  item,
  api,
  studyId,
  candidates,
  onCancel,
  onDone,
}: {
  item: FeedbackItem;
  api: FeedbackApi;
  studyId: string;
  candidates: FeedbackItem[];
  onCancel: () => void;
  onDone: (updated: FeedbackItem) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const id = useId();
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<TriageForm>({ defaultValues: { status: item.status, duplicateOfId: item.duplicateOfId ?? '', note: '' } });
  const status = useWatch({ control, name: 'status' });
  const triage = useMutation({
    mutationFn: (values: TriageForm) =>
      api.triage(item.id, {
        status: values.status,
        ...(values.status === 'duplicate' && values.duplicateOfId ? { duplicateOfId: values.duplicateOfId } : {}),
        ...(values.note.trim() ? { note: values.note.trim() } : {}),
      }),
  });
  const onSubmit = handleSubmit(async (values) => {
    if (values.status === item.status && !values.note.trim() && values.status !== 'duplicate') {
      setError('note', { type: 'required', message: t('studio.feedback.form.nothing') }, { shouldFocus: true });
      return;
    }
    try {
      const updated = await triage.mutateAsync(values);
      void queryClient.invalidateQueries({ queryKey: feedbackKeys.all(studyId) });
      onDone(updated);
    } catch (error) {
      const problem = problemOf(error);
      const code = problemCode(problem);
      if (problem?.status === 409) {
        // somebody else moved it first, or the move is not allowed: say so, and show the item as it is now
        setError('root.server', { type: 'server', message: t('studio.feedback.form.conflict') });
        void queryClient.invalidateQueries({ queryKey: feedbackKeys.all(studyId) });
        return;
      }
      if (code === 'invalid-duplicate-target' || (problem?.status === 422 && values.status === 'duplicate')) {
        setError('duplicateOfId', { type: 'server', message: t('studio.feedback.form.badTarget') }, { shouldFocus: true });
        return;
      }
      applyProblemToForm(problem, setError, t, { fields: ['status', 'duplicateOfId', 'note'] });
    }
  });

  const options = [item.status, ...nextStatuses(item.status)];
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <dl className={styles.facts}>
        <dt>{t('studio.feedback.col.kind')}</dt>
        <dd>{t(`studio.feedback.kind.${item.kind}`)}</dd>
        {item.severity ? (
          <>
            <dt>{t('studio.feedback.col.severity')}</dt>
            <dd>{t(`studio.feedback.severity.${item.severity}`)}</dd>
          </>
        ) : null}
        <dt>{t('studio.feedback.col.status')}</dt>
        <dd>{t(`studio.feedback.status.${item.status}`)}</dd>
        <dt>{t('studio.feedback.col.meToo')}</dt>
        <dd>{item.meToo}</dd>
      </dl>
      <p className={styles.body}>{item.body}</p>
      {item.notes && item.notes.length > 0 ? (
        <>
          <h3 className={ws.subtitle}>{t('studio.feedback.notes')}</h3>
          <ol className={styles.notes}>
            {item.notes.map((n) => (
              <li key={n.id}>
                <span className={ws.muted}>{formatDate(n.createdAt, i18n.language, { dateStyle: 'medium', timeStyle: 'short' })}</span>
                <p className={styles.body}>{n.body}</p>
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <FormAlert message={errors.root?.server?.message} />
      <div className={formStyles.field}>
        <label className={formStyles.label} htmlFor={`${id}-status`}>
          {t('studio.feedback.form.status')}
        </label>
        <select id={`${id}-status`} className={ws.select} aria-describedby={`${id}-status-help`} {...register('status')}>
          {options.map((s) => (
            <option key={s} value={s}>
              {s === item.status
                ? t('studio.feedback.form.keep', { status: t(`studio.feedback.status.${s}`) })
                : t(`studio.feedback.status.${s}`)}
            </option>
          ))}
        </select>
        <p id={`${id}-status-help`} className={ws.muted}>
          {t(`studio.feedback.help.${status}`)}
        </p>
      </div>
      {status === 'duplicate' ? (
        <div className={formStyles.field}>
          <label className={formStyles.label} htmlFor={`${id}-dup`}>
            {t('studio.feedback.form.duplicateOf')}
          </label>
          <select
            id={`${id}-dup`}
            className={ws.select}
            aria-invalid={errors.duplicateOfId ? true : undefined}
            aria-describedby={errors.duplicateOfId ? `${id}-dup-error` : undefined}
            {...register('duplicateOfId', {
              validate: (v, all) => all.status !== 'duplicate' || v !== '' || t('studio.feedback.form.chooseOriginal'),
            })}
          >
            <option value="">{t('studio.feedback.form.chooseOriginal')}</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title}
              </option>
            ))}
          </select>
          {errors.duplicateOfId ? (
            <p id={`${id}-dup-error`} className={formStyles.error}>
              {errors.duplicateOfId.message}
            </p>
          ) : null}
        </div>
      ) : null}
      <TextArea
        label={t('studio.feedback.form.note')}
        rows={3}
        error={errors.note?.message}
        {...register('note', { maxLength: { value: 5000, message: t('problem.field.tooLong', { count: 5000 }) } })}
      />
      <div className={ws.actions}>
        <Button type="submit" isDisabled={isSubmitting}>
          {isSubmitting ? t('studio.saving') : t('studio.feedback.form.submit')}
        </Button>
        <Button className={`${formStyles.button} ${ws.secondary}`} onPress={onCancel}>
          {t('studio.cancel')}
        </Button>
      </div>
    </form>
  );
}
