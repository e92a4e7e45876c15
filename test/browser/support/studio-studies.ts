import { randomBytes } from 'node:crypto';
import { call, login, uniqueEmail } from './api-client';
import type { Panellist } from './api-types';

/**
 * Builders of the studies spec (studio-studies.spec.ts), through the API. A researcher made by
 * the admin must change the first password before the studio opens: this one has done it, so
 * the browser signs in straight to the studio.
 */
export async function studioResearcher(adminToken: string): Promise<{ email: string; password: string }> {
  const email = uniqueEmail('studies-researcher');
  const first = `first-${randomBytes(6).toString('hex')}`;
  const password = `researcher-${randomBytes(6).toString('hex')}`;
  await call('POST', '/users', { token: adminToken, body: { email, password: first, role: 'researcher' }, expect: 201 });
  const token = await login(email, first);
  await call('POST', '/auth/password', { token, body: { currentPassword: first, newPassword: password }, expect: 204 });
  return { email, password };
}

/** The panellist answers their invitation to the study: accepted, or waitlisted when a cell of theirs is full. */
export async function answerInvitation(p: Panellist, studyId: string): Promise<'accepted' | 'waitlisted'> {
  const page = await call<{ items: Array<{ id: string; studyId: string }> }>('GET', '/me/invitations?limit=100', { token: p.token });
  const inv = page.items.find((i) => i.studyId === studyId);
  if (!inv) throw new Error(`${p.email} has no invitation to ${studyId}`);
  const res = await call<{ status: 'accepted' | 'waitlisted' }>('POST', `/me/invitations/${inv.id}/accept`, {
    token: p.token,
    expect: 200,
  });
  return res.status;
}
