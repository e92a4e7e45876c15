import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, rememberLanguage, type Language } from '../i18n';
import styles from './LanguageSwitch.module.css';

/** FR | EN: each button names its language in that language (lang attribute for screen readers). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = (LANGUAGES as readonly string[]).includes(i18n.language) ? i18n.language : 'en';
  return (
    <ToggleButtonGroup
      aria-label={t('shell.language')}
      selectionMode="single"
      disallowEmptySelection
      selectedKeys={[current]}
      onSelectionChange={(keys) => {
        const [lang] = [...keys] as Language[];
        if (lang && lang !== i18n.language) {
          rememberLanguage(lang);
          void i18n.changeLanguage(lang);
        }
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
