import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm, problemMessage, problemOf } from '../../../api/problem';
import { Button } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import ws from '../../../components/Workspace.module.css';
import { Field } from '../../../components/Field';
import { roundsKeys, type RoundsApi } from './api';
import styles from './Rounds.module.css';

/** The study's code book (GET /studies/:id/codes): shared by the round list and every round's page. */
export function useCodes(studyId: string, api: RoundsApi) {
  return useQuery({ queryKey: roundsKeys.codes(studyId), queryFn: () => api.listCodes(studyId) });
}

interface CodeForm {
  name: string;
  description: string;
}

/** The code book: each code with the number of posts carrying it, and "add a code". */
export function CodeBook({ studyId, api }: { studyId: string; api: RoundsApi }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const codes = useCodes(studyId, api);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<CodeForm>({ defaultValues: { name: '', description: '' } });
  const create = useMutation({
    mutationFn: (values: CodeForm) =>
      api.createCode(studyId, {
        name: values.name.trim(),
        ...(values.description.trim() ? { description: values.description.trim() } : {}),
      }),
  });
  const onSubmit = handleSubmit(async (values) => {
    try {
      await create.mutateAsync(values);
      reset();
      await queryClient.invalidateQueries({ queryKey: roundsKeys.codes(studyId) });
    } catch (error) {
      const problem = problemOf(error);
      if (problem?.status === 409) {
        setError('name', { type: 'server', message: t('studio.rounds.codes.taken') }, { shouldFocus: true });
        return;
      }
      applyProblemToForm(problem, setError, t, { fields: ['name', 'description'] });
    }
  });

  const items = codes.data?.items ?? [];
  return (
    <section className={ws.panel} aria-labelledby="studio-codes-title">
      <h2 id="studio-codes-title" className={ws.title}>
        {t('studio.rounds.codes.title')}
      </h2>
      <p className={ws.muted}>{t('studio.rounds.codes.intro')}</p>
      {codes.isPending ? (
        <p role="status">{t('studio.loading')}</p>
      ) : codes.isError ? (
        <FormAlert message={problemMessage(problemOf(codes.error), t)} />
      ) : items.length === 0 ? (
        <p>{t('studio.rounds.codes.empty')}</p>
      ) : (
        <ul className={styles.codes} aria-label={t('studio.rounds.codes.list')}>
          {items.map((c) => (
            <li key={c.id} className={styles.code}>
              <strong>{c.name}</strong>
              <span className={styles.count} aria-label={t('studio.rounds.codes.countLabel', { count: c.count })}>
                {c.count}
              </span>
              {c.description ? <p className={ws.muted}>{c.description}</p> : null}
              {c.hiddenCount > 0 ? <p className={ws.muted}>{t('studio.rounds.codes.hidden', { count: c.hiddenCount })}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="studio-codes-add">
        <h3 id="studio-codes-add" className={ws.subtitle}>
          {t('studio.rounds.codes.add')}
        </h3>
        <FormAlert message={errors.root?.server?.message} />
        <Field
          label={t('studio.rounds.codes.name')}
          autoComplete="off"
          error={errors.name?.message}
          {...register('name', {
            validate: (v) => v.trim() !== '' || t('form.required'),
            maxLength: { value: 100, message: t('problem.field.tooLong', { count: 100 }) },
          })}
        />
        <Field
          label={t('studio.rounds.codes.description')}
          autoComplete="off"
          error={errors.description?.message}
          {...register('description')}
        />
        <div className={ws.actions}>
          <Button type="submit" isDisabled={isSubmitting}>
            {isSubmitting ? t('studio.saving') : t('studio.rounds.codes.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
