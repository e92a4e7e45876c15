import { forwardRef, useId, type ComponentProps, type ReactNode } from 'react';
import { formStyles } from './Form';

/** What a control needs to be labelled and to announce its error. */
export interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** A label, its control and the control's error, announced with it: the frame of Field and TextArea. */
export function FieldFrame({
  label,
  error,
  id,
  children,
}: {
  label: string;
  error?: string;
  id?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const own = useId();
  const inputId = id ?? own;
  const errorId = `${inputId}-error`;
  return (
    <div className={formStyles.field}>
      <label htmlFor={inputId} className={formStyles.label}>
        {label}
      </label>
      {children({ id: inputId, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined })}
      {error ? (
        <p id={errorId} className={formStyles.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface FieldProps extends Omit<ComponentProps<'input'>, 'size'> {
  label: string;
  error?: string;
}

/**
 * A labelled, uncontrolled input for react-hook-form's `register(...)`: the value the form
 * starts with shows in the input (the shared TextField is controlled by React Aria, which
 * resets a registered input to empty), the error is announced with the input.
 */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field({ label, error, id, ...rest }, ref) {
  return (
    <FieldFrame label={label} error={error} id={id}>
      {(control) => <input ref={ref} {...control} className={formStyles.input} data-invalid={error ? true : undefined} {...rest} />}
    </FieldFrame>
  );
});
