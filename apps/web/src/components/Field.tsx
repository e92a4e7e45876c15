import { forwardRef, useId, type ComponentProps } from 'react';
import { formStyles } from './Form';

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
  const own = useId();
  const inputId = id ?? own;
  const errorId = `${inputId}-error`;
  return (
    <div className={formStyles.field}>
      <label htmlFor={inputId} className={formStyles.label}>
        {label}
      </label>
      <input
        ref={ref}
        id={inputId}
        className={formStyles.input}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        data-invalid={error ? true : undefined}
        {...rest}
      />
      {error ? (
        <p id={errorId} className={formStyles.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
});
