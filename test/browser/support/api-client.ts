import { randomBytes } from 'node:crypto';
import { baseUrl } from './env';

/**
 * The HTTP API of the run's API process, as the browser journeys' builders call it
 * (docs/http-contract.md): one call to /api/v1, unique values, a login. Bearer tokens, no browser.
 */

export const PASSWORD = 'panellist-password-2026';

/** Subjects of the e-mails the journeys wait for, in both languages (the templates under libs/<context>/src/templates). */
export const CONFIRM_SUBJECT = /^(Confirm your e-mail|Confirmez votre e-mail)/;
export const INVITATION_SUBJECT = /^(You are invited|Invitation) ?: /;
export const ROUND_OPENED_SUBJECT = /^(A discussion is open|Une discussion est ouverte)/;
export const SURVEY_SUBJECT = /^(A survey is waiting for you|Un questionnaire vous attend)/;
export const SHIPMENT_SUBJECT = /^(Your .+ sample is on its way|Votre échantillon .+ est en route)/;
export const RESET_SUBJECT = /^(Reset your Leadpanel password|Réinitialisez votre mot de passe Leadpanel)/;

export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${path}: ${status} ${JSON.stringify(body)}`);
  }
}

/** One call to /api/v1; throws an ApiError unless the status is `expect` (default: any 2xx). */
export async function call<T = unknown>(
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; expect?: number; headers?: Record<string, string> } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl()}/api/v1${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  const ok = opts.expect === undefined ? res.status >= 200 && res.status < 300 : res.status === opts.expect;
  if (!ok) throw new ApiError(method, path, res.status, body);
  return body as T;
}

/** A readable address no other test (or run) uses. */
export function uniqueEmail(label = 'panellist'): string {
  return `${label}-${randomBytes(5).toString('hex')}@browser.leadpanel.test`;
}

export function uniqueSlug(label = 'camp'): string {
  return `${label}-${randomBytes(5).toString('hex')}`;
}

export async function login(email: string, password: string): Promise<string> {
  const res = await call<{ accessToken: string }>('POST', '/auth/login', { body: { email, password }, expect: 200 });
  return res.accessToken;
}
