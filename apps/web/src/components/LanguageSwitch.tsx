import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../i18n';
import { useLanguageChoice } from '../i18n/useLanguageChoice';
import styles from './LanguageSwitch.module.css';

/** FR | EN: each button names its language in that language (lang attribute for screen readers). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const [current, choose] = useLanguageChoice();
  return (
    <ToggleButtonGroup
      aria-label={t('shell.language')}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[current]}
      onSelectionChange={(keys) => {
        const [lang] = [...keys] as Language[];
        if (lang && lang !== current) choose(lang);
      }}
      className={styles.group}
    >
      {LANGUAGES.map((lang) => (
        <ToggleButton key={lang} id={lang} className={styles.button} aria-label={t(`languages.${lang}`)} lang={lang}>
          {lang.toUpperCase()}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
