import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Embedded mode without JWT_SECRET makes a random secret at every start, and report share
 * links are signed with it: a link printed by `seed-demo` would not open on the API that
 * `npm run demo` starts next. So the demo keeps one secret beside the embedded database
 * (`<PGLITE_DIR>.demo-secret`, readable by its owner only) and both processes use it.
 * A configured JWT_SECRET always wins.
 */
export function embeddedDemoSecret(pgliteDir: string): string {
  const file = `${pgliteDir}.demo-secret`;
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 32) return kept;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
