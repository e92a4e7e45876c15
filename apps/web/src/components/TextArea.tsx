import { forwardRef, useId, type ComponentProps } from 'react';
import { formStyles } from './Form';
import ws from './Workspace.module.css';

interface TextAreaProps extends ComponentProps<'textarea'> {
  label: string;
  error?: string;
}

/** A labelled, uncontrolled <textarea> for react-hook-form's `register(...)`, its error announced with it. */
export const TextArea = forwardRef<HTMLTextAreaElement, TextAreaProps>(function TextArea({ label, error, id, ...rest }, ref) {
  const own = useId();
  const inputId = id ?? own;
  const errorId = `${inputId}-error`;
  return (
    <div className={formStyles.field}>
      <label htmlFor={inputId} className={formStyles.label}>
        {label}
      </label>
      <textarea
        ref={ref}
        id={inputId}
        className={ws.textarea}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
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
