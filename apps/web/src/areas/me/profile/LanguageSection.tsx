import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { meControllerUpdateProfile, type ProfileDto } from '../../../api/generated';
import { LANGUAGES, type Language } from '../../../i18n';
import { useLanguageChoice } from '../../../i18n/useLanguageChoice';
import { meKeys } from '../shared/api';
import { errorMessage } from '../shared/errors';
import styles from './Profile.module.css';

/** The language applies at once (the whole app switches), and is saved on the profile. */
export function LanguageSection({ profile }: { profile: ProfileDto }) {
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
