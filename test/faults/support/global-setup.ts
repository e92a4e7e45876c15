import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** Newest modification time of the TypeScript sources the built processes come from. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * The faults tier runs the built API and worker against the shared PostgreSQL (a database of
 * each test's own) and Redis (a prefix of its own, or a redis-server of its own).
 */
export default function globalSetup(): void {
  process.env.NODE_ENV = 'test';
  process.env.LOG_LEVEL ??= 'error';
  process.env.JWT_SECRET ??= randomBytes(48).toString('base64url');
  if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
    throw new Error('the fault tests need DATABASE_URL and REDIS_URL (a PostgreSQL server and a Redis): see docs/testing.md');
  }
  const entries = ['api', 'worker'].map((app) => join(ROOT, 'dist', 'apps', app, 'src', 'main.js'));
  const missing = entries.filter((f) => !existsSync(f));
  if (missing.length > 0) throw new Error(`${missing.join(', ')} missing: run \`npm run build\` (npm run test:faults does)`);
  const builtAt = Math.min(...entries.map((f) => statSync(f).mtimeMs));
  if (['apps', 'libs'].some((d) => newestSource(join(ROOT, d)) > builtAt)) {
    console.warn('\nwarning: dist/ is older than some sources; `npm run test:faults` builds first');
  }
}
