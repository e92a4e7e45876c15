import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, rememberLanguage, type Language } from './index';

/**
 * The page's language and a way to pick another, for the language controls (the header's
 * switch, the profile page). The other catalogue may need loading first (`changeLanguage`
 * waits for it): the control shows the choice at once, the text follows when it is there.
 */
export function useLanguageChoice(fallback: Language = 'en'): [Language, (lang: Language) => void] {
  const { i18n } = useTranslation();
  const [pending, setPending] = useState<Language | null>(null);
  const active = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : fallback;
  const choose = (lang: Language) => {
    rememberLanguage(lang);
    setPending(lang);
    void i18n.changeLanguage(lang).finally(() => setPending((p) => (p === lang ? null : p)));
  };
  return [pending ?? active, choose];
}
