import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf } from '../../../api/problem';
import { Button } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import { TextInput } from './controls';
import styles from './Surveys.module.css';

/**
 * A new survey from its title (and whatever else `children` asks, e.g. its kind), created by
 * `create`, then opened in the builder; the list under `invalidates` is refreshed. A refusal
 * on the title shows on the field, any other in the form's alert.
 */
export function NewSurveyForm({
  label,
  titleLabel,
  submitLabel,
  create,
  invalidates,
  children,
}: {
  /** the form's accessible name */
  label: string;
  titleLabel: string;
  submitLabel: string;
  create: (title: string) => Promise<{ id: string }>;
  invalidates: QueryKey;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<{ title?: string; alert?: string }>({});
  const mutation = useMutation({ mutationFn: () => create(title.trim()) });
  const submit = async () => {
    if (!title.trim()) {
      setErrors({ title: t('form.required') });
      return;
    }
    setErrors({});
    try {
      const survey = await mutation.mutateAsync();
      void queryClient.invalidateQueries({ queryKey: invalidates });
      void navigate({ to: '/studio/surveys/$surveyId', params: { surveyId: survey.id } });
    } catch (error) {
      const problem = problemOf(error);
      const onTitle = problem?.errors?.find((e) => e.field === 'title');
      setErrors(onTitle ? { title: onTitle.message } : { alert: problemMessage(problem, t) });
    }
  };
  return (
    <form
      className={styles.addRow}
      noValidate
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <FormAlert message={errors.alert} />
      <TextInput label={titleLabel} value={title} onChange={setTitle} error={errors.title} />
      {children}
      <Button type="submit" isDisabled={mutation.isPending}>
        {mutation.isPending ? t('studio.saving') : submitLabel}
      </Button>
    </form>
  );
}
