import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  attributesControllerList,
  meControllerAddress,
  meControllerProfile,
  meControllerUpdateProfile,
  type AttributeResponseDto,
  type ProfileDto,
} from '../../../api/generated';
import { Button, formStyles } from '../../../components/Form';
import { Note, Page } from '../../../components/Page';
import { LANGUAGES, type Language } from '../../../i18n';
import { useLanguageChoice } from '../../../i18n/useLanguageChoice';
import { meKeys } from '../shared/api';
import { errorMessage } from '../shared/errors';
import { Field } from '../../../components/Field';
import { problemFields } from '../shared/fieldErrors';
import { countryOptions } from './countries';
import styles from './Profile.module.css';
import { TagInput } from './TagInput';

/** `/me/profile`: display name, language, interests, custom attributes; the delivery address. */
export function ProfilePage() {
  const { t } = useTranslation();
  const profile = useQuery({
    queryKey: meKeys.profile,
    queryFn: async () => (await meControllerProfile({ throwOnError: true })).data,
  });
  const attributes = useQuery({
    queryKey: meKeys.attributes,
    queryFn: async () => (await attributesControllerList({ throwOnError: true, query: { limit: 100 } })).data.items,
  });
  return (
    <Page title={t('profile.title')} intro={t('profile.intro')}>
      {profile.isPending || attributes.isPending ? (
        <p role="status">{t('profile.loading')}</p>
      ) : profile.isError ? (
        <Note>{errorMessage(profile.error, t)}</Note>
      ) : (
        <>
          <LanguageSection profile={profile.data} />
          <ProfileForm profile={profile.data} attributes={attributes.data ?? []} />
          <AddressForm profile={profile.data} />
          <p className={styles.privacyLink}>
            <Link to="/me/privacy">{t('profile.privacyLink')}</Link>
          </p>
        </>
      )}
    </Page>
  );
}

/** The language applies at once (the whole app switches), and is saved on the profile. */
function LanguageSection({ profile }: { profile: ProfileDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const legendId = useId();
  const [current, switchTo] = useLanguageChoice(profile.locale);
  const save = useMutation({
    mutationFn: async (locale: Language) => (await meControllerUpdateProfile({ throwOnError: true, body: { locale } })).data,
    onSuccess: (data) => queryClient.setQueryData(meKeys.profile, data),
  });
  const choose = (lang: Language) => {
    switchTo(lang);
    save.mutate(lang);
  };
  return (
    <section className={styles.section} aria-labelledby={legendId}>
      <h2 id={legendId} className={styles.heading}>
        {t('profile.language.title')}
      </h2>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('profile.language.label')}</legend>
        {LANGUAGES.map((lang) => (
          <label key={lang} className={styles.choice} lang={lang}>
            <input type="radio" name="locale" value={lang} checked={current === lang} onChange={() => choose(lang)} />
            {t(`languages.${lang}`)}
          </label>
        ))}
      </fieldset>
      <p role="status" className={styles.status}>
        {save.isSuccess ? t('profile.language.saved') : ''}
      </p>
      {save.isError ? (
        <p role="alert" className={styles.error}>
          {errorMessage(save.error, t)}
        </p>
      ) : null}
    </section>
  );
}

type AttrValue = string | string[];
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

function ProfileForm({ profile, attributes }: { profile: ProfileDto; attributes: AttributeResponseDto[] }) {
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
        <div className={styles.submitRow}>
          <Button type="submit" isDisabled={save.isPending}>
            {save.isPending ? t('profile.saving') : t('profile.save')}
          </Button>
          <p role="status" className={styles.status}>
            {save.isSuccess ? t('profile.saved') : ''}
          </p>
        </div>
        {save.isError && problemFields(save.error).length === 0 ? (
          <p role="alert" className={styles.error}>
            {errorMessage(save.error, t)}
          </p>
        ) : null}
      </form>
    </section>
  );
}

/** The right control for the attribute's type; its label is the researcher's. */
function AttributeField({
  def,
  value,
  onChange,
  onBlur,
  error,
}: {
  def: AttributeResponseDto;
  value: AttrValue | undefined;
  onChange: (v: AttrValue) => void;
  onBlur: () => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-error`;
  const describedBy = error ? errorId : undefined;
  const text = typeof value === 'string' ? value : '';
  const errorText = error ? (
    <p id={errorId} className={formStyles.error}>
      {error}
    </p>
  ) : null;
  switch (def.type) {
    case 'string':
    case 'number':
      return (
        <div className={formStyles.field}>
          <label htmlFor={id} className={formStyles.label}>
            {def.label}
          </label>
          <input
            id={id}
            className={formStyles.input}
            type="text"
            inputMode={def.type === 'number' ? 'decimal' : undefined}
            value={text}
            maxLength={def.type === 'string' ? 500 : 30}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value)}
            onBlur={onBlur}
          />
          {errorText}
        </div>
      );
    case 'enum':
      return (
        <div className={formStyles.field}>
          <label htmlFor={id} className={formStyles.label}>
            {def.label}
          </label>
          <select
            id={id}
            className={`${formStyles.input} ${styles.select}`}
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value)}
            onBlur={onBlur}
          >
            <option value="">{t('profile.notSaid')}</option>
            {(def.options ?? []).map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
          {errorText}
        </div>
      );
    case 'boolean':
      return (
        <fieldset className={styles.fieldset} aria-describedby={describedBy}>
          <legend className={formStyles.label}>{def.label}</legend>
          {(
            [
              ['true', t('profile.yes')],
              ['false', t('profile.no')],
              ['', t('profile.notSaid')],
            ] as const
          ).map(([v, label]) => (
            <label key={v} className={styles.choice}>
              <input type="radio" name={`${id}-bool`} value={v} checked={text === v} onChange={() => onChange(v)} onBlur={onBlur} />
              {label}
            </label>
          ))}
          {errorText}
        </fieldset>
      );
    case 'multi_enum': {
      const selected = Array.isArray(value) ? value : [];
      return (
        <fieldset className={styles.fieldset} aria-describedby={describedBy}>
          <legend className={formStyles.label}>{def.label}</legend>
          {(def.options ?? []).map((o) => (
            <label key={o} className={styles.choice}>
              <input
                type="checkbox"
                value={o}
                checked={selected.includes(o)}
                onChange={(e) => onChange(e.target.checked ? [...selected, o] : selected.filter((s) => s !== o))}
                onBlur={onBlur}
              />
              {o}
            </label>
          ))}
          {errorText}
        </fieldset>
      );
    }
  }
}

interface AddressValues {
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  country: string;
  phone: string;
}

const ADDRESS_FIELDS = ['line1', 'line2', 'postalCode', 'city', 'country', 'phone'] as const;

function AddressForm({ profile }: { profile: ProfileDto }) {
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
        <div className={styles.submitRow}>
          <Button type="submit" isDisabled={save.isPending}>
            {save.isPending ? t('profile.saving') : t('profile.address.save')}
          </Button>
          <p role="status" className={styles.status}>
            {savedOnce && save.isSuccess ? t('profile.address.saved') : ''}
          </p>
        </div>
        {save.isError && problemFields(save.error).length === 0 ? (
          <p role="alert" className={styles.error}>
            {errorMessage(save.error, t)}
          </p>
        ) : null}
      </form>
    </section>
  );
}
