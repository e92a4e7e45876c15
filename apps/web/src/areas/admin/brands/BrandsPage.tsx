import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm, problemMessage, problemOf } from '../../../api/problem';
import { DataTable, type Column } from '../../../components/DataTable';
import { Button } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import { Note } from '../../../components/Page';
import { formatDate } from '../../../i18n/format';
import { Field } from '../../../components/Field';
import { adminKeys, sdkAdminApi, type AdminApi, type Brand } from '../api';
import styles from '../Admin.module.css';
import ws from '../../../components/Workspace.module.css';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `/admin/brands`: the brands, a page at a time, and a form to create one. */
export function BrandsPage({ api = sdkAdminApi }: { api?: AdminApi }) {
  const { t, i18n } = useTranslation();
  const brands = useInfiniteQuery({
    queryKey: [...adminKeys.brands, 'pages'],
    queryFn: ({ pageParam }) => api.listBrands(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = brands.data?.pages.flatMap((p) => p.items) ?? [];
  const [notice, setNotice] = useState<string | null>(null);
  const columns: Column<Brand>[] = [
    { key: 'name', header: t('admin.brands.name'), cell: (b) => b.name },
    { key: 'slug', header: t('admin.brands.slug'), cell: (b) => <span className={ws.mono}>{b.slug}</span> },
    { key: 'createdAt', header: t('admin.brands.createdAt'), cell: (b) => formatDate(b.createdAt, i18n.language, { dateStyle: 'medium' }) },
  ];

  return (
    <section className={ws.panel} aria-labelledby="admin-brands-title">
      <h1 id="admin-brands-title" className={ws.title}>
        {t('admin.brands.title')}
      </h1>
      <CreateBrandForm
        api={api}
        onSubmitting={() => setNotice(null)}
        onCreated={(name) => setNotice(t('admin.brands.created', { name }))}
      />
      {notice ? <Note>{notice}</Note> : null}
      <h2 className={ws.subtitle}>{t('admin.brands.list')}</h2>
      {brands.isPending ? (
        <p role="status">{t('admin.loading')}</p>
      ) : brands.isError ? (
        <FormAlert message={problemMessage(problemOf(brands.error), t)} />
      ) : (
        <DataTable
          caption={t('admin.brands.list')}
          columns={columns}
          rows={rows}
          rowKey={(b) => b.id}
          empty={t('admin.brands.empty')}
          hasMore={brands.hasNextPage}
          loadingMore={brands.isFetchingNextPage}
          onMore={() => void brands.fetchNextPage()}
          moreLabel={brands.isFetchingNextPage ? t('admin.loading') : t('admin.users.more')}
        />
      )}
    </section>
  );
}

function CreateBrandForm({ api, onSubmitting, onCreated }: { api: AdminApi; onSubmitting: () => void; onCreated: (name: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<{ name: string; slug: string }>({ defaultValues: { name: '', slug: '' } });
  const create = useMutation({ mutationFn: (v: { name: string; slug: string }) => api.createBrand(v) });
  const onSubmit = handleSubmit(async (values) => {
    onSubmitting();
    try {
      const brand = await create.mutateAsync({ name: values.name.trim(), slug: values.slug.trim() });
      reset();
      void queryClient.invalidateQueries({ queryKey: adminKeys.brands });
      onCreated(brand.name);
    } catch (error) {
      const problem = problemOf(error);
      if (problem?.status === 409 && !problem.errors?.length) {
        setError('slug', { type: 'server', message: t('admin.brands.slugTaken') }, { shouldFocus: true });
        return;
      }
      applyProblemToForm(problem, setError, t, { fields: ['name', 'slug'] });
    }
  });
  return (
    <form className={styles.form} onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="admin-brand-create">
      <h2 id="admin-brand-create" className={ws.subtitle}>
        {t('admin.brands.create')}
      </h2>
      <FormAlert message={errors.root?.server?.message} />
      <Field label={t('admin.brands.name')} error={errors.name?.message} {...register('name', { required: t('form.required') })} />
      <Field
        label={t('admin.brands.slug')}
        error={errors.slug?.message}
        spellCheck={false}
        autoComplete="off"
        {...register('slug', {
          required: t('form.required'),
          pattern: { value: SLUG, message: t('admin.brands.slugHint') },
        })}
      />
      <p className={styles.hint}>{t('admin.brands.slugHint')}</p>
      <div className={ws.actions}>
        <Button type="submit" isDisabled={isSubmitting}>
          {isSubmitting ? t('admin.saving') : t('admin.brands.createSubmit')}
        </Button>
      </div>
    </form>
  );
}
