import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { meControllerUpdateProfile, type AttributeResponseDto, type ProfileDto } from '../../../api/generated';
import { Field } from '../../../components/Field';
import { formStyles } from '../../../components/Form';
import { meKeys } from '../shared/api';
import { problemFields } from '../shared/fieldErrors';
import { AttributeField, type AttrValue } from './AttributeField';
import styles from './Profile.module.css';
import { SaveRow } from './SaveRow';
import { TagInput } from './TagInput';

interface ProfileValues {
  displayName: string;
  interests: string[];
  attributes: Record<string, AttrValue>;
}

function initialAttribute(def: AttributeResponseDto, value: unknown): AttrValue {
  if (def.type === 'multi_enum') return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  if (value === null || value === undefined) return '';
  return String(value);
}

function attributeOut(def: AttributeResponseDto, value: AttrValue | undefined): unknown {
  if (def.type === 'multi_enum') return Array.isArray(value) && value.length ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  if (def.type === 'number') return Number(value.replace(',', '.'));
  if (def.type === 'boolean') return value === 'true';
  return value.trim();
}

export function ProfileForm({ profile, attributes }: { profile: ProfileDto; attributes: AttributeResponseDto[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = useId();
  const defaults = useMemo<ProfileValues>(
    () => ({
      displayName: profile.displayName,
      interests: profile.interests,
      attributes: Object.fromEntries(attributes.map((a) => [a.key, initialAttribute(a, profile.attributes[a.key])])),
    }),
    [profile, attributes],
  );
  const { register, handleSubmit, control, setError, formState } = useForm<ProfileValues>({ defaultValues: defaults });
  const save = useMutation({
    mutationFn: async (values: ProfileValues) =>
      (
        await meControllerUpdateProfile({
          throwOnError: true,
          body: {
            displayName: values.displayName.trim(),
            interests: values.interests,
            attributes: Object.fromEntries(attributes.map((a) => [a.key, attributeOut(a, values.attributes[a.key])])),
          },
        })
      ).data,
    onSuccess: (data) => queryClient.setQueryData(meKeys.profile, data),
    onError: (error) => {
      for (const field of problemFields(error)) {
        if (field === 'displayName') setError('displayName', { type: 'server', message: t('profile.errors.displayName') });
        else if (field.startsWith('interests')) setError('interests', { type: 'server', message: t('profile.errors.interests') });
        else if (field.startsWith('attributes.')) {
          const key = field.slice('attributes.'.length);
          setError(`attributes.${key}`, { type: 'server', message: t('profile.errors.attribute') });
        }
      }
    },
  });
  const errors = formState.errors;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t('profile.about.title')}
      </h2>
      <form className={`${formStyles.form} ${styles.form}`} noValidate onSubmit={handleSubmit((v) => save.mutate(v))}>
        <Field
          label={t('profile.displayName')}
          autoComplete="nickname"
          required
          maxLength={100}
          error={errors.displayName?.message}
          {...register('displayName', {
            validate: (v) => (v.trim().length > 0 && v.length <= 100) || t('profile.errors.displayName'),
          })}
        />
        <Controller
          control={control}
          name="interests"
          render={({ field, fieldState }) => <TagInput value={field.value} onChange={field.onChange} error={fieldState.error?.message} />}
        />
        {attributes.map((def) => (
          <Controller
            key={def.key}
            control={control}
            name={`attributes.${def.key}`}
            rules={{
              validate: (v) =>
                def.type !== 'number' ||
                typeof v !== 'string' ||
                v.trim() === '' ||
                Number.isFinite(Number(v.replace(',', '.'))) ||
                t('profile.errors.number'),
            }}
            render={({ field, fieldState }) => (
              <AttributeField
                def={def}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
        ))}
        <SaveRow
          pending={save.isPending}
          saveLabel={t('profile.save')}
          saved={save.isSuccess ? t('profile.saved') : ''}
          error={save.isError ? save.error : null}
        />
      </form>
    </section>
  );
}
