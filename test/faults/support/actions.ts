import { randomBytes } from 'node:crypto';
import { applicationBody, createCampaign, type Campaign } from '../../panel/panel-helpers';
import type { SmtpListener } from '../../support/smtp';
import type { TestApp } from '../../support/test-app';
import { ADMIN, type Stack } from './servers';

/** Things a user does over HTTP against the built API, each one sending (or not) an e-mail. */

export const API = '/api/v1';

export async function login(stack: Stack, email: string, password: string): Promise<string> {
  const res = await stack.http().post(`${API}/auth/login`).send({ email, password });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${res.text}`);
  return res.body.accessToken as string;
}

export function loginAdmin(stack: Stack): Promise<string> {
  return login(stack, ADMIN.email, ADMIN.password);
}

export function newEmail(label: string): string {
  return `${label}-${randomBytes(5).toString('hex')}@example.test`;
}

/** An admin creates a staff account: the new user gets the "account created" e-mail. */
export function createUser(stack: Stack, adminToken: string, email: string, role: 'researcher' | 'admin' = 'researcher') {
  return stack
    .http()
    .post(`${API}/users`)
    .set('Authorization', `Bearer ${adminToken}`)
    .send({ email, password: 'researcher-password', role });
}

/** The panel helpers (createSurvey, createCampaign) use only `http()` and `smtp` of a test app. */
function asTestApp(stack: Stack, smtp: SmtpListener): TestApp {
  return { http: stack.http, smtp } as unknown as TestApp;
}

/** A researcher's recruitment campaign with a published screener. */
export function campaign(stack: Stack, smtp: SmtpListener, researcherToken: string): Promise<Campaign> {
  return createCampaign(asTestApp(stack, smtp), researcherToken);
}

/** A public application to the campaign: the applicant gets the confirmation e-mail. */
export function apply(stack: Stack, slug: string, email: string) {
  return stack.http().post(`${API}/public/recruitment/${slug}/applications`).send(applicationBody({ email }));
}

/** One sample of a Prometheus text exposition, e.g. `leadpanel_queue_jobs{state="failed"}`. */
export async function metric(stack: Stack, sample: string): Promise<number | undefined> {
  const res = await stack.http().get('/metrics');
  if (res.status !== 200) throw new Error(`/metrics: ${res.status}`);
  const line = res.text.split('\n').find((l) => l.startsWith(`${sample} `));
  return line === undefined ? undefined : Number(line.slice(sample.length + 1));
}
