import { randomBytes } from 'node:crypto';
import type { StaffApi } from './api';
import { call, CONFIRM_SUBJECT, login } from './api-client';
import type { Campaign } from './api-types';
import { applicationBody } from './panellist-api';
import { linkIn, mailTo } from './mail';

/** Screener answers at the low end of every lead-user item: scores 16.7, below a demanding campaign's bar. */
export const LOW_SCREENER_ANSWERS = { trend: 2, benefit: 2, own: 2, usage: 'weekly', hours: 3 };

/**
 * An applicant who applies with `answers` and confirms from the e-mail's link (through the API),
 * so that the campaign's acceptScore decides: active or waitlisted. Returns the panellist's id.
 */
export async function applyAndConfirm(
  campaign: Campaign,
  spec: { displayName: string; country: string; answers?: Record<string, unknown> },
): Promise<{ id: string; email: string; status: string }> {
  const body = applicationBody({ displayName: spec.displayName, country: spec.country, locale: 'en' });
  if (spec.answers) body.answers = spec.answers;
  const email = String(body.email).toLowerCase();
  const applied = await call<{ panellistId: string }>('POST', `/public/recruitment/${campaign.slug}/applications`, { body, expect: 201 });
  const mail = await mailTo(email, CONFIRM_SUBJECT, { timeoutMs: 30_000 });
  const token = new URL(linkIn(mail, '/confirm')).searchParams.get('token');
  if (!token) throw new Error(`the confirmation link of ${email} has no token`);
  const confirmed = await call<{ status: string }>('POST', '/public/confirm-email', { body: { token }, expect: 200 });
  return { id: applied.panellistId, email, status: confirmed.status };
}

/**
 * The researcher of `staff` chooses their own password through the API (an account the admin
 * created must change it first), so that the browser signs in straight into the studio. Their
 * API token ends with it: call this after the builders.
 */
export async function researcherPassword(staff: StaffApi): Promise<string> {
  const password = `studio-${randomBytes(8).toString('hex')}`;
  const token = await login(staff.researcher.email, staff.researcher.password);
  await call('POST', '/auth/password', {
    token,
    body: { currentPassword: staff.researcher.password, newPassword: password },
    expect: 204,
  });
  return password;
}
