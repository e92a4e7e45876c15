// Three tiers (docs/testing.md): unit beside the code, int against the real database,
// e2e over HTTP on the composed app. Nest 12 and PGlite ship ESM: Jest on Node 20 cannot
// require() ESM, so swc compiles them to CommonJS along with our TypeScript.
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

module.exports = {
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
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/', ...needsPostgres],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...needsPostgres],
    },
  ],
};
