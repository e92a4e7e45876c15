import { useMutation } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { recruitmentControllerApply, type ApplicationDto } from '../../api/generated';
import { applyProblemToForm, problemOf } from '../../api/problem';
import { Button, formStyles } from '../../components/Form';
import { LANGUAGES, type Language } from '../../i18n';
import { validateAnswers, visibleQuestions } from '../../surveys/logic';
import { QuestionField } from '../../surveys/QuestionField';
import type { DraftAnswers, DraftValue, Problem } from '../../surveys/types';
import styles from '../JoinPage.module.css';
import { DEFAULT_TERMS_VERSION, PASSWORD_MIN_LENGTH, type Campaign } from './campaign';
import { countryOptions } from './countries';
import { ConsentBox, Field, SelectField } from './fields';

interface FormValues {
  email: string;
  password: string;
  displayName: string;
  country: string;
  locale: Language;
  birthYear: string;
  gender: '' | NonNullable<ApplicationDto['gender']>;
  consents: { research: boolean; productTesting: boolean };
  referralCode: string;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className={styles.section}>
      <h2 className={styles.sectionTitle}>{title}</h2>
      {children}
    </section>
  );
}

export function ApplicationForm({
  slug,
  campaign,
  referralCode,
  onApplied,
}: {
  slug: string;
  campaign: Campaign;
  referralCode?: string;
  onApplied: (email: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en';
  const countries = useMemo(() => countryOptions(lang), [lang]);
  const maxBirthYear = new Date().getFullYear() - 18;
  const [answers, setAnswers] = useState<DraftAnswers>({});
  const [answerErrors, setAnswerErrors] = useState<Record<string, Problem>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const definition = campaign.screener;
  const shown = visibleQuestions(definition, answers);

  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<FormValues>({
    defaultValues: {
      email: '',
      password: '',
      displayName: '',
      country: '',
      locale: lang,
      birthYear: '',
      gender: '',
      consents: { research: false, productTesting: false },
      referralCode: referralCode ?? '',
    },
  });

  const apply = useMutation({
    mutationFn: async (body: ApplicationDto) => {
      await recruitmentControllerApply({ path: { slug }, body, throwOnError: true });
      return body.email;
    },
  });

  const setAnswer = (id: string, value: DraftValue | undefined) => {
    setAnswers((prev) => {
      const next = { ...prev };
      if (value === undefined) delete next[id];
      else next[id] = value;
      return next;
    });
    setAnswerErrors((prev) => {
      const next = { ...prev };
      delete next[id];
      return next;
    });
  };

  const onValid = async (values: FormValues) => {
    const screener = validateAnswers(definition, answers, 'submit');
    setAnswerErrors(screener.errors);
    if (Object.keys(screener.errors).length > 0) {
      setFormError(t('join.errors.checkScreener'));
      return;
    }
    setFormError(null);
    const body: ApplicationDto = {
      email: values.email.trim(),
      password: values.password,
      displayName: values.displayName.trim(),
      country: values.country,
      locale: values.locale,
      birthYear: Number(values.birthYear),
      ...(values.gender ? { gender: values.gender } : {}),
      consents: {
        termsVersion: campaign.termsVersion ?? DEFAULT_TERMS_VERSION,
        research: true,
        productTesting: values.consents.productTesting,
      },
      answers: screener.normalized,
      ...(values.referralCode.trim() ? { referralCode: values.referralCode.trim() } : {}),
    };
    try {
      onApplied(await apply.mutateAsync(body));
    } catch (error) {
      const problem = problemOf(error);
      if (!problem) {
        setFormError(t('join.errors.offline'));
        return;
      }
      // screener answers on their questions, the rest on the form's fields
      const fromServer: Record<string, Problem> = {};
      const rest = (problem.errors ?? []).filter((e) => {
        if (!e.field.startsWith('answers.')) return true;
        fromServer[e.field.slice('answers.'.length)] = { key: 'survey.errors.server', values: { message: e.message } };
        return false;
      });
      setAnswerErrors(fromServer);
      const landed = applyProblemToForm({ ...problem, errors: rest }, setError as never, t);
      setFormError(
        problem.status === 429
          ? t('join.errors.rateLimited')
          : landed || Object.keys(fromServer).length > 0
            ? t('join.errors.checkFields')
            : t('join.errors.refused', { message: problem.detail ?? problem.title }),
      );
    }
  };

  // the screener is checked with the other fields, so every message shows at once
  const onInvalid = () => {
    setAnswerErrors(validateAnswers(definition, answers, 'submit').errors);
    setFormError(t('join.errors.checkFields'));
  };

  const required = { value: true, message: t('form.required') };

  return (
    <form className={formStyles.form} noValidate onSubmit={(e) => void handleSubmit(onValid, onInvalid)(e)}>
      <Section title={t('join.sections.account')}>
        <Field
          label={t('form.email')}
          type="email"
          autoComplete="email"
          error={errors.email?.message}
          {...register('email', { required, pattern: { value: /^\S+@\S+\.\S+$/, message: t('join.errors.email') } })}
        />
        <Field
          label={t('form.password')}
          type="password"
          autoComplete="new-password"
          description={t('join.passwordRule', { count: PASSWORD_MIN_LENGTH })}
          error={errors.password?.message}
          {...register('password', {
            required,
            minLength: { value: PASSWORD_MIN_LENGTH, message: t('join.errors.passwordShort', { count: PASSWORD_MIN_LENGTH }) },
            maxLength: { value: 200, message: t('join.errors.tooLong', { max: 200 }) },
          })}
        />
        <Field
          label={t('join.displayName')}
          autoComplete="nickname"
          description={t('join.displayNameHint')}
          error={errors.displayName?.message}
          {...register('displayName', {
            required,
            validate: (v) => v.trim().length > 0 || t('form.required'),
            maxLength: { value: 100, message: t('join.errors.tooLong', { max: 100 }) },
          })}
        />
      </Section>

      <Section title={t('join.sections.aboutYou')}>
        <SelectField
          label={t('join.country')}
          error={errors.country?.message}
          autoComplete="country"
          {...register('country', { required })}
        >
          <option value="">{t('join.choose')}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <Controller
          control={control}
          name="locale"
          render={({ field }) => (
            <RadioGroup
              className={styles.choiceGroup}
              value={field.value}
              onChange={(v) => field.onChange(v as Language)}
              orientation="horizontal"
            >
              <Label className={formStyles.label}>{t('join.locale')}</Label>
              <div className={styles.choices}>
                <Radio value="fr" className={styles.choice} lang="fr">
                  {t('languages.fr')}
                </Radio>
                <Radio value="en" className={styles.choice} lang="en">
                  {t('languages.en')}
                </Radio>
              </div>
            </RadioGroup>
          )}
        />
        <Field
          label={t('join.birthYear')}
          inputMode="numeric"
          autoComplete="bday-year"
          description={t('join.birthYearHint')}
          error={errors.birthYear?.message}
          {...register('birthYear', {
            required,
            validate: (v) => {
              const n = Number(v);
              if (!/^\d{4}$/.test(v.trim()) || n < 1900) return t('join.errors.birthYear');
              if (n > maxBirthYear) return t('join.errors.tooYoung');
              return true;
            },
          })}
        />
        <SelectField label={t('join.gender')} error={errors.gender?.message} {...register('gender')}>
          <option value="">{t('join.genders.none')}</option>
          <option value="female">{t('join.genders.female')}</option>
          <option value="male">{t('join.genders.male')}</option>
          <option value="non_binary">{t('join.genders.non_binary')}</option>
          <option value="other">{t('join.genders.other')}</option>
          <option value="prefer_not_to_say">{t('join.genders.prefer_not_to_say')}</option>
        </SelectField>
      </Section>

      {definition.questions.length > 0 ? (
        <Section title={t('join.sections.screener')}>
          <p className={styles.hint}>{t('join.screenerIntro')}</p>
          {shown.map((q) => (
            <QuestionField key={q.id} question={q} value={answers[q.id]} onChange={(v) => setAnswer(q.id, v)} error={answerErrors[q.id]} />
          ))}
        </Section>
      ) : null}

      <Section title={t('join.sections.consents')}>
        <Controller
          control={control}
          name="consents.research"
          rules={{ validate: (v) => v || t('join.errors.researchConsent') }}
          render={({ field, fieldState }) => (
            <ConsentBox
              checked={field.value}
              onChange={field.onChange}
              label={t('join.consents.research', { version: campaign.termsVersion ?? DEFAULT_TERMS_VERSION })}
              error={fieldState.error?.message}
              required
            />
          )}
        />
        <Controller
          control={control}
          name="consents.productTesting"
          render={({ field, fieldState }) => (
            <ConsentBox
              checked={field.value}
              onChange={field.onChange}
              label={t('join.consents.productTesting')}
              error={fieldState.error?.message}
            />
          )}
        />
      </Section>

      <Field
        label={t('join.referralCode')}
        autoComplete="off"
        defaultValue={referralCode ?? ''}
        description={t('join.referralHint')}
        error={errors.referralCode?.message}
        {...register('referralCode', { maxLength: { value: 64, message: t('join.errors.tooLong', { max: 64 }) } })}
      />

      {formError ? (
        <p className={styles.formError} role="alert">
          {formError}
        </p>
      ) : null}
      <Button type="submit" isDisabled={apply.isPending}>
        {apply.isPending ? t('join.sending') : t('join.submit')}
      </Button>
    </form>
  );
}
