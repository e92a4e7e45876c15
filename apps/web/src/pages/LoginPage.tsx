import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, formStyles, TextField } from '../components/Form';
import { Actions, Note, Page } from '../components/Page';

interface LoginForm {
  email: string;
  password: string;
}

/** `/login` and `/`: the form is here; signing in is wired with the browser session (next step). */
export function LoginPage() {
  const { t } = useTranslation();
  const [submitted, setSubmitted] = useState(false);
  const { register, handleSubmit, formState } = useForm<LoginForm>();
  const required = { required: t('form.required') };
  return (
    <Page title={t('login.title')} intro={t('login.intro')}>
      <form className={formStyles.form} noValidate onSubmit={(e) => void handleSubmit(() => setSubmitted(true))(e)}>
        <TextField
          label={t('form.email')}
          type="email"
          autoComplete="username"
          required
          error={formState.errors.email?.message}
          {...register('email', required)}
        />
        <TextField
          label={t('form.password')}
          type="password"
          autoComplete="current-password"
          required
          error={formState.errors.password?.message}
          {...register('password', required)}
        />
        <Button type="submit">{t('login.submit')}</Button>
        {submitted ? <Note>{t('form.notYetAvailable')}</Note> : null}
        <Actions>
          <Link to="/forgot">{t('login.forgot')}</Link>
        </Actions>
      </form>
    </Page>
  );
}
