import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { unwrap } from '../api/client';
import { authControllerChangePassword } from '../api/generated/sdk.gen';
import { applyProblemToForm, problemOf } from '../api/problem';
import { Button, formStyles } from '../components/Form';
import { FormAlert } from '../components/FormAlert';
import { Note, Page } from '../components/Page';
import { homeOf, useSession } from '../session/session';
import { PasswordField } from './auth/PasswordField';
import { changePasswordCheck, schemaResolver, type ChangePasswordForm } from './auth/schemas';

/** `/account/password`: the current password and a new one twice; staff created by an admin land here first. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { user, reload } = useSession();
  const navigate = useNavigate();
  const { register, handleSubmit, formState, setError } = useForm<ChangePasswordForm>({
    resolver: schemaResolver(changePasswordCheck(t), t),
    defaultValues: { currentPassword: '', newPassword: '', confirm: '' },
  });
  const change = useMutation({
    mutationFn: async (v: ChangePasswordForm) => {
      unwrap(await authControllerChangePassword({ body: { currentPassword: v.currentPassword, newPassword: v.newPassword } }));
    },
    onSuccess: async () => {
      await reload(); // mustChangePassword is cleared
      if (user) await navigate({ to: homeOf(user.role) });
    },
    onError: (error) => applyProblemToForm(problemOf(error), setError, t, { fields: ['currentPassword', 'newPassword'] }),
  });
  const errors = formState.errors;
  return (
    <Page title={t('auth.change.title')} intro={t('auth.change.intro')}>
      {user?.mustChangePassword ? <Note>{t('auth.change.required')}</Note> : null}
      <form className={formStyles.form} noValidate onSubmit={(e) => void handleSubmit((v) => change.mutate(v))(e)}>
        <FormAlert message={errors.root?.server?.message} />
        <PasswordField
          label={t('auth.change.current')}
          autoComplete="current-password"
          required
          error={errors.currentPassword?.message}
          {...register('currentPassword')}
        />
        <PasswordField
          label={t('form.newPassword')}
          autoComplete="new-password"
          required
          error={errors.newPassword?.message}
          {...register('newPassword')}
        />
        <PasswordField
          label={t('auth.confirmPassword')}
          autoComplete="new-password"
          required
          error={errors.confirm?.message}
          {...register('confirm')}
        />
        <Button type="submit" isDisabled={change.isPending}>
          {t('auth.change.submit')}
        </Button>
      </form>
    </Page>
  );
}
