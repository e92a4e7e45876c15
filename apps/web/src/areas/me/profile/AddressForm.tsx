import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { meControllerAddress, type ProfileDto } from '../../../api/generated';
import { Field } from '../../../components/Field';
import { formStyles } from '../../../components/Form';
import { meKeys } from '../shared/api';
import { problemFields } from '../shared/fieldErrors';
import { countryOptions } from './countries';
import styles from './Profile.module.css';
import { SaveRow } from './SaveRow';

interface AddressValues {
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  country: string;
  phone: string;
}

const ADDRESS_FIELDS = ['line1', 'line2', 'postalCode', 'city', 'country', 'phone'] as const;

export function AddressForm({ profile }: { profile: ProfileDto }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const headingId = useId();
  const countryId = useId();
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const a = profile.address;
  const { register, handleSubmit, setError, formState } = useForm<AddressValues>({
    defaultValues: {
      line1: a?.line1 ?? '',
      line2: a?.line2 ?? '',
      postalCode: a?.postalCode ?? '',
      city: a?.city ?? '',
      country: a?.country ?? profile.country ?? '',
      phone: a?.phone ?? '',
    },
  });
  const [savedOnce, setSavedOnce] = useState(false);
  const messages: Record<(typeof ADDRESS_FIELDS)[number], string> = {
    line1: t('profile.address.errors.line1'),
    line2: t('profile.address.errors.line2'),
    postalCode: t('profile.address.errors.postalCode'),
    city: t('profile.address.errors.city'),
    country: t('profile.address.errors.country'),
    phone: t('profile.address.errors.phone'),
  };
  const save = useMutation({
    mutationFn: async (v: AddressValues) =>
      (
        await meControllerAddress({
          throwOnError: true,
          body: {
            line1: v.line1.trim(),
            ...(v.line2.trim() ? { line2: v.line2.trim() } : {}),
            postalCode: v.postalCode.trim(),
            city: v.city.trim(),
            country: v.country,
            ...(v.phone.trim() ? { phone: v.phone.trim() } : {}),
          },
        })
      ).data,
    onSuccess: (address) => {
      setSavedOnce(true);
      queryClient.setQueryData<ProfileDto>(meKeys.profile, (p) => (p ? { ...p, address } : p));
    },
    onError: (error) => {
      for (const field of problemFields(error)) {
        const f = ADDRESS_FIELDS.find((name) => name === field);
        if (f) setError(f, { type: 'server', message: messages[f] });
      }
    },
  });
  const required = (f: (typeof ADDRESS_FIELDS)[number], max: number) => ({
    validate: (v: string) => (v.trim().length > 0 && v.length <= max) || messages[f],
  });
  const e = formState.errors;
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {t('profile.address.title')}
      </h2>
      <p className={styles.hint}>{t('profile.address.why')}</p>
      <form className={`${formStyles.form} ${styles.form}`} noValidate onSubmit={handleSubmit((v) => save.mutate(v))}>
        <Field
          label={t('profile.address.line1')}
          autoComplete="address-line1"
          required
          maxLength={200}
          error={e.line1?.message}
          {...register('line1', required('line1', 200))}
        />
        <Field
          label={t('profile.address.line2')}
          autoComplete="address-line2"
          maxLength={200}
          error={e.line2?.message}
          {...register('line2', { validate: (v) => v.length <= 200 || messages.line2 })}
        />
        <Field
          label={t('profile.address.postalCode')}
          autoComplete="postal-code"
          required
          maxLength={20}
          error={e.postalCode?.message}
          {...register('postalCode', required('postalCode', 20))}
        />
        <Field
          label={t('profile.address.city')}
          autoComplete="address-level2"
          required
          maxLength={100}
          error={e.city?.message}
          {...register('city', required('city', 100))}
        />
        <div className={formStyles.field}>
          <label htmlFor={countryId} className={formStyles.label}>
            {t('profile.address.country')}
          </label>
          <select
            id={countryId}
            className={`${formStyles.input} ${styles.select}`}
            autoComplete="country"
            aria-invalid={e.country ? true : undefined}
            aria-describedby={e.country ? `${countryId}-error` : undefined}
            {...register('country', { validate: (v) => v.length === 2 || messages.country })}
          >
            <option value="">{t('profile.address.chooseCountry')}</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
          {e.country ? (
            <p id={`${countryId}-error`} className={formStyles.error}>
              {e.country.message}
            </p>
          ) : null}
        </div>
        <Field
          label={t('profile.address.phone')}
          type="tel"
          autoComplete="tel"
          maxLength={30}
          error={e.phone?.message}
          {...register('phone', { validate: (v) => v.trim() === '' || /^\+?[0-9 ().-]{4,30}$/.test(v.trim()) || messages.phone })}
        />
        <SaveRow
          pending={save.isPending}
          saveLabel={t('profile.address.save')}
          saved={savedOnce && save.isSuccess ? t('profile.address.saved') : ''}
          error={save.isError ? save.error : null}
        />
      </form>
    </section>
  );
}
