// Builds the web app (apps/web → apps/web/dist) with Vite, unless its inputs are unchanged since
// the last build: a SHA-256 of every input file (apps/web without dist, and the lockfile) is kept
// in apps/web/dist/.build-stamp, so `npm start` stays fast. Then writes a .br and a .gz beside
// every text file (the API serves them by Accept-Encoding) and runs the budget check
// (scripts/web-budget.mjs), which fails the build. `--force` builds anyway.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { checkBudget } from './web-budget.mjs';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const web = join(root, 'apps', 'web');
const dist = join(web, 'dist');
const stampFile = join(dist, '.build-stamp');
const force = process.argv.includes('--force');

function files(dir, skip) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (skip.includes(p)) continue;
    if (statSync(p).isDirectory()) out.push(...files(p, skip));
    else out.push(p);
  }
  return out;
}

function inputsHash() {
  const hash = createHash('sha256');
  const inputs = [...files(web, [dist, join(web, 'node_modules')]), join(root, 'package-lock.json'), fileURLToPath(import.meta.url)];
  for (const f of inputs) {
    hash.update(relative(root, f)).update('\0').update(readFileSync(f)).update('\0');
  }
  return hash.digest('hex');
}

const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.webmanifest']);

/** Pre-compressed copies, brotli at its best quality and gzip -9: nothing is compressed per request. */
function precompress() {
  let n = 0;
  for (const f of files(dist, [join(dist, '.vite')])) {
    if (!COMPRESSIBLE.has(extname(f))) continue;
    const data = readFileSync(f);
    const br = brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    });
    const gz = gzipSync(data, { level: 9 });
    // a copy that is not smaller is not written: the file is then served as it is
    if (br.length < data.length) writeFileSync(`${f}.br`, br);
    if (gz.length < data.length) writeFileSync(`${f}.gz`, gz);
    n += 1;
  }
  return n;
}

const before = inputsHash();
const upToDate =
  !force && existsSync(join(dist, 'index.html')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === before;
if (upToDate) {
  console.log('web: apps/web/dist is up to date (sources unchanged since the last build)');
} else {
  const started = Date.now();
  const vite = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(web, 'vite.config.mts'), '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (vite.status !== 0) process.exit(vite.status ?? 1);
  const n = precompress();
  console.log(`web: built apps/web/dist in ${((Date.now() - started) / 1000).toFixed(1)} s; ${n} files pre-compressed (.br, .gz)`);
}

if (!checkBudget(dist)) process.exit(1);
// the stamp is written once the budget passed, and after the build (the router plugin may have rewritten routeTree.gen.ts)
if (!upToDate) writeFileSync(stampFile, inputsHash() + '\n');
