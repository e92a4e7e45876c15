import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import fr from './fr.json';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const catalogues = { fr, en } as const;

const STORAGE_KEY = 'leadpanel.language';

function asLanguage(tag: string | null | undefined): Language | null {
  const base = tag?.toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((l) => l === base) ?? null;
}

/**
 * The language to show: the signed-in user's locale, else the one picked with the switch on
 * this device, else the first of the browser's languages we have, else English.
 */
export function pickLanguage(userLocale?: string | null, browser: readonly string[] = navigatorLanguages()): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  for (const tag of [userLocale, stored, ...browser]) {
    const lang = asLanguage(tag);
    if (lang) return lang;
  }
  return 'en';
}

function navigatorLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/** Remembers a language picked with the switch (the profile's locale wins once signed in). */
export function rememberLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/** One i18next instance with both catalogues bundled (they are small), ready synchronously. */
export function createI18n(lng: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const setLang = (l: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = l;
  };
  setLang(lng);
  instance.on('languageChanged', setLang);
  return instance;
}
