import { randomBytes } from 'node:crypto';
import type { StaffApi } from './api';
import { call } from './api-client';
import type { Panellist, Study } from './api-types';
import { acceptInvitation, joinPanel } from './panellist-api';

/**
 * Builders of the studio's discussions and feedback journey (test/browser/studio-rounds.spec.ts),
 * through the HTTP API as in support/api.ts.
 */

/**
 * The researcher of `staff` chooses their own password (POST /auth/password; a user created by an
 * admin must, before any studio page): the browser signs in with the password returned. The
 * builders' bearer token stays valid (only the other sessions end).
 */
export async function ownPassword(staff: StaffApi): Promise<string> {
  const password = `studio-rounds-${randomBytes(6).toString('hex')}`;
  await call('POST', '/auth/password', {
    token: staff.researcher.token,
    body: { currentPassword: staff.researcher.password, newPassword: password },
    expect: 204,
  });
  return password;
}

/** A recruiting study of the staff's brand for `country`, with `names` panellists joined, invited and enrolled. */
export async function studyWithParticipants(
  staff: StaffApi,
  country: string,
  title: string,
  names: string[],
): Promise<{ study: Study; participants: Panellist[] }> {
  const campaign = await staff.createScreenerCampaign();
  const participants: Panellist[] = [];
  for (const displayName of names) participants.push(await joinPanel(campaign, { country, displayName, locale: 'en' }));
  const study = await staff.createStudyFor(country, { title });
  await staff.sendWave(study.id);
  for (const p of participants) await acceptInvitation(p, study.id);
  return { study, participants };
}

export interface ApiPost {
  id: string;
  body: string;
  hidden?: boolean;
  pinned: boolean;
  author: { pseudonym?: string };
  codes?: Array<{ id: string; name: string }>;
}

/** A panellist's top-level post in a round (a comment unless `kind` says idea). */
export function postAs(p: Panellist, roundId: string, body: string, kind: 'comment' | 'idea' = 'comment'): Promise<ApiPost> {
  return call<ApiPost>('POST', `/rounds/${roundId}/posts`, { token: p.token, body: { body, kind }, expect: 201 });
}

/** The top-level posts of a round as `token` reads them (first 100). */
export async function postsOf(token: string, roundId: string): Promise<ApiPost[]> {
  return (await call<{ items: ApiPost[] }>('GET', `/rounds/${roundId}/posts?limit=100`, { token })).items;
}

export interface ApiFeedback {
  id: string;
  title: string;
  status: string;
  meToo: number;
  notes?: Array<{ body: string }>;
}

/** A feedback item filed by a participant of the study. */
export function fileFeedback(p: Panellist, studyId: string, body: Record<string, unknown>): Promise<ApiFeedback> {
  return call<ApiFeedback>('POST', `/studies/${studyId}/feedback`, { token: p.token, body, expect: 201 });
}

export function meToo(p: Panellist, feedbackId: string): Promise<unknown> {
  return call('POST', `/feedback/${feedbackId}/me-too`, { token: p.token });
}
