import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, formStyles, TextField } from '../components/Form';
import { Note, Page } from '../components/Page';

export function ForgotPage() {
  const { t } = useTranslation();
  const [submitted, setSubmitted] = useState(false);
  const { register, handleSubmit, formState } = useForm<{ email: string }>();
  return (
    <Page title={t('forgot.title')} intro={t('forgot.intro')}>
      <form className={formStyles.form} noValidate onSubmit={(e) => void handleSubmit(() => setSubmitted(true))(e)}>
        <TextField
          label={t('form.email')}
          type="email"
          autoComplete="email"
          required
          error={formState.errors.email?.message}
          {...register('email', { required: t('form.required') })}
        />
        <Button type="submit">{t('forgot.submit')}</Button>
        {submitted ? <Note>{t('form.notYetAvailable')}</Note> : null}
      </form>
    </Page>
  );
}
