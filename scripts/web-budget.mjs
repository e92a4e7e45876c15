// The weight of a panellist's first load: the JavaScript that opening /me downloads (Vite's
// entry chunk, the route chunks of /me, every chunk these import statically, and the catalogue
// of the page's language: one of src/i18n/*.json, each its own chunk loaded before the first
// render, counted as the largest of them), compressed.
// Fails past BUDGET_BROTLI bytes, or when any studio, brand or admin code is in it. Reads
// dist/.vite/manifest.json and dist/.vite/modules.json (written by apps/web/vite.config.mts).
// Run on its own: node scripts/web-budget.mjs [distDir]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const BUDGET_BROTLI = 150_000; // bytes (150 kB): the panellist's first load on a phone (docs/web.md, "The budget")

/** The route modules of /me's home: its layout (route.tsx) and its index page. */
const ME_ROUTE = /^src\/routes\/(me|me\/route|me\/index|me\.index)\.tsx(\?|$)/;
/**
 * Code of the other areas. The route tree itself (paths, and a lazy reference per route) is in
 * the entry chunk by design; what must never be there is a split route chunk of another area or
 * anything under src/areas/{studio,brand,admin}/.
 */
const FORBIDDEN = [/^src\/areas\/(studio|brand|admin)\//, /^src\/routes\/(studio|brand|admin)(\/|\.).*\?tsr-split/];

/** The catalogues (src/i18n/fr.json, en.json…): main.tsx loads the active one before rendering. */
const CATALOGUE = /^src\/i18n\/[\w-]+\.json$/;

const kb = (n) => `${(n / 1000).toFixed(1)} kB`;

export function firstLoadOfMe(distDir) {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8'));
  const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entryKey) throw new Error('no entry chunk in the Vite manifest');
  const keys = [entryKey, ...Object.keys(manifest).filter((k) => ME_ROUTE.test(k))];
  if (keys.length < 2) throw new Error('no route chunk for /me in the Vite manifest (src/routes/me/...)');
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  keys.forEach(visit);
  const files = [...seen].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
  // the page's language is the visitor's: count the heaviest catalogue (with what it imports)
  const catalogues = Object.keys(manifest).filter((k) => CATALOGUE.test(k));
  if (catalogues.length === 0) throw new Error('no catalogue chunk (src/i18n/*.json) in the Vite manifest');
  const chunkOf = (key) => {
    const own = new Set();
    const walk = (k) => {
      if (seen.has(k) || own.has(k)) return;
      own.add(k);
      for (const imported of manifest[k].imports ?? []) walk(imported);
    };
    walk(key);
    return [...own].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
  };
  const weight = (fs) => fs.reduce((n, f) => n + brotli(readFileSync(join(distDir, f))), 0);
  const heaviest = catalogues.map(chunkOf).reduce((a, b) => (weight(b) > weight(a) ? b : a));
  return [...files, ...heaviest];
}

const brotli = (data) => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

export function checkBudget(distDir) {
  const files = firstLoadOfMe(distDir);
  const modules = JSON.parse(readFileSync(join(distDir, '.vite', 'modules.json'), 'utf8'));
  let raw = 0;
  let gz = 0;
  let br = 0;
  const rows = [];
  for (const file of files) {
    const data = readFileSync(join(distDir, file));
    const g = gzipSync(data, { level: 9 }).length;
    const b = brotli(data);
    raw += data.length;
    gz += g;
    br += b;
    rows.push(`  ${file.padEnd(44)} ${kb(data.length).padStart(9)} ${kb(g).padStart(9)} gzip ${kb(b).padStart(9)} br`);
  }
  const leaked = files.flatMap((f) =>
    (modules[f] ?? []).filter((id) => FORBIDDEN.some((re) => re.test(id))).map((id) => `${id} (in ${f})`),
  );
  console.log(`web budget: first load of /me, ${files.length} JavaScript files`);
  console.log(rows.join('\n'));
  console.log(`  total ${kb(raw)}, ${kb(gz)} gzip, ${kb(br)} brotli (budget ${kb(BUDGET_BROTLI)} brotli)`);
  let ok = true;
  if (br > BUDGET_BROTLI) {
    console.error(`web budget: FAILED, ${kb(br)} brotli is over ${kb(BUDGET_BROTLI)}`);
    ok = false;
  }
  if (leaked.length > 0) {
    console.error(`web budget: FAILED, code of another area in the first load of /me:\n  ${leaked.join('\n  ')}`);
    ok = false;
  }
  return ok;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? join(fileURLToPath(import.meta.url), '..', '..', 'apps', 'web', 'dist');
  process.exit(checkBudget(dir) ? 0 : 1);
}
