import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf } from '../../../api/problem';
import { Button, formStyles } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import ws from '../../../components/Workspace.module.css';
import { formatDate } from '../../../i18n/format';
import { surveyKeys, type SurveysApi } from './api';
import { TextInput } from './controls';
import styles from './Surveys.module.css';

/** The date (YYYY-MM-DD, local) a week from `now`: the due date offered first. */
export function inAWeek(now = new Date()): string {
  const d = new Date(now.getTime() + 7 * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * "Assign": to every participant of the study or to chosen ones (picked from the study's
 * participants, a page at a time), due at the end of a chosen day. Says how many were assigned.
 */
export function AssignDialog({
  api,
  studyId,
  surveyId,
  surveyTitle,
  onAssigned,
}: {
  api: SurveysApi;
  studyId: string;
  surveyId: string;
  surveyTitle: string;
  onAssigned: (count: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button className={`${formStyles.button} ${ws.secondary}`} aria-label={t('studio.surveys.assign.openLabel', { title: surveyTitle })}>
        {t('studio.surveys.assign.open')}
      </Button>
      <ModalOverlay className={ws.overlay} isDismissable>
        <Modal className={ws.modal}>
          <Dialog className={ws.dialog}>
            {({ close }) => (
              <AssignForm
                api={api}
                studyId={studyId}
                surveyId={surveyId}
                surveyTitle={surveyTitle}
                onCancel={close}
                onDone={(n) => {
                  close();
                  onAssigned(n);
                }}
              />
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

function AssignForm({
  api,
  studyId,
  surveyId,
  surveyTitle,
  onCancel,
  onDone,
}: {
  api: SurveysApi;
  studyId: string;
  surveyId: string;
  surveyTitle: string;
  onCancel: () => void;
  onDone: (n: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [audience, setAudience] = useState<'all' | 'chosen'>('all');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [due, setDue] = useState(inAWeek());
  const [errors, setErrors] = useState<{ due?: string; chosen?: string; alert?: string }>({});
  const participants = useInfiniteQuery({
    queryKey: surveyKeys.participants(studyId),
    queryFn: ({ pageParam }) => api.listParticipants(studyId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: audience === 'chosen',
  });
  const rows = (participants.data?.pages.flatMap((p) => p.items) ?? []).filter((p) => p.status === 'enrolled');
  const assign = useMutation({
    mutationFn: (body: Parameters<SurveysApi['assign']>[1]) => api.assign(surveyId, body),
  });

  const submit = async () => {
    const next: typeof errors = {};
    // the end of the chosen day, in the researcher's time zone
    const dueAt = due ? new Date(`${due}T23:59:59`) : null;
    if (!dueAt || Number.isNaN(dueAt.getTime())) next.due = t('studio.surveys.assign.dueRequired');
    else if (dueAt.getTime() <= Date.now()) next.due = t('studio.surveys.assign.duePast');
    if (audience === 'chosen' && chosen.size === 0) next.chosen = t('studio.surveys.assign.chooseOne');
    setErrors(next);
    if (next.due || next.chosen || !dueAt) return;
    try {
      const body =
        audience === 'all'
          ? { audience: 'all_participants' as const, dueAt: dueAt.toISOString() }
          : { panellistIds: [...chosen], dueAt: dueAt.toISOString() };
      const res = await assign.mutateAsync(body);
      void queryClient.invalidateQueries({ queryKey: surveyKeys.ofStudy(studyId) });
      onDone(res.assigned);
    } catch (error) {
      const problem = problemOf(error);
      const dueError = problem?.errors?.find((e) => e.field === 'dueAt');
      setErrors({
        due: dueError ? t('studio.surveys.assign.dueRefused', { message: dueError.message }) : undefined,
        alert: dueError ? undefined : problemMessage(problem, t),
      });
    }
  };

  const toggle = (id: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Heading slot="title" className={ws.dialogTitle}>
        {t('studio.surveys.assign.title', { title: surveyTitle })}
      </Heading>
      <FormAlert message={errors.alert} />
      <fieldset className={styles.radios}>
        <legend className={formStyles.label}>{t('studio.surveys.assign.audience')}</legend>
        <label className={styles.check}>
          <input type="radio" name="audience" checked={audience === 'all'} onChange={() => setAudience('all')} />
          {t('studio.surveys.assign.all')}
        </label>
        <label className={styles.check}>
          <input type="radio" name="audience" checked={audience === 'chosen'} onChange={() => setAudience('chosen')} />
          {t('studio.surveys.assign.chosen')}
        </label>
      </fieldset>
      {audience === 'chosen' ? (
        <fieldset className={styles.radios} aria-describedby={errors.chosen ? 'assign-chosen-error' : undefined}>
          <legend className={formStyles.label}>{t('studio.surveys.assign.participants', { count: chosen.size })}</legend>
          {participants.isPending ? (
            <p role="status">{t('studio.loading')}</p>
          ) : participants.isError ? (
            <FormAlert message={problemMessage(problemOf(participants.error), t)} />
          ) : rows.length === 0 ? (
            <p>{t('studio.surveys.assign.noParticipants')}</p>
          ) : (
            <div className={styles.participants}>
              {rows.map((p) => (
                <label key={p.panellistId} className={styles.check}>
                  <input type="checkbox" checked={chosen.has(p.panellistId)} onChange={() => toggle(p.panellistId)} />
                  <span>
                    {t('studio.surveys.assign.participant', {
                      id: p.panellistId.slice(0, 8),
                      cells: p.cells.length ? p.cells.join(', ') : t('studio.none'),
                      joined: formatDate(p.joinedAt, i18n.language, { dateStyle: 'medium' }),
                    })}
                  </span>
                </label>
              ))}
            </div>
          )}
          {participants.hasNextPage ? (
            <Button
              className={`${formStyles.button} ${ws.secondary}`}
              onPress={() => void participants.fetchNextPage()}
              isDisabled={participants.isFetchingNextPage}
            >
              {t('studio.more')}
            </Button>
          ) : null}
          {errors.chosen ? (
            <p id="assign-chosen-error" className={formStyles.error}>
              {errors.chosen}
            </p>
          ) : null}
        </fieldset>
      ) : null}
      <TextInput
        type="date"
        label={t('studio.surveys.assign.due')}
        value={due}
        onChange={setDue}
        error={errors.due}
        hint={t('studio.surveys.assign.dueHint')}
      />
      <div className={ws.actions}>
        <Button type="submit" isDisabled={assign.isPending}>
          {assign.isPending ? t('studio.saving') : t('studio.surveys.assign.submit')}
        </Button>
        <Button className={`${formStyles.button} ${ws.secondary}`} onPress={onCancel}>
          {t('studio.cancel')}
        </Button>
      </div>
    </form>
  );
}
