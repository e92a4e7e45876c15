import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf } from '../../../api/problem';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { FormAlert } from '../../../components/FormAlert';
import { Note } from '../../../components/Page';
import ws from '../../../components/Workspace.module.css';
import { studioKeys, type Study, type StudyStatus } from '../api';
import { NEXT_STATUSES, type StudiesApi } from './api';

/**
 * The study's lifecycle: where it stands, and each move it may make from there behind a
 * dialog that says what the move does (what the API really changes) before it is done.
 */
export function Lifecycle({ study, api }: { study: Study; api: StudiesApi }) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const move = useMutation({
    mutationFn: (to: StudyStatus) => api.transition(study.id, to),
    onSuccess: (saved) => {
      queryClient.setQueryData(studioKeys.study(study.id), (old: Study | undefined) => ({ ...old, ...saved }));
      void queryClient.invalidateQueries({ queryKey: studioKeys.studies });
      setNotice(t('studio.studies.lifecycle.moved', { status: t(`studio.study.status.${saved.status}`) }));
    },
    onError: () => setNotice(null),
  });
  const next = NEXT_STATUSES[study.status];
  return (
    <section className={ws.panel} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={ws.title}>
        {t('studio.studies.lifecycle.title')}
      </h2>
      <p>
        {t('studio.studies.lifecycle.now', { status: t(`studio.study.status.${study.status}`) })}{' '}
        {t(`studio.studies.lifecycle.about.${study.status}`)}
      </p>
      <FormAlert message={move.isError ? problemMessage(problemOf(move.error), t) : undefined} />
      {notice ? <Note>{notice}</Note> : null}
      {next.length === 0 ? (
        <p className={ws.muted}>{t('studio.studies.lifecycle.final')}</p>
      ) : (
        <div className={ws.actions}>
          {next.map((to) => (
            <ConfirmDialog
              key={to}
              trigger={t(`studio.studies.lifecycle.to.${to}`)}
              title={t('studio.studies.lifecycle.confirmTitle', { status: t(`studio.study.status.${to}`) })}
              confirm={t(`studio.studies.lifecycle.to.${to}`)}
              cancel={t('studio.cancel')}
              isDisabled={move.isPending}
              danger={to === 'closed'}
              onConfirm={() => move.mutate(to)}
            >
              <p>{t(`studio.studies.lifecycle.does.${study.status}_${to}`)}</p>
            </ConfirmDialog>
          ))}
        </div>
      )}
    </section>
  );
}
