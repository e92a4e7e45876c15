import { forwardRef, useState, type ComponentProps } from 'react';
import { Button, FieldError, Input, Label, TextField as AriaTextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { formStyles } from '../../components/Form';
import styles from './auth.module.css';

interface PasswordFieldProps extends Omit<ComponentProps<'input'>, 'size' | 'type'> {
  label: string;
  error?: string;
  autoComplete: 'current-password' | 'new-password';
}

/** A labelled password input with a "show" toggle (44 px, keyboard reachable); takes `register(...)` props. */
export const PasswordField = forwardRef<HTMLInputElement, PasswordFieldProps>(function PasswordField(
  { label, error, name, autoComplete, required, ...rest },
  ref,
) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <AriaTextField
      className={formStyles.field}
      name={name}
      type={visible ? 'text' : 'password'}
      autoComplete={autoComplete}
      isRequired={required}
      isInvalid={!!error}
      validationBehavior="aria"
    >
      <Label className={formStyles.label}>{label}</Label>
      <div className={styles.passwordRow}>
        <Input ref={ref} className={`${formStyles.input} ${styles.passwordInput}`} spellCheck={false} autoCapitalize="none" {...rest} />
        {/* the visible word starts the name (label in name): "Show the password" / "Hide the password" */}
        <Button
          className={styles.reveal}
          onPress={() => setVisible((v) => !v)}
          aria-label={visible ? t('auth.hidePassword') : t('auth.showPassword')}
        >
          {visible ? t('auth.hide') : t('auth.show')}
        </Button>
      </div>
      <FieldError className={formStyles.error}>{error}</FieldError>
    </AriaTextField>
  );
});
