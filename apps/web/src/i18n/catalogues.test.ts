import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en.json';
import fr from './fr.json';
import { areaCatalogue, fullCatalogue } from './testing';

type Catalogue = { [key: string]: string | Catalogue };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const catalogues = { fr: flatten(fullCatalogue('fr') as Catalogue), en: flatten(fullCatalogue('en') as Catalogue) };
const keysOf = (lang: 'fr' | 'en') => new Set([...catalogues[lang].keys()].map((k) => k.replace(PLURAL, '')));
const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) && name !== 'routeTree.gen.ts' ? [p] : [];
  });
}

describe('fr and en catalogues', () => {
  it('give each lazy area top-level keys of its own (i18next merges a bundle shallowly: a shared key would hide the core strings)', () => {
    for (const [lang, core] of [
      ['fr', fr],
      ['en', en],
    ] as const) {
      const area = Object.keys(areaCatalogue(lang));
      expect(
        area.filter((k) => k in core),
        lang,
      ).toEqual([]);
    }
  });

  it('have the same keys', () => {
    const fr = keysOf('fr');
    const en = keysOf('en');
    expect(
      [...fr].filter((k) => !en.has(k)),
      'in fr, missing from en',
    ).toEqual([]);
    expect(
      [...en].filter((k) => !fr.has(k)),
      'in en, missing from fr',
    ).toEqual([]);
  });

  it('use the same {{variables}} in both languages, and no empty string', () => {
    for (const [key, text] of catalogues.en) {
      const other = catalogues.fr.get(key);
      if (other === undefined) continue; // plural forms differ per language; the key test covers them
      expect(variables(other), key).toEqual(variables(text));
      expect(text.trim(), key).not.toBe('');
      expect(other.trim(), key).not.toBe('');
    }
  });

  it('hold every key the source uses with t("…")', () => {
    const src = join(__dirname, '..');
    const used = new Map<string, string>();
    for (const file of sourceFiles(src)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*(['"])([^'"`$]+)\1/g)) used.set(m[2], relative(src, file));
      for (const m of text.matchAll(/\bi18nKey=(['"])([^'"]+)\1/g)) used.set(m[2], relative(src, file));
    }
    expect(used.size).toBeGreaterThan(20);
    const fr = keysOf('fr');
    const en = keysOf('en');
    const missing = [...used].filter(([key]) => !fr.has(key) || !en.has(key)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });
});
