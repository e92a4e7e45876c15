import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import en from '../../../apps/web/src/i18n/en.json';
import fr from '../../../apps/web/src/i18n/fr.json';
import { baseUrl } from './env';

export { expect };
export type Lang = 'fr' | 'en';

type Tree = Record<string, unknown>;
const WEB_AREAS = resolve(__dirname, '..', '..', '..', 'apps', 'web', 'src', 'areas');

function merge(a: Tree, b: Tree): Tree {
  const out: Tree = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = prev && v && typeof prev === 'object' && typeof v === 'object' ? merge(prev as Tree, v as Tree) : v;
  }
  return out;
}

/** The core catalogue of `lang` with the lazy areas' ones (src/areas/<area>/i18n/<section>.<lang>.json) merged in. */
function catalogueOf(lang: Lang, core: Tree): Tree {
  let out = core;
  for (const area of readdirSync(WEB_AREAS)) {
    let files: string[] = [];
    try {
      files = readdirSync(join(WEB_AREAS, area, 'i18n'));
    } catch {
      continue; // an area with its strings in the core catalogue
    }
    for (const f of files.filter((f) => f.endsWith(`.${lang}.json`)).sort())
      out = merge(out, JSON.parse(readFileSync(join(WEB_AREAS, area, 'i18n', f), 'utf8')) as Tree);
  }
  return out;
}

const catalogues = { fr: catalogueOf('fr', fr), en: catalogueOf('en', en) } as const;

/** The language of the test's project (`metadata.lang` in playwright.config.ts; the browser's locale picks it). */
export function langOf(info: TestInfo = base.info()): Lang {
  const lang = info.project.metadata.lang as unknown;
  if (lang !== 'fr' && lang !== 'en') throw new Error(`project ${info.project.name} has no metadata.lang`);
  return lang;
}

/** A string of the web app's catalogue in `lang` (`t('login.title')`), {{variables}} filled in. */
export function text(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  let node: unknown = catalogues[lang];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') throw new Error(`no string ${key} in the ${lang} catalogue`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name] ?? `{{${name}}}`));
}

/**
 * The browser tests' `test`: `baseURL` is the run's API (started by the global setup, so known
 * only once the run began), `lang` the project's language and `t` its catalogue.
 */
export const test = base.extend<{ lang: Lang; t: (key: string, vars?: Record<string, string | number>) => string }>({
  baseURL: async ({}, use) => use(baseUrl()),
  lang: async ({}, use, info) => use(langOf(info)),
  t: async ({ lang }, use) => use((key, vars) => text(lang, key, vars)),
});

const BLOCKING = new Set(['serious', 'critical']);

/**
 * axe-core (WCAG 2.x A/AA and best practices) on the page as it is: fails on any violation of
 * impact serious or critical, listing each rule id, its help and the selectors of its nodes.
 */
export async function expectAxeClean(page: Page, name: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const blocking = result.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  const report = blocking
    .map((v) => `- [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')}`)
    .join('\n');
  expect(
    blocking.map((v) => v.id),
    `axe: serious or critical violations on ${name} (${page.url()}):\n${report}`,
  ).toEqual([]);
}

const SCREENSHOTS_ROOT = resolve(__dirname, '..', '..', '..', 'docs', 'screenshots');

/** The area of the test's project (`metadata.area`: panellist unless said), the folder of its screenshots. */
function areaOf(info: TestInfo = base.info()): string {
  const area = info.project.metadata.area as unknown;
  return typeof area === 'string' && /^[a-z]+$/.test(area) ? area : 'panellist';
}

/** Screenshots are written when asked (SCREENSHOTS=1) or in CI (CI=true): local runs leave the tree clean. */
export function screenshotsWanted(): boolean {
  return process.env.SCREENSHOTS === '1' || process.env.CI === 'true';
}

/**
 * A full-page PNG of the page to docs/screenshots/<area>/<lang>-<name>.png (area and lang from
 * the project): the same name every run, so a diff shows what changed. Animations are stopped and
 * the caret hidden.
 */
export async function shot(page: Page, name: string): Promise<void> {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`screenshot name "${name}": lower-case letters, digits and hyphens only`);
  if (!screenshotsWanted()) return;
  const dir = join(SCREENSHOTS_ROOT, areaOf());
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${langOf()}-${name}.png`), fullPage: true, animations: 'disabled', caret: 'hide' });
}
