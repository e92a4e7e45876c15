import i18next, { type BackendModule, type i18n, type InitOptions, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

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

/**
 * One catalogue, fetched on demand: each is its own chunk (~10 kB brotli, and growing with every
 * area), so a page load downloads only the language it shows.
 */
export function loadCatalogue(lang: Language): Promise<ResourceKey> {
  const load = lang === 'fr' ? import('./fr.json') : import('./en.json');
  return load.then((m) => m.default);
}

/**
 * The i18next backend: i18next asks it for a language the first time that language is needed,
 * and `changeLanguage` waits for it before switching. So every way of switching (the header's
 * switch, the profile page, the session's locale) loads the catalogue first, and no screen ever
 * shows raw keys, without each caller having to load it.
 */
const catalogueBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    const lang = asLanguage(language);
    if (!lang) {
      callback(null, {});
      return;
    }
    loadCatalogue(lang).then(
      (catalogue) => callback(null, catalogue),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

const options = {
  supportedLngs: [...LANGUAGES],
  // no fallback language: both catalogues hold every key (src/i18n/catalogues.test.ts), so a
  // fallback would only download the other one for nothing
  fallbackLng: false,
  load: 'languageOnly',
  interpolation: { escapeValue: false },
} satisfies InitOptions;

function followDocumentLanguage(instance: i18n, lng: Language) {
  const setLang = (l: string) => {
    if (typeof document !== 'undefined') document.documentElement.lang = l;
  };
  setLang(lng);
  instance.on('languageChanged', setLang);
}

/**
 * The app's i18next instance, resolved once the catalogue of `lng` is loaded (main.tsx awaits
 * it before the first render: no flash of keys). Other languages load when switched to.
 */
export async function createI18n(lng: Language): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance
    .use(catalogueBackend)
    .use(initReactI18next)
    .init({ ...options, lng });
  followDocumentLanguage(instance, lng);
  return instance;
}

/**
 * For tests only: an instance with both catalogues given up front, ready synchronously (the
 * catalogues are imported by the caller, so the app never bundles them together).
 */
export function createI18nWith(lng: Language, catalogues: Record<Language, ResourceKey>): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    ...options,
    lng,
    resources: { fr: { translation: catalogues.fr }, en: { translation: catalogues.en } },
    initAsync: false,
  });
  followDocumentLanguage(instance, lng);
  return instance;
}
