import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf } from '../../../api/problem';
import type { SurveySummaryDto } from '../../../api/generated';
import { DataTable, type Column } from '../../../components/DataTable';
import { Button, formStyles } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import { FormDialog } from '../../../components/ConfirmDialog';
import { Note } from '../../../components/Page';
import ws from '../../../components/Workspace.module.css';
import { formatDate, formatNumber } from '../../../i18n/format';
import { PAGE_SIZE, SURVEY_KINDS, sdkSurveysApi, surveyKeys, type SurveyKind, type SurveysApi } from './api';
import { AssignDialog } from './AssignDialog';
import { NewSurveyForm, Select } from './controls';
import styles from './Surveys.module.css';

/** `/studio/studies/$studyId/surveys`: the study's surveys (status, assigned, responses), create one, assign a published one. */
export function StudySurveysPage({ studyId, api = sdkSurveysApi }: { studyId: string; api?: SurveysApi }) {
  const { t, i18n } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  const surveys = useInfiniteQuery({
    queryKey: surveyKeys.ofStudy(studyId),
    queryFn: ({ pageParam }) => api.listSurveys({ studyId, limit: PAGE_SIZE, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = surveys.data?.pages.flatMap((p) => p.items) ?? [];
  const lang = i18n.language;

  const columns: Column<SurveySummaryDto>[] = [
    {
      key: 'title',
      header: t('studio.surveys.list.title'),
      rowHeader: true,
      cell: (s) => (
        <Link to="/studio/surveys/$surveyId" params={{ surveyId: s.id }}>
          {s.title}
        </Link>
      ),
    },
    { key: 'kind', header: t('studio.surveys.list.kind'), cell: (s) => t(`studio.surveys.kind.${s.kind}`) },
    {
      key: 'status',
      header: t('studio.surveys.list.status'),
      cell: (s) => <span className={ws.badge}>{t(`studio.surveys.status.${s.status}`)}</span>,
    },
    { key: 'questions', header: t('studio.surveys.list.questions'), numeric: true, cell: (s) => formatNumber(s.questionCount, lang) },
    { key: 'assigned', header: t('studio.surveys.list.assigned'), numeric: true, cell: (s) => formatNumber(s.assigned, lang) },
    {
      key: 'responses',
      header: t('studio.surveys.list.responses'),
      numeric: true,
      cell: (s) =>
        s.submitted > 0 ? (
          <ResponsesDialog api={api} surveyId={s.id} title={s.title} count={s.submitted} />
        ) : (
          formatNumber(s.submitted, lang)
        ),
    },
    {
      key: 'updated',
      header: t('studio.surveys.list.updated'),
      cell: (s) => formatDate(s.updatedAt, lang, { dateStyle: 'medium' }),
    },
    {
      key: 'actions',
      header: t('studio.surveys.list.actions'),
      cell: (s) => (
        <div className={ws.rowActions}>
          <Link
            to="/studio/surveys/$surveyId"
            params={{ surveyId: s.id }}
            className={`${formStyles.button} ${ws.secondary} ${styles.linkButton}`}
            aria-label={t('studio.surveys.list.openLabel', { title: s.title })}
          >
            {s.status === 'draft' ? t('studio.surveys.list.edit') : t('studio.surveys.list.view')}
          </Link>
          {s.status === 'published' ? (
            <AssignDialog
              api={api}
              studyId={studyId}
              surveyId={s.id}
              surveyTitle={s.title}
              onAssigned={(count) => setNotice(t('studio.surveys.assign.done', { count, title: s.title }))}
            />
          ) : null}
        </div>
      ),
    },
  ];

  return (
    <section className={ws.panel} aria-labelledby="study-surveys-title">
      <div className={ws.head}>
        <h1 id="study-surveys-title" className={ws.title}>
          {t('studio.surveys.list.heading')}
        </h1>
      </div>
      <CreateSurveyForm api={api} studyId={studyId} />
      {notice ? <Note>{notice}</Note> : null}
      <h2 className={ws.subtitle}>{t('studio.surveys.list.subtitle')}</h2>
      {surveys.isPending ? (
        <p role="status">{t('studio.loading')}</p>
      ) : surveys.isError ? (
        <FormAlert message={problemMessage(problemOf(surveys.error), t)} />
      ) : (
        <DataTable
          caption={t('studio.surveys.list.caption')}
          columns={columns}
          rows={rows}
          rowKey={(s) => s.id}
          empty={t('studio.surveys.list.empty')}
          hasMore={surveys.hasNextPage}
          loadingMore={surveys.isFetchingNextPage}
          onMore={() => void surveys.fetchNextPage()}
          moreLabel={surveys.isFetchingNextPage ? t('studio.loading') : t('studio.more')}
        />
      )}
    </section>
  );
}

/** A new survey of the study: a title and a kind, created with one question, then opened in the builder. */
function CreateSurveyForm({ api, studyId }: { api: SurveysApi; studyId: string }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<SurveyKind>('general');
  return (
    <NewSurveyForm
      label={t('studio.surveys.create.label')}
      titleLabel={t('studio.surveys.create.title')}
      submitLabel={t('studio.surveys.create.submit')}
      invalidates={surveyKeys.ofStudy(studyId)}
      create={(title) =>
        api.createSurvey({
          studyId,
          kind,
          title,
          questions: [{ id: 'q1', type: 'text', prompt: t('studio.surveys.builder.newPrompt') }],
        })
      }
    >
      <Select label={t('studio.surveys.create.kind')} value={kind} onChange={(k) => setKind(k as SurveyKind)}>
        {SURVEY_KINDS.filter((k) => k !== 'screener').map((k) => (
          <option key={k} value={k}>
            {t(`studio.surveys.kind.${k}`)}
          </option>
        ))}
      </Select>
    </NewSurveyForm>
  );
}

/** The responses of a survey (pseudonymised), a page at a time, in a dialog. */
function ResponsesDialog({ api, surveyId, title, count }: { api: SurveysApi; surveyId: string; title: string; count: number }) {
  const { t, i18n } = useTranslation();
  return (
    <FormDialog
      trigger={
        <Button
          className={`${formStyles.button} ${ws.secondary} ${styles.small}`}
          aria-label={t('studio.surveys.responses.openLabel', { count, title })}
        >
          {formatNumber(count, i18n.language)}
        </Button>
      }
      title={t('studio.surveys.responses.title', { title })}
    >
      {(close) => (
        <>
          <ResponsesList api={api} surveyId={surveyId} />
          <div className={ws.actions}>
            <Button className={`${formStyles.button} ${ws.secondary}`} onPress={close}>
              {t('studio.surveys.responses.close')}
            </Button>
          </div>
        </>
      )}
    </FormDialog>
  );
}

function ResponsesList({ api, surveyId }: { api: SurveysApi; surveyId: string }) {
  const { t, i18n } = useTranslation();
  const responses = useInfiniteQuery({
    queryKey: surveyKeys.responses(surveyId),
    queryFn: ({ pageParam }) => api.listResponses(surveyId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (responses.isPending) return <p role="status">{t('studio.loading')}</p>;
  if (responses.isError) return <FormAlert message={problemMessage(problemOf(responses.error), t)} />;
  const rows = responses.data.pages.flatMap((p) => p.items);
  return (
    <DataTable
      caption={t('studio.surveys.responses.caption')}
      columns={[
        { key: 'who', header: t('studio.surveys.responses.pseudonym'), rowHeader: true, cell: (r) => r.pseudonym },
        {
          key: 'when',
          header: t('studio.surveys.responses.submittedAt'),
          cell: (r) =>
            r.submittedAt ? formatDate(r.submittedAt, i18n.language, { dateStyle: 'medium', timeStyle: 'short' }) : t('studio.none'),
        },
        {
          key: 'n',
          header: t('studio.surveys.responses.answers'),
          numeric: true,
          cell: (r) => formatNumber(Object.keys(r.answers).length, i18n.language),
        },
      ]}
      rows={rows}
      rowKey={(r) => r.responseId}
      empty={t('studio.surveys.responses.empty')}
      hasMore={responses.hasNextPage}
      loadingMore={responses.isFetchingNextPage}
      onMore={() => void responses.fetchNextPage()}
      moreLabel={t('studio.more')}
    />
  );
}
