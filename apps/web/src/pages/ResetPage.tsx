import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../api/client';
import { passwordResetControllerConfirm } from '../api/generated/sdk.gen';
import { applyProblemToForm, problemCode, problemOf } from '../api/problem';
import { Button, formStyles } from '../components/Form';
import { FormAlert } from '../components/FormAlert';
import { Actions, Note, Page } from '../components/Page';
import styles from './auth/auth.module.css';
import { PasswordField } from './auth/PasswordField';
import { resetCheck, schemaResolver, type ResetForm } from './auth/schemas';

/** `/reset?token=` (the link of the reset e-mail): a new password, typed twice. */
export function ResetPage({ token }: { token?: string }) {
  const { t } = useTranslation();
  const { register, handleSubmit, formState, setError } = useForm<ResetForm>({
    resolver: schemaResolver(resetCheck(token ?? '', t), t),
    defaultValues: { password: '', confirm: '' },
  });
  const reset = useMutation({
    mutationFn: async (v: ResetForm) => {
      unwrap(await passwordResetControllerConfirm({ body: { token: token ?? '', newPassword: v.password } }));
    },
    onError: (error) => {
      const problem = problemOf(error);
      if (problemCode(problem) !== 'invalid-reset-token') {
        applyProblemToForm(problem, setError, t, { fields: ['password'], rename: { newPassword: 'password' } });
      }
    },
  });

  const invalidToken = !token || problemCode(problemOf(reset.error)) === 'invalid-reset-token';
  if (invalidToken) {
    return (
      <Page title={t('reset.title')}>
        <Note>{token ? t('problem.type.invalidResetToken') : t('reset.missing')}</Note>
        <Actions>
          <Link className={styles.buttonLink} to="/forgot">
            {t('auth.reset.askAgain')}
          </Link>
        </Actions>
      </Page>
    );
  }
  if (reset.isSuccess) {
    return (
      <Page title={t('reset.title')}>
        <Note>{t('auth.reset.done')}</Note>
        <Actions>
          <Link className={styles.buttonLink} to="/login">
            {t('login.submit')}
          </Link>
        </Actions>
      </Page>
    );
  }
  return (
    <Page title={t('reset.title')} intro={t('reset.intro')}>
      <form className={formStyles.form} noValidate onSubmit={(e) => void handleSubmit((v) => reset.mutate(v))(e)}>
        <FormAlert message={formState.errors.root?.server?.message} />
        <PasswordField
          label={t('form.newPassword')}
          autoComplete="new-password"
          required
          error={formState.errors.password?.message}
          {...register('password')}
        />
        <PasswordField
          label={t('auth.confirmPassword')}
          autoComplete="new-password"
          required
          error={formState.errors.confirm?.message}
          {...register('confirm')}
        />
        <Button type="submit" isDisabled={reset.isPending}>
          {t('reset.submit')}
        </Button>
      </form>
    </Page>
  );
}
