import { describe, expect, it } from 'vitest';
import en from './en.json';
import fr from './fr.json';
import { createI18n } from './index';

describe('catalogues loaded on demand', () => {
  it('loads only the active language before resolving, and the other one before switching to it', async () => {
    const i18n = await createI18n('fr');
    expect(i18n.hasResourceBundle('fr', 'translation')).toBe(true);
    expect(i18n.hasResourceBundle('en', 'translation')).toBe(false);
    expect(i18n.t('shell.skipLink')).toBe(fr.shell.skipLink);
    expect(document.documentElement.lang).toBe('fr');

    // when the language changes, its catalogue is already there: no render ever shows a key
    const seen: string[] = [];
    i18n.on('languageChanged', () => seen.push(i18n.t('shell.skipLink')));
    await i18n.changeLanguage('en');
    expect(seen).toEqual([en.shell.skipLink]);
    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('takes a regional tag as its language, and never falls back to another catalogue', async () => {
    const i18n = await createI18n('en');
    await i18n.changeLanguage('fr-CA');
    expect(i18n.resolvedLanguage).toBe('fr');
    expect(i18n.t('shell.skipLink')).toBe(fr.shell.skipLink);
    expect(i18n.t('no.such.key')).toBe('no.such.key');
  });
});
