import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { applyProblemToForm, problemMessage, problemOf } from '../../../api/problem';
import { DataTable } from '../../../components/DataTable';
import { Button, formStyles } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import { Note } from '../../../components/Page';
import ws from '../../../components/Workspace.module.css';
import { formatDate } from '../../../i18n/format';
import { Field } from '../../../components/Field';
import { homeTestingKeys, type HomeTestingApi, type Product } from './api';
import styles from './HomeTesting.module.css';

const k = (key: string) => `studio.homeTesting.${key}`;

/** The brand's products (a page at a time), a form to create one, each product's stock movements. */
export function Products({
  api,
  studyId,
  brandId,
  products,
}: {
  api: HomeTestingApi;
  studyId: string;
  brandId: string;
  products: ProductsQuery;
}) {
  const { t } = useTranslation();
  const rows = products.data?.pages.flatMap((p) => p.items) ?? [];
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className={ws.panel} aria-labelledby="ht-products">
      <div className={ws.head}>
        <h2 id="ht-products" className={ws.title}>
          {t(k('products.title'))}
        </h2>
      </div>
      <p className={ws.muted}>{t(k('products.intro'))}</p>
      {products.isPending ? (
        <p role="status">{t('studio.loading')}</p>
      ) : products.isError ? (
        <FormAlert message={problemMessage(problemOf(products.error), t)} />
      ) : (
        <DataTable
          caption={t(k('products.caption'))}
          rows={rows}
          rowKey={(p) => p.id}
          empty={t(k('products.empty'))}
          hasMore={products.hasNextPage}
          loadingMore={products.isFetchingNextPage}
          onMore={() => void products.fetchNextPage()}
          moreLabel={t('studio.more')}
          columns={[
            { key: 'sku', header: t(k('products.sku')), cell: (p) => <span className={ws.mono}>{p.sku}</span> },
            { key: 'name', header: t(k('products.name')), cell: (p) => p.name, rowHeader: true },
            { key: 'stock', header: t(k('products.stock')), cell: (p) => p.unitsInStock, numeric: true },
            { key: 'return', header: t(k('products.requiresReturn')), cell: (p) => (p.requiresReturn ? t('studio.yes') : t('studio.no')) },
            {
              key: 'nda',
              header: t(k('products.nda')),
              cell: (p) => (p.ndaRequired ? t(k('products.ndaVersion'), { version: p.ndaVersion ?? '1' }) : t('studio.no')),
            },
            { key: 'usage', header: t(k('products.usageDays')), cell: (p) => p.usageDays, numeric: true },
            {
              key: 'actions',
              header: <span className={ws.visuallyHidden}>{t(k('actions'))}</span>,
              cell: (p) => <StockDialog api={api} studyId={studyId} product={p} />,
            },
          ]}
        />
      )}
      <CreateProductForm
        api={api}
        studyId={studyId}
        brandId={brandId}
        onSubmitting={() => setNotice(null)}
        onCreated={(p) => {
          setNotice(t(k('products.created'), { name: p.name, sku: p.sku }));
          void products.refetch();
        }}
      />
      {notice ? <Note>{notice}</Note> : null}
    </section>
  );
}

export type ProductsQuery = ReturnType<typeof useProducts>;

