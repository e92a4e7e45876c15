import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Note, Page } from '../../../components/Page';
import { formatDate, formatNumber } from '../../../i18n/format';
import { assignmentKeys, assignmentsQuery, myStudyTitlesQuery, type AssignmentDetail, type MyAssignment } from './api';
import styles from './Assignments.module.css';

/** To answer first (soonest due first), then the ones sent (latest first). */
function byWhatToDo(a: MyAssignment, b: MyAssignment): number {
  if (a.status !== b.status) return a.status === 'assigned' ? -1 : 1;
  if (a.status === 'assigned') return (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999');
  return (b.submittedAt ?? '').localeCompare(a.submittedAt ?? '');
}

/** `/me/assignments`: my surveys, what to answer and by when, and the points of the ones sent. */
export function AssignmentsList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const queryClient = useQueryClient();
  const list = useInfiniteQuery(assignmentsQuery());
  const studies = useQuery(myStudyTitlesQuery());

  if (list.isPending) {
    return (
      <Page title={t('survey.assignments.title')} intro={t('survey.assignments.intro')}>
        <p role="status">{t('survey.assignments.loading')}</p>
      </Page>
    );
  }
  if (list.isError) {
    return (
      <Page title={t('survey.assignments.title')} intro={t('survey.assignments.intro')}>
        <p role="alert">{t('survey.assignments.loadFailed')}</p>
        <Button className={styles.secondary} onPress={() => void list.refetch()}>
          {t('survey.assignments.retry')}
        </Button>
      </Page>
    );
  }

  const items = list.data.pages.flatMap((p) => p.items).sort(byWhatToDo);
  // "Continue" when this device already holds saved answers for it (the list does not say)
  const started = (id: string) => {
    const detail = queryClient.getQueryData<AssignmentDetail>(assignmentKeys.one(id));
    return !!detail && Object.keys(detail.answers ?? {}).length > 0;
  };

  return (
    <Page title={t('survey.assignments.title')} intro={t('survey.assignments.intro')}>
      {items.length === 0 ? (
        <Note>{t('survey.assignments.empty')}</Note>
      ) : (
        <ul className={styles.list}>
          {items.map((a) => {
            const study = studies.data?.[a.studyId];
            const isStarted = a.status === 'assigned' && started(a.id);
            const statusKey = a.status === 'submitted' ? 'submitted' : isStarted ? 'started' : 'assigned';
            return (
              <li key={a.id} className={styles.item}>
                <div className={styles.itemHead}>
                  <h2 className={styles.itemTitle}>{a.title}</h2>
                  <span className={styles.status} data-status={statusKey}>
                    {statusKey === 'submitted'
                      ? t('survey.assignments.status.submitted')
                      : statusKey === 'started'
                        ? t('survey.assignments.status.started')
                        : t('survey.assignments.status.assigned')}
                  </span>
                </div>
                {study ? <p className={styles.meta}>{study}</p> : null}
                {a.status === 'submitted' ? (
                  <>
                    {a.submittedAt ? (
                      <p className={styles.meta}>{t('survey.assignments.submittedOn', { date: formatDate(a.submittedAt, lang) })}</p>
                    ) : null}
                    {a.pointsCredited ? (
                      <p className={styles.points}>
                        {t('survey.assignments.points', { count: a.pointsCredited, formatted: formatNumber(a.pointsCredited, lang) })}
                      </p>
                    ) : null}
                  </>
                ) : (
                  <>
                    <p className={styles.meta}>
                      {a.dueAt ? t('survey.assignments.due', { date: formatDate(a.dueAt, lang) }) : t('survey.assignments.noDue')}
                    </p>
                    <Link
                      to="/me/assignments/$assignmentId"
                      params={{ assignmentId: a.id }}
                      className={styles.action}
                      aria-label={
                        isStarted
                          ? t('survey.assignments.continueLabel', { title: a.title })
                          : t('survey.assignments.startLabel', { title: a.title })
                      }
                    >
                      {isStarted ? t('survey.assignments.continue') : t('survey.assignments.start')}
                    </Link>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {list.hasNextPage ? (
        <Button className={styles.secondary} onPress={() => void list.fetchNextPage()} isDisabled={list.isFetchingNextPage}>
          {t('survey.assignments.more')}
        </Button>
      ) : null}
    </Page>
  );
}
