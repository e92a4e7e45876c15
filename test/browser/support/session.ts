import type { BrowserContext } from '@playwright/test';

/** The header every browser-session route needs (docs/web.md, the CSRF check). */
export const WEB_CLIENT_HEADER = { 'X-Leadpanel-Client': 'web' } as const;

export interface BrowserSession {
  accessToken: string;
  user: { id: string; email: string; role: string };
}

/**
 * Signs the browser context in the way the sign-in page does, without the page:
 * `POST /api/v1/auth/session` through the context's own request client, so that the HttpOnly
 * refresh cookie lands in the context's cookie jar and the app, once loaded, restores the
 * session from it (its bootstrap refresh). For journeys that start after the sign-in step.
 */
export async function signInBrowser(context: BrowserContext, baseURL: string, email: string, password: string): Promise<BrowserSession> {
  const res = await context.request.post(`${baseURL}/api/v1/auth/session`, { headers: WEB_CLIENT_HEADER, data: { email, password } });
  if (res.status() !== 200) throw new Error(`POST /auth/session for ${email}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as BrowserSession;
}
