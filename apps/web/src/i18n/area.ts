import type { ResourceKey } from 'i18next';
import { useEffect, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from './index';

type Tree = { [key: string]: unknown };

/** `b` laid over `a`, objects merged key by key (the area catalogues are split per section). */
export function deepMerge(a: Tree, b: Tree): Tree {
  const out: Tree = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const prev = out[key];
    out[key] = prev && value && typeof prev === 'object' && typeof value === 'object' ? deepMerge(prev as Tree, value as Tree) : value;
  }
  return out;
}

/** The catalogue of one area in one language: its section files (`<section>.<lang>.json`) merged. */
export async function mergeSections(loaders: Record<string, () => Promise<{ default: ResourceKey }>>, lang: Language): Promise<Tree> {
  const mine = Object.entries(loaders).filter(([path]) => path.endsWith(`.${lang}.json`));
  const parts = await Promise.all(mine.map(([, load]) => load().then((m) => m.default as Tree)));
  return parts.reduce(deepMerge, {});
}

const loaded = new WeakMap<object, Set<string>>();

/**
 * The strings of a lazy area (the studio): its catalogue is its own chunk, fetched with the
 * area's code and added to the app's `translation` namespace under the area's own top-level
 * key (src/i18n/catalogues.test.ts checks that no core key shares it, since i18next merges a
 * bundle's top-level keys shallowly). True once the current language's part is in; a language
 * switch fetches the other one.
 */
export function useAreaCatalogue(area: string, load: (lang: Language) => Promise<Tree>): boolean {
  const { i18n } = useTranslation();
  const lang = LANGUAGES.find((l) => l === i18n.language) ?? 'en';
  const key = `${area}/${lang}`;
  const isIn = () => loaded.get(i18n)?.has(key) ?? false;
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (isIn()) return;
    let live = true;
    void load(lang).then((catalogue) => {
      i18n.addResourceBundle(lang, 'translation', catalogue, true, true);
      if (!loaded.has(i18n)) loaded.set(i18n, new Set());
      loaded.get(i18n)!.add(key);
      if (live) rerender();
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [i18n, key]);
  return isIn();
}
