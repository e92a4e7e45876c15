import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests (docs/testing.md, "Browser tests"): Debian's Chromium (never a downloaded
 * browser), one worker (2 cores, and the API under test is one process), the built API
 * started by test/browser/support/global-setup.ts on a free loopback port with a fresh database.
 */
const phone = { viewport: { width: 360, height: 800 }, isMobile: false, hasTouch: true };

export default defineConfig({
  testDir: 'test/browser',
  globalSetup: './test/browser/support/global-setup.ts',
  outputDir: 'var/browser/results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  // a journey joins panellists (argon2 on a busy machine) and walks many pages
  timeout: 180_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI === 'true' ? [['list']] : [['list'], ['html', { outputFolder: 'var/browser/report', open: 'never' }]],
  use: {
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    {
      // the staff builders of test/browser/support/api.ts against the running API: no page, one run
      name: 'api',
      testMatch: /api-builders\.spec\.ts$/,
    },
    {
      name: 'panellist-fr',
      testIgnore: [/api-builders\.spec\.ts$/, /brand[^/]*\.spec\.ts$/, /admin[^/]*\.spec\.ts$/, /studio[^/]*\.spec\.ts$/],
      metadata: { lang: 'fr' },
      use: { ...devices['Desktop Chrome'], ...phone, locale: 'fr-FR', timezoneId: 'Europe/Paris' },
    },
    {
      name: 'panellist-en',
      testIgnore: [/api-builders\.spec\.ts$/, /brand[^/]*\.spec\.ts$/, /admin[^/]*\.spec\.ts$/, /studio[^/]*\.spec\.ts$/],
      metadata: { lang: 'en' },
      use: { ...devices['Desktop Chrome'], ...phone, locale: 'en-GB', timezoneId: 'Europe/London' },
    },
    {
      // the brand area (issue #17): desktop first
      name: 'brand-desktop',
      testMatch: /brand[^/]*\.spec\.ts$/,
      metadata: { lang: 'en', area: 'brand' },
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London' },
    },
    {
      // the admin pages (issue #17), desktop first; screenshots to docs/screenshots/admin/
      name: 'admin-desktop',
      testMatch: /admin[^/]*\.spec\.ts$/,
      metadata: { lang: 'en', area: 'admin' },
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London' },
    },
    {
      // the researcher studio (issue #17): desktop first; screenshots to docs/screenshots/studio/
      name: 'studio-desktop',
      testMatch: /studio[^/]*\.spec\.ts$/,
      metadata: { lang: 'en', area: 'studio' },
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'Europe/London' },
    },
  ],
});
