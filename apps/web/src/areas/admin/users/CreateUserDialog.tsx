import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm, problemOf } from '../../../api/problem';
import { Button, formStyles } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import { FormDialog } from '../../../components/ConfirmDialog';
import { Field } from '../../../components/Field';
import { generatePassword, type AdminApi, type AdminUser } from '../api';
import { MoreBrands, type BrandList } from '../useBrands';
import styles from '../Admin.module.css';
import ws from '../../../components/Workspace.module.css';

interface CreateUserForm {
  email: string;
  password: string;
  role: 'admin' | 'researcher' | 'brand';
  brandId: string;
}

const CREATE_ROLES = ['researcher', 'brand', 'admin'] as const;

/** "Create a user": a button and its dialog. */
export function CreateUserDialog({ api, brands, onCreated }: { api: AdminApi; brands: BrandList; onCreated: (user: AdminUser) => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog trigger={<Button>{t('admin.users.create')}</Button>} title={t('admin.users.createTitle')}>
      {(close) => (
        <CreateUserFormBody
          api={api}
          brands={brands}
          onCancel={close}
          onCreated={(u) => {
            close();
            onCreated(u);
          }}
        />
      )}
    </FormDialog>
  );
}

function CreateUserFormBody({
  api,
  brands,
  onCancel,
  onCreated,
}: {
  api: AdminApi;
  brands: BrandList;
  onCancel: () => void;
  onCreated: (user: AdminUser) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [copied, setCopied] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    control,
    formState: { errors, isSubmitting },
  } = useForm<CreateUserForm>({
    defaultValues: { email: '', password: generatePassword(), role: 'researcher', brandId: '' },
  });
  const role = useWatch({ control, name: 'role' });
  const password = useWatch({ control, name: 'password' });

  const create = useMutation({
    mutationFn: (values: CreateUserForm) =>
      api.createUser({
        email: values.email.trim(),
        password: values.password,
        role: values.role,
        ...(values.role === 'brand' ? { brandId: values.brandId } : {}),
      }),
  });

  const onSubmit = handleSubmit(async (values) => {
    try {
      const user = await create.mutateAsync(values);
      void queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
      onCreated(user);
    } catch (error) {
      const problem = problemOf(error);
      if (problem?.status === 409 && !problem.errors?.length) {
        setError('email', { type: 'server', message: t('admin.users.emailTaken') }, { shouldFocus: true });
        return;
      }
      applyProblemToForm(problem, setError, t, { fields: ['email', 'password', 'role', 'brandId'] });
    }
  });

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(password);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <FormAlert message={errors.root?.server?.message} />
      <Field
        label={t('admin.users.email')}
        type="email"
        autoComplete="off"
        error={errors.email?.message}
        {...register('email', {
          required: t('form.required'),
          pattern: { value: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, message: t('problem.field.email') },
        })}
      />
      <div className={styles.password}>
        <Field
          label={t('admin.users.password')}
          className={`${formStyles.input} ${ws.mono}`}
          autoComplete="off"
          spellCheck={false}
          error={errors.password?.message}
          {...register('password', {
            required: t('form.required'),
            minLength: { value: 12, message: t('problem.field.tooShort', { count: 12 }) },
            onChange: () => setCopied(false),
          })}
        />
        <Button className={`${formStyles.button} ${ws.secondary}`} onPress={() => void copy()}>
          {copied ? t('admin.users.copied') : t('admin.users.copy')}
        </Button>
        <Button
          className={`${formStyles.button} ${ws.secondary}`}
          onPress={() => {
            setValue('password', generatePassword());
            setCopied(false);
          }}
        >
          {t('admin.users.regenerate')}
        </Button>
      </div>
      <p className={styles.hint}>{t('admin.users.passwordHint')}</p>
      <div className={formStyles.field}>
        <label className={formStyles.label} htmlFor="admin-create-role">
          {t('admin.users.col.role')}
        </label>
        <select id="admin-create-role" className={ws.select} {...register('role')}>
          {CREATE_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`admin.role.${r}`)}
            </option>
          ))}
        </select>
      </div>
      {role === 'brand' ? (
        <div className={formStyles.field}>
          <label className={formStyles.label} htmlFor="admin-create-brand">
            {t('admin.users.col.brand')}
          </label>
          <select
            id="admin-create-brand"
            className={ws.select}
            aria-invalid={errors.brandId ? true : undefined}
            aria-describedby={errors.brandId ? 'admin-create-brand-error' : undefined}
            {...register('brandId', {
              validate: (v, all) => all.role !== 'brand' || v !== '' || t('admin.users.brandRequired'),
            })}
          >
            <option value="">{t('admin.users.chooseBrand')}</option>
            {brands.items.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
          <MoreBrands brands={brands} selectId="admin-create-brand" />
          {errors.brandId ? (
            <p id="admin-create-brand-error" className={formStyles.error}>
              {errors.brandId.message}
            </p>
          ) : null}
        </div>
      ) : null}
      <div className={ws.actions}>
        <Button type="submit" isDisabled={isSubmitting}>
          {isSubmitting ? t('admin.saving') : t('admin.users.createSubmit')}
        </Button>
        <Button className={`${formStyles.button} ${ws.secondary}`} onPress={onCancel}>
          {t('admin.cancel')}
        </Button>
      </div>
    </form>
  );
}
