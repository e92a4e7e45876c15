import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../api/client';
import { passwordResetControllerRequest } from '../api/generated/sdk.gen';
import { applyProblemToForm, problemOf } from '../api/problem';
import { Button, formStyles, TextField } from '../components/Form';
import { FormAlert } from '../components/FormAlert';
import { Actions, Note, Page } from '../components/Page';
import { emailCheck, schemaResolver, type EmailForm } from './auth/schemas';

/** `/forgot`: always the same answer, whether the address has an account or not. */
export function ForgotPage() {
  const { t } = useTranslation();
  const { register, handleSubmit, formState, setError } = useForm<EmailForm>({
    resolver: schemaResolver(emailCheck(), t),
    defaultValues: { email: '' },
  });
  const request = useMutation({
    mutationFn: async (v: EmailForm) => {
      const res = await passwordResetControllerRequest({ body: { email: v.email.trim() } });
      if (res.response?.status !== 202) unwrap(res);
    },
    onError: (error) => applyProblemToForm(problemOf(error), setError, t, { fields: ['email'] }),
  });

  if (request.isSuccess) {
    return (
      <Page title={t('forgot.title')}>
        <Note>{t('auth.forgot.sent')}</Note>
        <Actions>
          <Link to="/login">{t('auth.backToLogin')}</Link>
        </Actions>
      </Page>
    );
  }
  return (
    <Page title={t('forgot.title')} intro={t('forgot.intro')}>
      <form className={formStyles.form} noValidate onSubmit={(e) => void handleSubmit((v) => request.mutate(v))(e)}>
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
        <Button type="submit" isDisabled={request.isPending}>
          {t('forgot.submit')}
        </Button>
        <Actions>
          <Link to="/login">{t('auth.backToLogin')}</Link>
        </Actions>
      </form>
    </Page>
  );
}
