import { forwardRef, type ComponentProps } from 'react';
import { FieldFrame } from './Field';
import ws from './Workspace.module.css';

interface TextAreaProps extends ComponentProps<'textarea'> {
  label: string;
  error?: string;
}

/** A labelled, uncontrolled <textarea> for react-hook-form's `register(...)`, its error announced with it. */
export const TextArea = forwardRef<HTMLTextAreaElement, TextAreaProps>(function TextArea({ label, error, id, ...rest }, ref) {
  return (
    <FieldFrame label={label} error={error} id={id}>
      {(control) => <textarea ref={ref} {...control} className={ws.textarea} {...rest} />}
    </FieldFrame>
  );
});
