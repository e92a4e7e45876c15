// The faults tier (docs/testing.md): real servers started and stopped by the tests themselves
// (the built API and worker, a redis-server of their own, a throwaway PostgreSQL cluster), so
// it needs `npm run build` first and DATABASE_URL and REDIS_URL. `npm run test:faults` does both.
const base = require('./jest.config.js');
const e2e = base.projects.find((p) => p.displayName === 'e2e');

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  displayName: 'faults',
  moduleFileExtensions: e2e.moduleFileExtensions,
  transformIgnorePatterns: e2e.transformIgnorePatterns,
  transform: e2e.transform,
  moduleNameMapper: e2e.moduleNameMapper,
  testMatch: ['<rootDir>/test/faults/**/*.faults-spec.ts'],
  globalSetup: '<rootDir>/test/faults/support/global-setup.ts',
  // the tests start servers and processes of their own: one file at a time on a small machine
  maxWorkers: 1,
  testTimeout: 180_000,
};
