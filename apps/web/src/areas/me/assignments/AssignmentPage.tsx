import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { problemOf } from '../../../api/problem';
import { Note, Page } from '../../../components/Page';
import { formatNumber } from '../../../i18n/format';
import { SurveyPlayer } from '../../../surveys/SurveyPlayer';
import { assignmentKeys, assignmentQuery, saveAnswers, submitAnswers } from './api';
import styles from './Assignments.module.css';

/** `/me/assignments/$assignmentId`: the survey player, wired to partial save and submit. */
export function AssignmentPage({ assignmentId }: { assignmentId: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const query = useQuery(assignmentQuery(assignmentId));
  const back = (
    <Link to="/me/assignments" className={styles.backLink}>
      {t('survey.assignments.back')}
    </Link>
  );

  if (query.isPending) {
    return (
      <Page title={t('survey.assignments.title')}>
        <p role="status">{t('survey.assignments.loading')}</p>
      </Page>
    );
  }
  if (query.isError) {
    const problem = problemOf(query.error);
    const message =
      problem?.status === 404
        ? t('survey.assignments.notFound')
        : problem?.status === 403
          ? t('survey.assignments.inactive')
          : problem?.status === 409
            ? t('survey.assignments.conflict')
            : t('survey.assignments.loadFailed');
    return (
      <Page title={t('survey.assignments.title')}>
        <p role="alert">{message}</p>
        <div className={styles.row}>
          {problem ? null : (
            <Button className={styles.secondary} onPress={() => void query.refetch()}>
              {t('survey.assignments.retry')}
            </Button>
          )}
          {back}
        </div>
      </Page>
    );
  }

  const a = query.data;
  if (a.status === 'submitted') {
    return (
      <Page title={a.survey.title}>
        <Note>{t('survey.assignments.submitted')}</Note>
        {a.pointsCredited ? (
          <p className={styles.points}>
            {t('survey.assignments.points', { count: a.pointsCredited, formatted: formatNumber(a.pointsCredited, i18n.language) })}
          </p>
        ) : null}
        {back}
      </Page>
    );
  }

  return (
    <Page title={a.survey.title}>
      <SurveyPlayer
        // a new player when another assignment opens: its answers and step are its own
        key={a.id}
        assignmentId={a.id}
        definition={a.survey}
        savedAnswers={a.answers}
        onSave={async (answers) => {
          const saved = await saveAnswers(a.id, answers);
          // kept without re-rendering the player: it holds the answers being typed
          queryClient.setQueryData(assignmentKeys.one(a.id), saved);
        }}
        onSubmit={async (answers, key) => {
          const result = await submitAnswers(a.id, answers, key);
          void queryClient.invalidateQueries({ queryKey: assignmentKeys.list() });
          void queryClient.invalidateQueries({ queryKey: ['me', 'points'] });
          return result;
        }}
        doneAction={back}
      />
    </Page>
  );
}
