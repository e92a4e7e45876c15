import { randomBytes } from 'node:crypto';
import { call, CONFIRM_SUBJECT, login, PASSWORD, uniqueEmail } from './api-client';
import type { Campaign, Panellist } from './api-types';
import { linkIn, mailTo } from './mail';
import { SCREENER_ANSWERS } from './survey-questions';

/** The panellist's side of a journey through the API: joining the panel, an invitation, an address, an NDA, a survey. */

export interface ApplicantSpec {
  email?: string;
  displayName?: string;
  country?: string;
  locale?: 'fr' | 'en';
  birthYear?: number;
  gender?: string;
}

/** The body of POST /public/recruitment/:slug/applications for `spec`, with answers that pass any acceptScore. */
export function applicationBody(spec: ApplicantSpec = {}): Record<string, unknown> {
  return {
    email: spec.email ?? uniqueEmail(),
    password: PASSWORD,
    displayName: spec.displayName ?? 'Camille Testeuse',
    country: spec.country ?? 'FR',
    locale: spec.locale ?? 'fr',
    birthYear: spec.birthYear ?? 1988,
    gender: spec.gender ?? 'female',
    consents: { termsVersion: '2026-01', research: true, productTesting: true },
    answers: SCREENER_ANSWERS,
  };
}

/**
 * Applies through the API, confirms with the link of the confirmation e-mail (the link's
 * token posted to /public/confirm-email, as the /confirm page does) and logs in.
 */
export async function joinPanel(campaign: Campaign, spec: ApplicantSpec = {}): Promise<Panellist> {
  const body = applicationBody(spec);
  const email = String(body.email).toLowerCase();
  const applied = await call<{ panellistId?: string; status: string }>('POST', `/public/recruitment/${campaign.slug}/applications`, {
    body,
    expect: 201,
  });
  const mail = await mailTo(email, CONFIRM_SUBJECT, { timeoutMs: 30_000 });
  const token = new URL(linkIn(mail, '/confirm')).searchParams.get('token');
  if (!token) throw new Error(`the confirmation link of ${email} has no token`);
  await call('POST', '/public/confirm-email', { body: { token }, expect: 200 });
  const accessToken = await login(email, PASSWORD);
  const me = await call<{ panellistId?: string }>('GET', '/auth/me', { token: accessToken });
  const id = applied.panellistId ?? me.panellistId;
  if (!id) throw new Error(`no panellist id for ${email}`);
  return { id, email, password: PASSWORD, displayName: String(body.displayName), country: String(body.country), token: accessToken };
}

/** The panellist's invitation to a study (GET /me/invitations), accepted. */
export async function acceptInvitation(p: Panellist, studyId: string): Promise<string> {
  const page = await call<{ items: Array<{ id: string; studyId: string }> }>('GET', '/me/invitations?limit=100', { token: p.token });
  const inv = page.items.find((i) => i.studyId === studyId);
  if (!inv) throw new Error(`${p.email} has no invitation to ${studyId}`);
  const res = await call<{ status: string }>('POST', `/me/invitations/${inv.id}/accept`, { token: p.token, expect: 200 });
  if (res.status !== 'accepted') throw new Error(`${p.email} accepting ${studyId}: ${res.status}`);
  return inv.id;
}

export async function putAddress(p: Panellist, address: Record<string, string> = {}): Promise<void> {
  await call('PUT', '/me/address', {
    token: p.token,
    body: { line1: '12 rue des Testeurs', postalCode: '75011', city: 'Paris', country: p.country, ...address },
    expect: 200,
  });
}

/** The panellist accepts the NDA of a shipment through the API (the journey does it in the browser). */
export async function acceptNda(p: Panellist, shipmentId: string, version?: string): Promise<void> {
  await call('POST', `/me/shipments/${shipmentId}/nda`, { token: p.token, body: version ? { version } : {}, expect: 200 });
}

/** The panellist submits their assignment of the survey (through the API, as the player would). */
export async function submitSurvey(p: Panellist, surveyId: string, answers: Record<string, unknown>): Promise<void> {
  const page = await call<{ items: Array<{ id: string; surveyId: string }> }>('GET', '/me/assignments', { token: p.token });
  const a = page.items.find((i) => i.surveyId === surveyId);
  if (!a) throw new Error(`${p.email} has no assignment of ${surveyId}`);
  await call('POST', `/me/assignments/${a.id}/submit`, {
    token: p.token,
    body: { answers },
    headers: { 'Idempotency-Key': randomBytes(8).toString('hex') },
    expect: 200,
  });
}
