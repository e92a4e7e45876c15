// Three tiers (docs/testing.md): unit beside the code, int against the real database,
// e2e over HTTP on the composed app. Nest 12 and PGlite ship ESM: Jest on Node 20 cannot
// require() ESM, so swc compiles them to CommonJS along with our TypeScript.
const { execFileSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { availableParallelism } = require('node:os');
const { join } = require('node:path');

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const common = {
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json', 'cjs', 'mjs'],
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|@electric-sql)/)'],
  transform: { '^.+\\.(t|j|cj|mj)s$': swc },
  moduleNameMapper: {
    '^@leadpanel/platform/testing$': '<rootDir>/libs/platform/src/testing/index.ts',
    '^@leadpanel/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
  },
  rootDir: __dirname,
  // the web app has its own runner (Vitest, `npm run test:web`)
  modulePathIgnorePatterns: ['<rootDir>/apps/web/'],
};

// Files that need a real PostgreSQL server (row locking, restarts): left out of the embedded run.
const needsPostgres = process.env.DATABASE_URL ? [] : ['\\.pg\\.(int|e2e)-spec\\.ts$'];

// The database outage test starts and kills a PostgreSQL server of its own: it needs the server
// binaries (PG_BIN, else Debian's PostgreSQL 15, else pg_config), not DATABASE_URL. Without
// them it is left out, and the global set-up says so.
function pgBinariesFound() {
  const has = (dir) => !!dir && existsSync(join(dir, 'pg_ctl'));
  if (process.env.PG_BIN) return has(process.env.PG_BIN);
  if (has('/usr/lib/postgresql/15/bin')) return true;
  try {
    return has(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    return false;
  }
}
const needsPgBinaries = pgBinariesFound() ? [] : ['/test/platform/database-outage\\.int-spec\\.ts$'];
if (needsPgBinaries.length > 0) process.env.LEADPANEL_PG_BINARIES_MISSING = 'true';

module.exports = {
  // Test files are independent (every app has a database and a queue prefix of its own) and an
  // e2e file waits on its app's I/O as much as it computes: one worker more than there are cores
  // (Jest would take one fewer), at most six (a worker holds 1-2 GB). On 2 cores, from a fresh
  // clone with nothing configured: 9.2 min with two workers, 7.6 min with three.
  maxWorkers: Math.min(availableParallelism() + 1, 6),
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/test/architecture/*.spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/'],
    },
    {
      ...common,
      displayName: 'int',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/', ...needsPostgres, ...needsPgBinaries],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...needsPostgres],
    },
  ],
};
