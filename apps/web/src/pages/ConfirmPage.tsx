import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../api/client';
import { recruitmentControllerConfirm, recruitmentControllerResendConfirmation } from '../api/generated/sdk.gen';
import { applyProblemToForm, problemCode, problemOf } from '../api/problem';
import { Button, formStyles, TextField } from '../components/Form';
import { FormAlert } from '../components/FormAlert';
import { Actions, Note, Page } from '../components/Page';
import { SessionLoading } from '../session/guards';
import styles from './auth/auth.module.css';
import { emailCheck, schemaResolver, type EmailForm } from './auth/schemas';

/**
 * `/confirm?token=` (the link of the confirmation e-mail): confirms once on load, then says what
 * happens next — active, waitlisted (kindly), or a used or expired link with a new e-mail on request.
 */
export function ConfirmPage({ token }: { token?: string }) {
  const { t } = useTranslation();
  // a query, not an effect: one POST per token even when React mounts twice or the page re-renders
  const confirm = useQuery({
    queryKey: ['public', 'confirm-email', token],
    queryFn: async () => unwrap(await recruitmentControllerConfirm({ body: { token: token ?? '' } })),
    enabled: !!token,
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

  if (!token) {
    return (
      <Page title={t('confirm.title')}>
        <Note>{t('confirm.missing')}</Note>
        <ResendForm />
      </Page>
    );
  }
  if (confirm.isPending) {
    return (
      <Page title={t('confirm.title')}>
        <Note>{t('confirm.body')}</Note>
        <SessionLoading />
      </Page>
    );
  }
  if (confirm.isError) {
    const problem = problemOf(confirm.error);
    if (problemCode(problem) === 'already-confirmed') {
      return (
        <Page title={t('auth.confirm.alreadyTitle')}>
          <Note>{t('problem.type.alreadyConfirmed')}</Note>
          <SignInLink />
        </Page>
      );
    }
    return (
      <Page title={t('auth.confirm.expiredTitle')}>
        <p>{problem && problem.status < 500 ? t('auth.confirm.expired') : t('problem.status.other')}</p>
        <ResendForm />
      </Page>
    );
  }
  if (confirm.data.status === 'waitlisted') {
    return (
      <Page title={t('auth.confirm.waitlistedTitle')}>
        <p>{t('auth.confirm.waitlisted')}</p>
        <p>{t('auth.confirm.waitlistedNext')}</p>
        <SignInLink />
      </Page>
    );
  }
  return (
    <Page title={t('auth.confirm.activeTitle')} intro={t('auth.confirm.active')}>
      <h2>{t('auth.confirm.nextTitle')}</h2>
      <ol className={styles.steps}>
        <li>{t('auth.confirm.next1')}</li>
        <li>{t('auth.confirm.next2')}</li>
        <li>{t('auth.confirm.next3')}</li>
      </ol>
      <SignInLink />
    </Page>
  );
}

function SignInLink() {
  const { t } = useTranslation();
  return (
    <Actions>
      <Link className={styles.buttonLink} to="/login">
        {t('login.submit')}
      </Link>
    </Actions>
  );
}

/** A new confirmation e-mail: the same answer whether the address is known or not. */
function ResendForm() {
  const { t } = useTranslation();
  const { register, handleSubmit, formState, setError } = useForm<EmailForm>({
    resolver: schemaResolver(emailCheck(), t),
    defaultValues: { email: '' },
  });
  const resend = useMutation({
    mutationFn: async (v: EmailForm) => {
      unwrap(await recruitmentControllerResendConfirmation({ body: { email: v.email.trim() } }));
    },
    onError: (error) => applyProblemToForm(problemOf(error), setError, t, { fields: ['email'] }),
  });
  if (resend.isSuccess) return <Note>{t('auth.resent')}</Note>;
  return (
    <form className={formStyles.form} noValidate onSubmit={(e) => void handleSubmit((v) => resend.mutate(v))(e)}>
      <h2>{t('auth.confirm.resendTitle')}</h2>
      <FormAlert message={formState.errors.root?.server?.message} />
      <TextField
        label={t('form.email')}
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        error={formState.errors.email?.message}
        {...register('email')}
      />
      <Button type="submit" isDisabled={resend.isPending}>
        {t('auth.resend')}
      </Button>
    </form>
  );
}