export function useProducts(api: HomeTestingApi, studyId: string, brandId: string | undefined) {
  return useInfiniteQuery({
    queryKey: homeTestingKeys.products(studyId),
    queryFn: ({ pageParam }) => api.listProducts(brandId as string, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!brandId,
  });
}

interface ProductForm {
  sku: string;
  name: string;
  description: string;
  unitsInStock: string;
  requiresReturn: boolean;
  ndaRequired: boolean;
  ndaTerms: string;
  usageDays: string;
  usageSurveyId: string;
}

const FIELDS = [
  'sku',
  'name',
  'description',
  'unitsInStock',
  'requiresReturn',
  'ndaRequired',
  'ndaTerms',
  'usageDays',
  'usageSurveyId',
] as const;

function CreateProductForm({
  api,
  studyId,
  brandId,
  onSubmitting,
  onCreated,
}: {
  api: HomeTestingApi;
  studyId: string;
  brandId: string;
  onSubmitting: () => void;
  onCreated: (p: Product) => void;
}) {
  const { t } = useTranslation();
  const {
    register,
    handleSubmit,
    setError,
    reset,
    control,
    formState: { errors, isSubmitting },
  } = useForm<ProductForm>({
    defaultValues: {
      sku: '',
      name: '',
      description: '',
      unitsInStock: '0',
      requiresReturn: false,
      ndaRequired: false,
      ndaTerms: '',
      usageDays: '7',
      usageSurveyId: '',
    },
  });
  const nda = useWatch({ control, name: 'ndaRequired' });
  const usageSurveys = useQuery({
    queryKey: [...homeTestingKeys.all(studyId), 'usage-surveys'],
    queryFn: () => api.usageSurveys(studyId),
  });
  const create = useMutation({ mutationFn: (body: Parameters<HomeTestingApi['createProduct']>[0]) => api.createProduct(body) });
  const int = { required: t('form.required'), pattern: { value: /^\d+$/, message: t(k('products.wholeNumber')) } };
  const onSubmit = handleSubmit(async (v) => {
    onSubmitting();
    try {
      const product = await create.mutateAsync({
        brandId,
        sku: v.sku.trim(),
        name: v.name.trim(),
        ...(v.description.trim() ? { description: v.description.trim() } : {}),
        unitsInStock: Number(v.unitsInStock),
        requiresReturn: v.requiresReturn,
        ndaRequired: v.ndaRequired,
        ...(v.ndaRequired && v.ndaTerms.trim() ? { ndaTerms: v.ndaTerms.trim() } : {}),
        usageDays: Number(v.usageDays),
        ...(v.usageSurveyId.trim() ? { usageSurveyId: v.usageSurveyId.trim() } : {}),
      });
      reset();
      onCreated(product);
    } catch (error) {
      const problem = problemOf(error);
      if (problem?.status === 409 && !problem.errors?.length) {
        setError('sku', { type: 'server', message: t(k('products.skuTaken')) }, { shouldFocus: true });
        return;
      }
      applyProblemToForm(problem, setError, t, { fields: [...FIELDS] });
    }
  });
  return (
    <form className={formStyles.form} onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="ht-product-create">
      <h3 id="ht-product-create" className={ws.subtitle}>
        {t(k('products.create'))}
      </h3>
      <FormAlert message={errors.root?.server?.message} />
      <div className={styles.grid}>
        <Field
          label={t(k('products.sku'))}
          error={errors.sku?.message}
          spellCheck={false}
          autoComplete="off"
          {...register('sku', {
            required: t('form.required'),
            pattern: { value: /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/, message: t(k('products.skuHint')) },
          })}
        />
        <Field
          label={t(k('products.name'))}
          error={errors.name?.message}
          autoComplete="off"
          {...register('name', { required: t('form.required') })}
        />
        <Field
          label={t(k('products.unitsInStock'))}
          error={errors.unitsInStock?.message}
          inputMode="numeric"
          {...register('unitsInStock', int)}
        />
        <Field label={t(k('products.usageDays'))} error={errors.usageDays?.message} inputMode="numeric" {...register('usageDays', int)} />
      </div>
      <div className={formStyles.field}>
        <label htmlFor="ht-product-description" className={formStyles.label}>
          {t(k('products.description'))}
        </label>
        <textarea id="ht-product-description" className={ws.textarea} {...register('description')} />
      </div>
      <div className={styles.checks}>
        <label className={styles.check}>
          <input type="checkbox" {...register('requiresReturn')} />
          {t(k('products.requiresReturnLabel'))}
        </label>
        <label className={styles.check}>
          <input type="checkbox" {...register('ndaRequired')} />
          {t(k('products.ndaLabel'))}
        </label>
      </div>
      {nda ? (
        <div className={formStyles.field}>
          <label htmlFor="ht-product-nda" className={formStyles.label}>
            {t(k('products.ndaTerms'))}
          </label>
          <textarea id="ht-product-nda" className={ws.textarea} {...register('ndaTerms')} />
        </div>
      ) : null}
      <div className={formStyles.field}>
        <label htmlFor="ht-product-usage-survey" className={formStyles.label}>
          {t(k('products.usageSurvey'))}
        </label>
        <select
          id="ht-product-usage-survey"
          className={ws.select}
          aria-describedby="ht-product-usage-survey-hint"
          {...register('usageSurveyId')}
        >
          <option value="">{t(k('products.noUsageSurvey'))}</option>
          {(usageSurveys.data ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
        <p id="ht-product-usage-survey-hint" className={ws.muted}>
          {t(k('products.usageSurveyHint'))}
        </p>
        {errors.usageSurveyId?.message ? <p className={formStyles.error}>{errors.usageSurveyId.message}</p> : null}
      </div>
      <div className={ws.actions}>
        <Button type="submit" isDisabled={isSubmitting}>
          {isSubmitting ? t('studio.saving') : t(k('products.createSubmit'))}
        </Button>
      </div>
    </form>
  );
}

/** A product's stock: its movements (newest first, a page at a time) and a form to add one. */
function StockDialog({ api, studyId, product }: { api: HomeTestingApi; studyId: string; product: Product }) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button className={`${formStyles.button} ${ws.secondary}`} aria-label={t(k('stock.openLabel'), { name: product.name })}>
        {t(k('stock.open'))}
      </Button>
      <ModalOverlay className={ws.overlay} isDismissable>
        <Modal className={`${ws.modal} ${styles.wide}`}>
          <Dialog className={ws.dialog}>
            {({ close }) => (
              <>
                <Heading slot="title" className={ws.dialogTitle}>
                  {t(k('stock.title'), { name: product.name })}
                </Heading>
                <StockMovements api={api} studyId={studyId} product={product} />
                <div className={ws.actions}>
                  <Button className={`${formStyles.button} ${ws.secondary}`} onPress={close}>
                    {t(k('close'))}
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

function StockMovements({ api, studyId, product }: { api: HomeTestingApi; studyId: string; product: Product }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const movements = useInfiniteQuery({
    queryKey: homeTestingKeys.movements(studyId, product.id),
    queryFn: ({ pageParam }) => api.listMovements(product.id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = movements.data?.pages.flatMap((p) => p.items) ?? [];
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<{ delta: string; reason: string }>({ defaultValues: { delta: '', reason: '' } });
  const onSubmit = handleSubmit(async (v) => {
    try {
      await api.addMovement(product.id, { delta: Number(v.delta), reason: v.reason.trim() });
      reset();
      await queryClient.invalidateQueries({ queryKey: homeTestingKeys.all(studyId) });
    } catch (error) {
      const problem = problemOf(error);
      if (problem?.status === 409) {
        setError('delta', { type: 'server', message: t(k('stock.belowZero')) }, { shouldFocus: true });
        return;
      }
      applyProblemToForm(problem, setError, t, { fields: ['delta', 'reason'] });
    }
  });
  const stock = rows[0]?.stockAfter ?? product.unitsInStock;
  return (
    <>
      <p>{t(k('stock.current'), { count: stock })}</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t(k('stock.add'))}>
        <FormAlert message={errors.root?.server?.message} />
        <div className={styles.grid}>
          <Field
            label={t(k('stock.delta'))}
            error={errors.delta?.message}
            inputMode="numeric"
            {...register('delta', {
              required: t('form.required'),
              pattern: { value: /^-?[1-9]\d*$/, message: t(k('stock.deltaHint')) },
            })}
          />
          <Field
            label={t(k('stock.reason'))}
            error={errors.reason?.message}
            autoComplete="off"
            {...register('reason', { required: t('form.required') })}
          />
        </div>
        <p className={ws.muted}>{t(k('stock.deltaHint'))}</p>
        <Button type="submit" isDisabled={isSubmitting}>
          {isSubmitting ? t('studio.saving') : t(k('stock.addSubmit'))}
        </Button>
      </form>
      <h3 className={ws.subtitle}>{t(k('stock.history'))}</h3>
      {movements.isPending ? (
        <p role="status">{t('studio.loading')}</p>
      ) : movements.isError ? (
        <FormAlert message={problemMessage(problemOf(movements.error), t)} />
      ) : (
        <DataTable
          caption={t(k('stock.caption'), { name: product.name })}
          rows={rows}
          rowKey={(m) => m.id}
          empty={t(k('stock.empty'))}
          hasMore={movements.hasNextPage}
          loadingMore={movements.isFetchingNextPage}
          onMore={() => void movements.fetchNextPage()}
          moreLabel={t('studio.more')}
          columns={[
            {
              key: 'at',
              header: t(k('stock.at')),
              cell: (m) => formatDate(m.createdAt, i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
            },
            { key: 'delta', header: t(k('stock.delta')), cell: (m) => (m.delta > 0 ? `+${m.delta}` : String(m.delta)), numeric: true },
            { key: 'after', header: t(k('stock.after')), cell: (m) => m.stockAfter, numeric: true },
            { key: 'kind', header: t(k('stock.kind')), cell: (m) => t(k(`stock.kinds.${m.kind}`), { defaultValue: m.kind }) },
            { key: 'reason', header: t(k('stock.reason')), cell: (m) => m.reason },
          ]}
        />
      )}
    </>
  );
}
