import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { recruitmentControllerResendConfirmation } from '../api/generated/sdk.gen';
import { applyProblemToForm, problemCode, problemOf } from '../api/problem';
import { Button, formStyles, TextField } from '../components/Form';
import { FormAlert } from '../components/FormAlert';
import { Actions, Page } from '../components/Page';
import { RedirectTo, SessionLoading } from '../session/guards';
import { destinationFor } from '../session/next';
import { homeOf, useSession, type User } from '../session/session';
import styles from './auth/auth.module.css';
import { PasswordField } from './auth/PasswordField';
import { loginCheck, schemaResolver, type LoginForm } from './auth/schemas';

function destination(user: User, next?: string): string {
  if (user.mustChangePassword && user.role !== 'panellist') return '/account/password';
  return destinationFor(user.role, homeOf(user.role), next);
}

/** Minutes to wait, from a 429's Retry-After (at least 1). */
export function minutesToWait(seconds: number | null): number {
  return Math.max(1, Math.ceil((seconds ?? 60) / 60));
}

/** `/login` and `/`: sign in, then `next` (when the role may open it) or the role's home. */
export function LoginPage({ next }: { next?: string }) {
  const { t } = useTranslation();
  const { status, user, signIn } = useSession();
  const [unconfirmed, setUnconfirmed] = useState<string | null>(null);
  const { register, handleSubmit, formState, setError, clearErrors } = useForm<LoginForm>({
    resolver: schemaResolver(loginCheck(), t),
    defaultValues: { email: '', password: '' },
  });

  const login = useMutation({
    mutationFn: (v: LoginForm) => signIn(v.email.trim(), v.password),
    onMutate: () => {
      setUnconfirmed(null);
      clearErrors('root');
    },
    onError: (error, v) => {
      const problem = problemOf(error);
      if (problem?.status === 403 && problemCode(problem) === 'email-not-confirmed') {
        setUnconfirmed(v.email.trim());
      } else if (problem?.status === 429) {
        const seconds = error instanceof ApiError ? error.retryAfterSeconds : null;
        setError('root.server', { type: 'server', message: t('auth.login.tooMany', { count: minutesToWait(seconds) }) });
      } else if (problem?.status === 401) {
        setError('root.server', { type: 'server', message: t('auth.login.wrong') });
      } else {
        applyProblemToForm(problem, setError, t, { fields: ['email', 'password'] });
      }
    },
  });

  if (status === 'loading') return <SessionLoading />;
  if (user) return <RedirectTo href={destination(user, next)} />;

  const errors = formState.errors;
  return (
    <Page title={t('login.title')} intro={t('login.intro')}>
      <form className={formStyles.form} noValidate onSubmit={(e) => void handleSubmit((v) => login.mutate(v))(e)}>
        <FormAlert message={errors.root?.server?.message}>{unconfirmed ? <ResendConfirmation email={unconfirmed} /> : null}</FormAlert>
        <TextField
          label={t('form.email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          error={errors.email?.message}
          {...register('email')}
        />
        <PasswordField
          label={t('form.password')}
          autoComplete="current-password"
          required
          error={errors.password?.message}
          {...register('password')}
        />
        <Button type="submit" isDisabled={login.isPending}>
          {login.isPending ? t('auth.login.signingIn') : t('login.submit')}
        </Button>
        <Actions>
          <Link to="/forgot">{t('login.forgot')}</Link>
        </Actions>
      </form>
    </Page>
  );
}

/** 403 email-not-confirmed: what it means, and a new confirmation e-mail on request. */
function ResendConfirmation({ email }: { email: string }) {
  const { t } = useTranslation();
  const resend = useMutation({
    mutationFn: async () => {
      const res = await recruitmentControllerResendConfirmation({ body: { email } });
      if (res.error !== undefined) throw new ApiError(res.response?.status ?? 0, null);
    },
  });
  return (
    <>
      <p>{t('auth.login.unconfirmed')}</p>
      {resend.isSuccess ? (
        <p role="status">{t('auth.resent')}</p>
      ) : (
        <Button className={styles.secondary} isDisabled={resend.isPending} onPress={() => resend.mutate()}>
          {t('auth.resend')}
        </Button>
      )}
      {resend.isError ? <p>{t('problem.status.other')}</p> : null}
    </>
  );
}
