import { useId, type ComponentProps } from 'react';
import { Checkbox, FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { formStyles } from '../../components/Form';
import styles from '../JoinPage.module.css';

type FieldProps = Omit<ComponentProps<'input'>, 'size'> & { label: string; error?: string; description?: string };

/** A labelled input with an optional description and its error, wired by React Aria; takes register(...) props. */
export function Field({ label, error, description, name, type, autoComplete, defaultValue, ref, ...rest }: FieldProps) {
  return (
    <TextField
      // React Aria holds the input's value: the form's default goes here, not through the ref
      defaultValue={typeof defaultValue === 'string' ? defaultValue : undefined}
      className={formStyles.field}
      name={name}
      type={type as 'text'}
      autoComplete={autoComplete}
      isInvalid={!!error}
      validationBehavior="aria"
    >
      <Label className={formStyles.label}>{label}</Label>
      {description ? (
        <Text slot="description" className={styles.hint}>
          {description}
        </Text>
      ) : null}
      <Input ref={ref} className={formStyles.input} {...rest} />
      <FieldError className={formStyles.error}>{error}</FieldError>
    </TextField>
  );
}

type SelectProps = ComponentProps<'select'> & { label: string; error?: string };

/** A native select (the phone's own picker), labelled, with its error described. */
export function SelectField({ label, error, children, id, ref, ...rest }: SelectProps) {
  const fallback = `join-${rest.name}`;
  const selectId = id ?? fallback;
  const errorId = `${selectId}-error`;
  return (
    <div className={formStyles.field}>
      <label className={formStyles.label} htmlFor={selectId}>
        {label}
      </label>
      <select
        ref={ref}
        id={selectId}
        className={`${formStyles.input} ${styles.select}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...rest}
      >
        {children}
      </select>
      {error ? (
        <span id={errorId} className={formStyles.error}>
          {error}
        </span>
      ) : null}
    </div>
  );
}

export function ConsentBox({
  checked,
  onChange,
  label,
  error,
  required,
}: {
  checked: boolean;
  onChange: (v: boolean) => void;
  label: string;
  error?: string;
  required?: boolean;
}) {
  const { t } = useTranslation();
  const errorId = useId();
  return (
    <div className={styles.consent}>
      <Checkbox
        isSelected={checked}
        onChange={onChange}
        className={styles.checkbox}
        isInvalid={!!error}
        isRequired={required}
        aria-describedby={error ? errorId : undefined}
      >
        <span className={styles.box} aria-hidden="true" />
        <span>
          {label}
          {required ? <span className={styles.required}> {t('survey.required')}</span> : null}
        </span>
      </Checkbox>
      {error ? (
        <span id={errorId} className={formStyles.error}>
          {error}
        </span>
      ) : null}
    </div>
  );
}
