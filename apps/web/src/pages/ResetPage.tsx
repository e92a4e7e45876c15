import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, formStyles, TextField } from '../components/Form';
import { Note, Page } from '../components/Page';

export function ResetPage({ token }: { token?: string }) {
  const { t } = useTranslation();
  const [submitted, setSubmitted] = useState(false);
  const { register, handleSubmit, formState } = useForm<{ password: string }>();
  if (!token) {
    return (
      <Page title={t('reset.title')}>
        <Note>{t('reset.missing')}</Note>
      </Page>
    );
  }
  return (
    <Page title={t('reset.title')} intro={t('reset.intro')}>
      <form className={formStyles.form} noValidate onSubmit={(e) => void handleSubmit(() => setSubmitted(true))(e)}>
        <TextField
          label={t('form.newPassword')}
          type="password"
          autoComplete="new-password"
          required
          error={formState.errors.password?.message}
          {...register('password', { required: t('form.required') })}
        />
        <Button type="submit">{t('reset.submit')}</Button>
        {submitted ? <Note>{t('form.notYetAvailable')}</Note> : null}
      </form>
    </Page>
  );
}
