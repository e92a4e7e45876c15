import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf } from '../../../api/problem';
import { Button, formStyles } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import ws from '../../../components/Workspace.module.css';
import styles from './Surveys.module.css';

/** A server message shown under a field; the control points at it with aria-describedby. */
function ErrorText({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={id} className={formStyles.error}>
      {error}
    </p>
  );
}

/** A labelled controlled input (text or number as typed), its error under it. */
export function TextInput({
  label,
  value,
  onChange,
  error,
  type = 'text',
  hint,
  disabled,
  className,
  mono,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  type?: 'text' | 'number' | 'date';
  hint?: string;
  disabled?: boolean;
  className?: string;
  mono?: boolean;
}) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`${formStyles.field} ${className ?? ''}`}>
      <label htmlFor={id} className={formStyles.label}>
        {label}
      </label>
      <input
        id={id}
        type={type}
        inputMode={type === 'number' ? 'decimal' : undefined}
        className={`${formStyles.input} ${mono ? ws.mono : ''}`}
        value={value}
        disabled={disabled}
        spellCheck={mono ? false : undefined}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        data-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {hint ? (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      ) : null}
      <ErrorText id={`${id}-error`} error={error} />
    </div>
  );
}

export function TextArea({
  label,
  value,
  onChange,
  error,
  disabled,
  rows = 2,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  disabled?: boolean;
  rows?: number;
}) {
  const id = useId();
  return (
    <div className={formStyles.field}>
      <label htmlFor={id} className={formStyles.label}>
        {label}
      </label>
      <textarea
        id={id}
        rows={rows}
        className={ws.textarea}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <ErrorText id={`${id}-error`} error={error} />
    </div>
  );
}

export function Select({
  label,
  value,
  onChange,
  error,
  disabled,
  children,
  className,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  disabled?: boolean;
  children: ReactNode;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={`${formStyles.field} ${className ?? ''}`}>
      <label htmlFor={id} className={formStyles.label}>
        {label}
      </label>
      <select
        id={id}
        className={ws.select}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      >
        {children}
      </select>
      <ErrorText id={`${id}-error`} error={error} />
    </div>
  );
}

export function CheckboxInput({
  label,
  checked,
  onChange,
  error,
  disabled,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className={styles.check}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      <ErrorText id={`${id}-error`} error={error} />
    </div>
  );
}

/**
 * A new survey from its title, then opened in the builder. (Here, beside the controls it is
 * made of: the campaigns and surveys pages share this chunk already.)
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
