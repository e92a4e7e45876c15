import { forwardRef, type ComponentProps } from 'react';
import { Button as AriaButton, FieldError, Input, Label, TextField as AriaTextField } from 'react-aria-components';
import styles from './Form.module.css';

export const formStyles = styles;

type InputProps = Omit<ComponentProps<'input'>, 'size'>;

interface TextFieldProps extends InputProps {
  label: string;
  error?: string;
}

/**
 * A labelled text input (React Aria: label, description and error are wired to the input).
 * Takes react-hook-form's `register(...)` props; `error` is the message shown under it.
 */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, error, name, type, autoComplete, required, ...rest },
  ref,
) {
  return (
    <AriaTextField
      className={styles.field}
      name={name}
      type={type as 'text'}
      autoComplete={autoComplete}
      isRequired={required}
      isInvalid={!!error}
      validationBehavior="aria"
    >
      <Label className={styles.label}>{label}</Label>
      <Input ref={ref} className={styles.input} {...rest} />
      <FieldError className={styles.error}>{error}</FieldError>
    </AriaTextField>
  );
});

export function Button(props: ComponentProps<typeof AriaButton>) {
  return <AriaButton className={styles.button} {...props} />;
}
