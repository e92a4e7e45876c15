import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf } from '../../../api/problem';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Button, formStyles } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import ws from '../../../components/Workspace.module.css';
import { SurveyPlayer } from '../../../surveys/SurveyPlayer';
import studioStyles from '../Studio.module.css';
import { QUESTION_TYPES, SURVEY_KINDS, sdkSurveysApi, surveyKeys, type QuestionType, type Survey, type SurveysApi } from './api';
import { Select, TextInput } from './controls';
import { bodyOf, draftOf, move, newQuestion, nextQuestionId, playerDefinitionOf, type Draft, type DraftQuestion } from './draft';
import { QuestionEditor } from './QuestionEditor';
import styles from './Surveys.module.css';

/** Server field paths the builder shows on a field; any other goes to the alert above the form. */
const SHOWN_ON_FIELD =
  /^(title|kind|points)$|^questions\[\d+\]\.(id|type|prompt|required|options|scale|min|max|maxLength|dimension|reverse|showIf)(\[\d+\]\.(value|label))?(\.(questionId|equals))?$/;

export type FieldErrors = Record<string, string>;

/** `/studio/surveys/$surveyId`: the survey builder beside a live preview running the panellist's own player. */
export function SurveyBuilderPage({ surveyId, api = sdkSurveysApi }: { surveyId: string; api?: SurveysApi }) {
  const { t } = useTranslation();
  const survey = useQuery({ queryKey: surveyKeys.survey(surveyId), queryFn: () => api.getSurvey(surveyId) });
  if (survey.isPending) return <p role="status">{t('studio.loading')}</p>;
  if (survey.isError) {
    const problem = problemOf(survey.error);
    return (
      <section className={ws.panel}>
        <FormAlert message={problem?.status === 404 ? t('studio.surveys.builder.notFound') : problemMessage(problem, t)} />
      </section>
    );
  }
  return <SurveyBuilder key={survey.data.id} survey={survey.data} api={api} />;
}

