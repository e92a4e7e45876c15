import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { problemCode, problemMessage, problemOf } from '../../../../api/problem';
import { Button, formStyles } from '../../../../components/Form';
import { FormAlert } from '../../../../components/FormAlert';
import ws from '../../../../components/Workspace.module.css';
import { moveOf, panelKeys, RESEARCHER_MOVES, type PanelApi, type PanellistDetail, type PanellistStatus } from '../api';

export function StatusActions({ panellist, api, onDone }: { panellist: PanellistDetail; api: PanelApi; onDone: (notice: string) => void }) {
  const targets = RESEARCHER_MOVES[panellist.status];
  if (targets.length === 0) return null;
  return (
    <div className={ws.rowActions}>
      {targets.map((to) => (
        <StatusDialog key={to} panellist={panellist} to={to} api={api} onDone={onDone} />
      ))}
    </div>
  );
}

/**
 * One move of the panellist's status: a dialog saying what it does, asking for the reason
 * (the API records it in the history), and showing the API's refusal (409, 400) in place.
 */
function StatusDialog({
  panellist,
  to,
  api,
  onDone,
}: {
  panellist: PanellistDetail;
  to: PanellistStatus;
  api: PanelApi;
  onDone: (notice: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const move = moveOf(panellist.status, to);
  const key = `studio.panel.action.${move}`;
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const change = useMutation({
    mutationFn: (why: string) => api.changeStatus(panellist.id, to, why),
    onSuccess: (updated) => {
      queryClient.setQueryData(panelKeys.detail(panellist.id), updated);
      void queryClient.invalidateQueries({ queryKey: [...panelKeys.all, 'list'] });
    },
  });
  const reset = () => {
    setReason(move === 'block' ? '' : t(`${key}.defaultReason`));
    setFieldError(null);
    setFormError(null);
  };

  return (
    <DialogTrigger onOpenChange={(open) => open && reset()}>
      <Button
        className={move === 'block' || move === 'pause' || move === 'waitlist' ? `${formStyles.button} ${ws.secondary}` : formStyles.button}
      >
        {t(`${key}.button`)}
      </Button>
      <ModalOverlay className={ws.overlay} isDismissable={!change.isPending}>
        <Modal className={ws.modal}>
          <Dialog className={ws.dialog}>
            {({ close }) => {
              const submit = (e: FormEvent) => {
                e.preventDefault();
                const why = reason.trim();
                if (!why) {
                  setFieldError(t('studio.panel.action.reasonRequired'));
                  return;
                }
                setFieldError(null);
                setFormError(null);
                change.mutate(why, {
                  onSuccess: () => {
                    close();
                    onDone(t(`${key}.done`, { name: panellist.displayName }));
                  },
                  onError: (error) => {
                    const problem = problemOf(error);
                    const onReason = problem?.errors?.find((x) => x.field === 'reason');
                    if (onReason) setFieldError(t('studio.panel.action.reasonInvalid'));
                    else if (problem?.status === 409 || problemCode(problem) === 'illegal-status-change')
                      setFormError(t('studio.panel.action.conflict'));
                    else setFormError(problemMessage(problem, t));
                  },
                });
              };
              return (
                <form onSubmit={submit} noValidate>
                  <Heading slot="title" className={ws.dialogTitle}>
                    {t(`${key}.title`, { name: panellist.displayName })}
                  </Heading>
                  <p>{t(`${key}.body`)}</p>
                  <FormAlert message={formError ?? undefined} />
                  <div className={formStyles.field}>
                    <label className={formStyles.label} htmlFor={`${id}-reason`}>
                      {t('studio.panel.action.reason')}
                    </label>
                    <textarea
                      id={`${id}-reason`}
                      className={ws.textarea}
                      value={reason}
                      maxLength={500}
                      required
                      aria-invalid={fieldError ? true : undefined}
                      aria-describedby={fieldError ? `${id}-reason-error` : undefined}
                      onChange={(e) => {
                        setReason(e.target.value);
                        if (fieldError) setFieldError(null);
                      }}
                    />
                    {fieldError ? (
                      <span id={`${id}-reason-error`} className={formStyles.error}>
                        {fieldError}
                      </span>
                    ) : null}
                  </div>
                  <div className={ws.actions}>
                    <Button
                      type="submit"
                      className={move === 'block' ? `${formStyles.button} ${ws.danger}` : formStyles.button}
                      isDisabled={change.isPending}
                    >
                      {change.isPending ? t('studio.saving') : t(`${key}.confirm`)}
                    </Button>
                    <Button className={`${formStyles.button} ${ws.secondary}`} onPress={close} isDisabled={change.isPending}>
                      {t('studio.cancel')}
                    </Button>
                  </div>
                </form>
              );
            }}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
