/** What the global setup hands to the tests (through the environment the workers inherit). */
export const ENV = {
  /** the API's own URL, also its PUBLIC_BASE_URL: e-mail links open in the test browser */
  baseUrl: 'LEADPANEL_BROWSER_BASE_URL',
  /** the folder where every message the SMTP listener accepted is a JSON file */
  mailDir: 'LEADPANEL_BROWSER_MAIL_DIR',
} as const;

/** The bootstrap admin of the browser run's API (a fresh database each run). */
export const ADMIN = { email: 'admin@browser.leadpanel.test', password: 'browser-admin-password-2026' } as const;

export function baseUrl(): string {
  const url = process.env[ENV.baseUrl];
  if (!url) throw new Error(`${ENV.baseUrl} is not set: run the browser tests with npm run test:browser (the global setup starts the API)`);
  return url;
}