export function SurveyBuilder({ survey, api }: { survey: Survey; api: SurveysApi }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(survey));
  const [saved, setSaved] = useState<string>(() => JSON.stringify(bodyOf(draftOf(survey))));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [addType, setAddType] = useState<QuestionType>('single_choice');
  const [previewRun, setPreviewRun] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const readOnly = survey.status === 'published';
  const dirty = JSON.stringify(bodyOf(draft)) !== saved;

  // a refusal: focus its first field, so the keyboard and a screen reader start there
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const saveMutation = useMutation({ mutationFn: (body: ReturnType<typeof bodyOf>) => api.updateSurvey(survey.id, body) });
  const publishMutation = useMutation({ mutationFn: () => api.publishSurvey(survey.id) });
  const busy = saveMutation.isPending || publishMutation.isPending;

  const onRefused = (error: unknown) => {
    const problem = problemOf(error);
    const fields: FieldErrors = {};
    const leftOver: string[] = [];
    for (const e of problem?.errors ?? []) {
      if (SHOWN_ON_FIELD.test(e.field)) fields[e.field] = fields[e.field] ? `${fields[e.field]} ${e.message}` : e.message;
      else leftOver.push(`${e.field}: ${e.message}`);
    }
    setErrors(fields);
    const count = Object.keys(fields).length;
    setAlert([count > 0 ? t('studio.surveys.builder.refusedFields', { count }) : problemMessage(problem, t), ...leftOver].join(' '));
  };

  /** Saves the draft; true when the server took it. */
  const save = async (): Promise<boolean> => {
    setNotice(null);
    setAlert(null);
    const body = bodyOf(draft);
    try {
      const next = await saveMutation.mutateAsync(body);
      setErrors({});
      setSaved(JSON.stringify(body));
      queryClient.setQueryData(surveyKeys.survey(survey.id), next);
      if (next.studyId) void queryClient.invalidateQueries({ queryKey: surveyKeys.ofStudy(next.studyId) });
      setNotice(t('studio.surveys.builder.saved'));
      return true;
    } catch (error) {
      onRefused(error);
      return false;
    }
  };

  const publish = async () => {
    if (dirty && !(await save())) return;
    try {
      const next = await publishMutation.mutateAsync();
      queryClient.setQueryData(surveyKeys.survey(survey.id), next);
      void queryClient.invalidateQueries({ queryKey: surveyKeys.screeners });
      if (next.studyId) void queryClient.invalidateQueries({ queryKey: surveyKeys.ofStudy(next.studyId) });
    } catch (error) {
      onRefused(error);
    }
  };

  const setQuestions = (questions: DraftQuestion[], structural = false) => {
    setDraft((d) => ({ ...d, questions }));
    // the server's paths name questions by position: after a move or a removal they would point at another one
    if (structural) setErrors({});
  };
  const update = (i: number, q: DraftQuestion) => setQuestions(draft.questions.map((x, j) => (j === i ? q : x)));
  const remove = (i: number) => {
    const gone = draft.questions[i].id;
    // a question that depended on the removed one is shown always again
    setQuestions(
      draft.questions.filter((_, j) => j !== i).map((q) => (q.showIf?.questionId === gone ? { ...q, showIf: undefined } : q)),
      true,
    );
  };
  const add = () => {
    const id = nextQuestionId(draft.questions);
    setQuestions([...draft.questions, newQuestion(addType, id, t('studio.surveys.builder.newPrompt'))], true);
    requestAnimationFrame(() => document.getElementById(`question-${draft.questions.length}`)?.focus());
  };

  const definition = useMemo(() => playerDefinitionOf(draft.questions), [draft.questions]);
  const previewKey = `${previewRun}:${JSON.stringify(definition)}`;
  const backTo = survey.studyId ? (
    <Link to="/studio/studies/$studyId/surveys" params={{ studyId: survey.studyId }} className={studioStyles.back}>
      {t('studio.surveys.builder.backToStudy')}
    </Link>
  ) : (
    <Link to="/studio/campaigns" className={studioStyles.back}>
      {t('studio.surveys.builder.backToCampaigns')}
    </Link>
  );

  return (
    <div className={styles.builderLayout}>
      <section className={ws.panel} aria-labelledby="survey-builder-title">
        {backTo}
        <div className={ws.head}>
          <h1 id="survey-builder-title" className={ws.title}>
            {t('studio.surveys.builder.title')}
          </h1>
          <span className={ws.badge}>{t(`studio.surveys.status.${survey.status}`)}</span>
        </div>
        {readOnly ? <p className={styles.note}>{t('studio.surveys.builder.publishedNote')}</p> : null}
        <form
          ref={formRef}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <FormAlert message={alert ?? undefined} />
          <fieldset className={styles.plain} disabled={readOnly}>
            <div className={styles.meta}>
              <TextInput
                label={t('studio.surveys.builder.surveyTitle')}
                value={draft.title}
                onChange={(title) => setDraft((d) => ({ ...d, title }))}
                error={errors.title}
                className={styles.wide}
              />
              <Select
                label={t('studio.surveys.builder.kind')}
                value={draft.kind}
                onChange={(kind) => setDraft((d) => ({ ...d, kind: kind as Draft['kind'] }))}
                error={errors.kind}
              >
                {SURVEY_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`studio.surveys.kind.${k}`)}
                  </option>
                ))}
              </Select>
              <TextInput
                label={t('studio.surveys.builder.points')}
                type="number"
                value={draft.points}
                onChange={(points) => setDraft((d) => ({ ...d, points }))}
                error={errors.points}
                hint={t('studio.surveys.builder.pointsHint')}
              />
            </div>

            <h2 className={ws.subtitle}>{t('studio.surveys.builder.questions', { count: draft.questions.length })}</h2>
            <ol className={styles.questions}>
              {draft.questions.map((q, i) => (
                <li key={i}>
                  <QuestionEditor
                    index={i}
                    question={q}
                    questions={draft.questions}
                    kind={draft.kind}
                    errors={errors}
                    readOnly={readOnly}
                    onChange={(next) => update(i, next)}
                    onMove={(delta) => setQuestions(move(draft.questions, i, delta), true)}
                    onRemove={() => remove(i)}
                  />
                </li>
              ))}
            </ol>
            {readOnly ? null : (
              <div className={styles.addRow}>
                <Select label={t('studio.surveys.builder.addType')} value={addType} onChange={(v) => setAddType(v as QuestionType)}>
                  {QUESTION_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {t(`studio.surveys.type.${type}`)}
                    </option>
                  ))}
                </Select>
                <Button className={`${formStyles.button} ${ws.secondary}`} onPress={add}>
                  {t('studio.surveys.builder.add')}
                </Button>
              </div>
            )}
          </fieldset>
          {readOnly ? null : (
            <div className={ws.actions}>
              <Button type="submit" isDisabled={busy}>
                {saveMutation.isPending ? t('studio.saving') : t('studio.surveys.builder.save')}
              </Button>
              <ConfirmDialog
                trigger={t('studio.surveys.builder.publish')}
                title={t('studio.surveys.builder.publishTitle')}
                confirm={t('studio.surveys.builder.publishConfirm')}
                cancel={t('studio.cancel')}
                onConfirm={() => void publish()}
                isDisabled={busy}
              >
                <p>{t('studio.surveys.builder.publishBody')}</p>
                {dirty ? <p>{t('studio.surveys.builder.publishSavesFirst')}</p> : null}
              </ConfirmDialog>
            </div>
          )}
          <p role="status" className={styles.status}>
            {notice ?? (dirty && !readOnly ? t('studio.surveys.builder.unsaved') : '')}
          </p>
        </form>
      </section>

      <section className={`${ws.panel} ${styles.preview}`} aria-labelledby="survey-preview-title">
        <div className={ws.head}>
          <h2 id="survey-preview-title" className={ws.title}>
            {t('studio.surveys.preview.title')}
          </h2>
          <Button className={`${formStyles.button} ${ws.secondary}`} onPress={() => setPreviewRun((n) => n + 1)}>
            {t('studio.surveys.preview.restart')}
          </Button>
        </div>
        <p className={styles.hint}>{t('studio.surveys.preview.hint')}</p>
        <div className={styles.previewFrame}>
          <SurveyPlayer
            key={previewKey}
            assignmentId={`preview-${survey.id}`}
            definition={definition}
            onSave={() => Promise.resolve()}
            onSubmit={() => Promise.resolve({ pointsCredited: 0 })}
            scrollToTop={false}
          />
        </div>
      </section>
    </div>
  );
}
