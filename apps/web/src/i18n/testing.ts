import type { i18n } from 'i18next';
import en from './en.json';
import fr from './fr.json';
import { deepMerge } from './area';
import { createI18nWith, type Language } from './index';

type Tree = Record<string, unknown>;

// the lazy areas' catalogues (src/areas/<area>/i18n/<section>.<lang>.json), all of them
const areaFiles = import.meta.glob<{ default: Tree }>('../areas/*/i18n/*.json', { eager: true });

/** Tests only: the core catalogue of `lang` with every area's strings merged in. */
export function fullCatalogue(lang: Language): Tree {
  const core = (lang === 'fr' ? fr : en) as Tree;
  return Object.entries(areaFiles)
    .filter(([path]) => path.endsWith(`.${lang}.json`))
    .reduce((acc, [, m]) => deepMerge(acc, m.default), core);
}

/** Tests only: the area catalogues of `lang` alone, merged (to check they never reuse a core key). */
export function areaCatalogue(lang: Language): Tree {
  return Object.entries(areaFiles)
    .filter(([path]) => path.endsWith(`.${lang}.json`))
    .reduce((acc, [, m]) => deepMerge(acc, m.default), {} as Tree);
}

/**
 * Tests only: an i18next instance with both catalogues (core and every lazy area), ready
 * synchronously (the app loads one catalogue at a time, see createI18n and useAreaCatalogue).
 * Never import this from app code: it bundles everything.
 */
export function createTestI18n(lng: Language): i18n {
  return createI18nWith(lng, { fr: fullCatalogue('fr'), en: fullCatalogue('en') });
}
