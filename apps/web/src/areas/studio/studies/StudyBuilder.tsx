import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { useFieldArray, useForm, useWatch, type FieldPath, type UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { problemMessage, problemOf } from '../../../api/problem';
import { Button, formStyles } from '../../../components/Form';
import { FormAlert } from '../../../components/FormAlert';
import { Note } from '../../../components/Page';
import ws from '../../../components/Workspace.module.css';
import { studioKeys, type Study } from '../api';
import { sdkStudiesApi, studiesKeys, type AttributeDef, type StudiesApi } from './api';
import { EligibilityPreview } from './EligibilityPreview';
import styles from './Studies.module.css';
import {
  criteriaOf,
  dimensionsOf,
  dimensionValues,
  formFieldOfServer,
  formValuesOf,
  GENDERS,
  OPS,
  quotasOf,
  TIERS,
  type StudyFormValues,
} from './studyForm';

export function useBrands(api: StudiesApi) {
  return useQuery({ queryKey: studiesKeys.brands, queryFn: () => api.brands(), staleTime: 60_000 });
}

export function useAttributes(api: StudiesApi) {
  return useQuery({ queryKey: studiesKeys.attributes, queryFn: () => api.attributes(), staleTime: 60_000 });
}

/** A labelled native control with its error under it (wired by aria-describedby). */
function Field({ id, label, error, children, hint }: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div className={formStyles.field}>
      <label className={formStyles.label} htmlFor={id}>
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className={`${ws.muted} ${styles.hint}`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className={formStyles.error}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The props that tie an input to its label, hint and error. */
function described(id: string, error?: string, hint?: boolean) {
  const by = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': by || undefined };
}

/**
 * The study builder: what the study is (title, theme, brief, brand, size, incentive), who may take
 * part (criteria) and how the sample splits (quota cells). A saved study shows beside it the
 * eligibility preview of the form as typed (debounced; a superseded request is cancelled).
 */
export function StudyBuilder({
  study,
  api = sdkStudiesApi,
  onCreated,
}: {
  study?: Study;
  api?: StudiesApi;
  onCreated?: (s: Study) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  const brands = useBrands(api);
  const attributes = useAttributes(api);
  const defs: AttributeDef[] = attributes.data ?? [];
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm<StudyFormValues>({ defaultValues: formValuesOf(study) });
  const { register, control, handleSubmit, setError, formState } = form;
  const errors = formState.errors;
  const conditions = useFieldArray({ control, name: 'attributes' });
  const cells = useFieldArray({ control, name: 'quotas' });
  const values = useWatch({ control }) as StudyFormValues;

  const save = useMutation({
    mutationFn: (v: StudyFormValues) => {
      const body = {
        title: v.title.trim(),
        theme: v.theme.trim(),
        brief: v.brief,
        targetSize: Number(v.targetSize),
        incentivePoints: Number(v.incentivePoints),
        criteria: criteriaOf(v, defs),
        quotas: quotasOf(v),
      };
      return study ? api.update(study.id, body) : api.create({ ...body, brandId: v.brandId });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(studioKeys.study(saved.id), (old: Study | undefined) => ({ ...old, ...saved }));
      void queryClient.invalidateQueries({ queryKey: studioKeys.studies });
      if (study) setNotice(t('studio.studies.builder.saved'));
      else onCreated?.(saved);
    },
    onError: (error) => {
      const problem = problemOf(error);
      const onFields = problem?.errors ?? [];
      for (const item of onFields) {
        setError(formFieldOfServer(item.field) as FieldPath<StudyFormValues>, {
          type: 'server',
          message: t('studio.studies.builder.refused', { reason: item.message }),
        });
      }
      if (onFields.length === 0) setError('root.server', { message: problemMessage(problem, t) });
    },
  });

  const err = (name: string): string | undefined => {
    const parts = name.split('.');
    let node: unknown = errors;
    for (const p of parts) node = (node as Record<string, unknown> | undefined)?.[p];
    return (node as { message?: string } | undefined)?.message;
  };
  const input = (name: FieldPath<StudyFormValues>, reg: UseFormRegisterReturn, hint?: boolean) => ({
    ...reg,
    ...described(`${id}-${name}`, err(name), hint),
    className: formStyles.input,
  });
  const required = { required: t('studio.studies.builder.required') };
  const intIn = (min: number, max: number) => ({
    validate: (v: string) =>
      v.trim() === '' || (Number.isInteger(Number(v)) && Number(v) >= min && Number(v) <= max)
        ? true
        : t('studio.studies.builder.between', { min, max }),
  });

  const preview = study ? (
    <EligibilityPreview studyId={study.id} api={api} criteria={criteriaOf(values, defs)} quotas={quotasOf(values)} />
  ) : null;

  return (
    <div className={study ? styles.builderGrid : undefined}>
      <form
        className={ws.panel}
        aria-labelledby={`${id}-heading`}
        noValidate
        onSubmit={(e) => {
          setNotice(null);
          void handleSubmit((v) => save.mutate(v))(e);
        }}
      >
        <h2 id={`${id}-heading`} className={ws.title}>
          {study ? t('studio.studies.builder.editTitle') : t('studio.studies.builder.newTitle')}
        </h2>
        <FormAlert message={errors.root?.server?.message} />
        <fieldset className={styles.fieldset}>
          <legend>{t('studio.studies.builder.about')}</legend>
          <div className={styles.twoCols}>
            <Field id={`${id}-title`} label={t('studio.studies.field.title')} error={err('title')}>
              <input {...input('title', register('title', required))} maxLength={200} />
            </Field>
            <Field id={`${id}-theme`} label={t('studio.studies.field.theme')} error={err('theme')}>
              <input {...input('theme', register('theme', required))} maxLength={200} />
            </Field>
          </div>
          <Field id={`${id}-brief`} label={t('studio.studies.field.brief')} error={err('brief')}>
            <textarea {...register('brief')} {...described(`${id}-brief`, err('brief'))} className={ws.textarea} maxLength={20000} />
          </Field>
          <div className={styles.threeCols}>
            <Field
              id={`${id}-brandId`}
              label={t('studio.studies.field.brand')}
              error={err('brandId')}
              hint={study ? t('studio.studies.builder.brandFixed') : undefined}
            >
              <select
                {...register('brandId', study ? {} : required)}
                {...described(`${id}-brandId`, err('brandId'), !!study)}
                className={ws.select}
                disabled={!!study}
              >
                <option value="">{t('studio.studies.builder.chooseBrand')}</option>
                {(brands.data ?? []).map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            </Field>
            <Field id={`${id}-targetSize`} label={t('studio.studies.field.targetSize')} error={err('targetSize')}>
              <input {...input('targetSize', register('targetSize', { ...required, ...intIn(1, 100_000) }))} inputMode="numeric" />
            </Field>
            <Field id={`${id}-incentivePoints`} label={t('studio.studies.field.incentivePoints')} error={err('incentivePoints')}>
              <input
                {...input('incentivePoints', register('incentivePoints', { ...required, ...intIn(0, 100_000) }))}
                inputMode="numeric"
              />
            </Field>
          </div>
        </fieldset>

        <fieldset className={styles.fieldset}>
          <legend>{t('studio.studies.builder.criteria')}</legend>
          <p className={ws.muted}>{t('studio.studies.builder.criteriaHint')}</p>
          <div className={styles.threeCols}>
            <Field
              id={`${id}-countries`}
              label={t('studio.studies.field.countries')}
              error={err('countries')}
              hint={t('studio.studies.builder.countriesHint')}
            >
              <input {...input('countries', register('countries'), true)} autoComplete="off" />
            </Field>
            <Field id={`${id}-ageMin`} label={t('studio.studies.field.ageMin')} error={err('ageMin')}>
              <input {...input('ageMin', register('ageMin', intIn(18, 120)))} inputMode="numeric" />
            </Field>
            <Field id={`${id}-ageMax`} label={t('studio.studies.field.ageMax')} error={err('ageMax')}>
              <input {...input('ageMax', register('ageMax', intIn(18, 120)))} inputMode="numeric" />
            </Field>
            <Field id={`${id}-minScore`} label={t('studio.studies.field.minScore')} error={err('minScore')}>
              <input {...input('minScore', register('minScore', intIn(0, 100)))} inputMode="numeric" />
            </Field>
            <Field
              id={`${id}-interests`}
              label={t('studio.studies.field.interests')}
              error={err('interests')}
              hint={t('studio.studies.builder.listHint')}
            >
              <input {...input('interests', register('interests'), true)} autoComplete="off" />
            </Field>
          </div>
          <div className={styles.twoCols}>
            <fieldset className={styles.checks} aria-describedby={err('genders') ? `${id}-genders-error` : undefined}>
              <legend>{t('studio.studies.field.genders')}</legend>
              {GENDERS.map((g) => (
                <label key={g} className={styles.check}>
                  <input type="checkbox" value={g} {...register('genders')} /> {t(`studio.studies.gender.${g}`)}
                </label>
              ))}
              {err('genders') ? (
                <p id={`${id}-genders-error`} className={formStyles.error}>
                  {err('genders')}
                </p>
              ) : null}
            </fieldset>
            <fieldset className={styles.checks} aria-describedby={err('tiers') ? `${id}-tiers-error` : undefined}>
              <legend>{t('studio.studies.field.tiers')}</legend>
              {TIERS.map((tier) => (
                <label key={tier} className={styles.check}>
                  <input type="checkbox" value={tier} {...register('tiers')} /> {t(`studio.studies.tier.${tier}`)}
                </label>
              ))}
              {err('tiers') ? (
                <p id={`${id}-tiers-error`} className={formStyles.error}>
                  {err('tiers')}
                </p>
              ) : null}
            </fieldset>
          </div>

          <h3 className={styles.subhead}>{t('studio.studies.builder.attributes')}</h3>
          {conditions.fields.length === 0 ? <p className={ws.muted}>{t('studio.studies.builder.noAttributes')}</p> : null}
          {conditions.fields.map((f, i) => (
            <div key={f.id} className={styles.row} role="group" aria-label={t('studio.studies.builder.attributeN', { n: i + 1 })}>
              <Field id={`${id}-attributes.${i}.key`} label={t('studio.studies.field.attribute')} error={err(`attributes.${i}.key`)}>
                <select
                  {...register(`attributes.${i}.key`, required)}
                  {...described(`${id}-attributes.${i}.key`, err(`attributes.${i}.key`))}
                  className={ws.select}
                >
                  <option value="">{t('studio.studies.builder.chooseAttribute')}</option>
                  {defs.map((d) => (
                    <option key={d.key} value={d.key}>
                      {d.label} ({d.key})
                    </option>
                  ))}
                </select>
              </Field>
              <Field id={`${id}-attributes.${i}.op`} label={t('studio.studies.field.op')} error={err(`attributes.${i}.op`)}>
                <select
                  {...register(`attributes.${i}.op`)}
                  {...described(`${id}-attributes.${i}.op`, err(`attributes.${i}.op`))}
                  className={ws.select}
                >
                  {OPS.map((op) => (
                    <option key={op} value={op}>
                      {t(`studio.studies.op.${op}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field id={`${id}-attributes.${i}.value`} label={t('studio.studies.field.value')} error={err(`attributes.${i}.value`)}>
                <input {...input(`attributes.${i}.value`, register(`attributes.${i}.value`, required))} />
              </Field>
              <Button
                className={`${formStyles.button} ${ws.secondary} ${styles.rowButton}`}
                onPress={() => conditions.remove(i)}
                aria-label={t('studio.studies.builder.removeAttribute', { n: i + 1 })}
              >
                {t('studio.studies.builder.remove')}
              </Button>
            </div>
          ))}
          <Button
            className={`${formStyles.button} ${ws.secondary} ${styles.addButton}`}
            onPress={() => conditions.append({ key: '', op: 'eq', value: '' })}
          >
            {t('studio.studies.builder.addAttribute')}
          </Button>
        </fieldset>

        <fieldset className={styles.fieldset}>
          <legend>{t('studio.studies.builder.quotas')}</legend>
          <p className={ws.muted}>{t('studio.studies.builder.quotasHint')}</p>
          {cells.fields.map((f, i) => {
            const dimension = values.quotas?.[i]?.dimension ?? f.dimension;
            const known = dimensionValues(dimension, defs);
            const valueId = `${id}-quotas.${i}.value`;
            return (
              <div key={f.id} className={styles.row} role="group" aria-label={t('studio.studies.builder.cellN', { n: i + 1 })}>
                <Field id={`${id}-quotas.${i}.dimension`} label={t('studio.studies.field.dimension')} error={err(`quotas.${i}.dimension`)}>
                  <select
                    {...register(`quotas.${i}.dimension`)}
                    {...described(`${id}-quotas.${i}.dimension`, err(`quotas.${i}.dimension`))}
                    className={ws.select}
                  >
                    {dimensionsOf(defs).map((d) => (
                      <option key={d} value={d}>
                        {d.startsWith('attribute:')
                          ? t('studio.studies.dimension.attribute', { key: d.slice(10) })
                          : t(`studio.studies.dimension.${d}`)}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field id={valueId} label={t('studio.studies.field.value')} error={err(`quotas.${i}.value`)}>
                  {known ? (
                    <select
                      {...register(`quotas.${i}.value`, required)}
                      {...described(valueId, err(`quotas.${i}.value`))}
                      className={ws.select}
                    >
                      <option value="">{t('studio.studies.builder.chooseValue')}</option>
                      {known.map((v) => (
                        <option key={v} value={v}>
                          {dimension === 'gender'
                            ? t(`studio.studies.gender.${v}`)
                            : dimension === 'tier'
                              ? t(`studio.studies.tier.${v}`)
                              : v}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input {...input(`quotas.${i}.value`, register(`quotas.${i}.value`, required))} autoComplete="off" />
                  )}
                </Field>
                <Field id={`${id}-quotas.${i}.target`} label={t('studio.studies.field.target')} error={err(`quotas.${i}.target`)}>
                  <input
                    {...input(`quotas.${i}.target`, register(`quotas.${i}.target`, { ...required, ...intIn(1, 100_000) }))}
                    inputMode="numeric"
                  />
                </Field>
                <Button
                  className={`${formStyles.button} ${ws.secondary} ${styles.rowButton}`}
                  onPress={() => cells.remove(i)}
                  aria-label={t('studio.studies.builder.removeCell', { n: i + 1 })}
                >
                  {t('studio.studies.builder.remove')}
                </Button>
              </div>
            );
          })}
          <Button
            className={`${formStyles.button} ${ws.secondary} ${styles.addButton}`}
            onPress={() => cells.append({ dimension: 'country', value: '', target: '10' })}
          >
            {t('studio.studies.builder.addCell')}
          </Button>
        </fieldset>

        {notice ? <Note>{notice}</Note> : null}
        <div className={ws.actions}>
          <Button type="submit" isDisabled={save.isPending}>
            {save.isPending ? t('studio.saving') : study ? t('studio.studies.builder.save') : t('studio.studies.builder.create')}
          </Button>
        </div>
        {study ? null : <p className={ws.muted}>{t('studio.studies.builder.previewAfterSave')}</p>}
      </form>
      {preview}
    </div>
  );
}
