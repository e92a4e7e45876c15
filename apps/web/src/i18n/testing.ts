import type { i18n } from 'i18next';
import en from './en.json';
import fr from './fr.json';
import { createI18nWith, type Language } from './index';

/**
 * Tests only: an i18next instance with both catalogues, ready synchronously (the app loads one
 * catalogue at a time, see createI18n). Never import this from app code: it bundles both.
 */
export function createTestI18n(lng: Language): i18n {
  return createI18nWith(lng, { fr, en });
}
