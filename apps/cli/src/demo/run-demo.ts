import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadConfigOrExit } from '@leadpanel/platform';
import { embeddedDemoSecret } from './demo-secret';

/**
 * `npm run demo`: seeds the demo in one process, then starts the API in another. In embedded
 * mode the seeding process must release the database before the API opens it (only one
 * process may hold it), and both share the demo secret (demo-secret.ts) so that the printed
 * share link opens.
 */
function main(): void {
  const config = loadConfigOrExit();
  const env = { ...process.env };
  if (config.database.url === null) {
    if (config.database.pgliteDir.startsWith('memory://')) {
      process.stderr.write('npm run demo needs an embedded database on disk: unset PGLITE_DIR or point it at a directory\n');
      process.exit(2);
    }
    if (!process.env.JWT_SECRET) env.JWT_SECRET = embeddedDemoSecret(config.database.pgliteDir);
  }
  const seeded = spawnSync(process.execPath, [join(__dirname, '..', 'main.js'), 'seed-demo'], { stdio: 'inherit', env });
  if (seeded.status !== 0) process.exit(seeded.status ?? 1);

  const api = spawn(process.execPath, [join(__dirname, '..', '..', '..', 'api', 'src', 'main.js')], { stdio: 'inherit', env });
  // Ctrl-C reaches both processes; this one waits for the API to shut down cleanly
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => api.kill(signal));
  api.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main();
