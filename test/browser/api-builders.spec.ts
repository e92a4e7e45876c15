import { expect, test } from '@playwright/test';
import { StaffApi } from './support/api';
import { call, INVITATION_SUBJECT, ROUND_OPENED_SUBJECT, SHIPMENT_SUBJECT, SURVEY_SUBJECT } from './support/api-client';
import type { Campaign, Panellist, Product, Study, Survey } from './support/api-types';
import { acceptInvitation, acceptNda, joinPanel, putAddress } from './support/panellist-api';
import { linkIn, mailTo } from './support/mail';
import { signInBrowser, WEB_CLIENT_HEADER } from './support/session';

/**
 * The staff builders a panellist journey needs (test/browser/support/api.ts), run in order
 * against the run's API, no browser page: each step proves one builder, in the order a
 * journey calls them. A panellist of a country of its own plays the journey's applicant.
 */
test.describe.configure({ mode: 'serial' });

const COUNTRY = 'LU';
let staff: StaffApi;
let campaign: Campaign;
let panellist: Panellist;
let study: Study;
let survey: Survey;
let product: Product;

test('StaffApi.setUp: the admin makes a brand and a researcher, who is signed in', async () => {
  staff = await StaffApi.setUp();
  const me = await call<{ role: string; email: string }>('GET', '/auth/me', { token: staff.researcher.token });
  expect(me).toMatchObject({ role: 'researcher', email: staff.researcher.email });
  const brands = await call<unknown>('GET', '/brands', { token: staff.researcher.token });
  expect(JSON.stringify(brands)).toContain(staff.brand.id);
});

test('createScreenerCampaign: a public campaign with its screener', async () => {
  campaign = await staff.createScreenerCampaign();
  const pub = await call<{ title: string; screener: { questions: Array<{ id: string }> } }>('GET', `/public/recruitment/${campaign.slug}`);
  expect(pub.title).toBe(campaign.title);
  expect(pub.screener.questions.map((q) => q.id)).toEqual(['trend', 'benefit', 'own', 'usage', 'hours']);
});

test('joinPanel: apply, confirm from the e-mail link, sign in', async () => {
  panellist = await joinPanel(campaign, { country: COUNTRY, displayName: 'Camille Parcours', locale: 'fr' });
  const me = await call<{ role: string; panellistId: string }>('GET', '/auth/me', { token: panellist.token });
  expect(me).toMatchObject({ role: 'panellist', panellistId: panellist.id });
});

test('signInBrowser: the session cookie lands in the browser context and refreshes the session', async ({ browser }) => {
  const base = process.env.LEADPANEL_BROWSER_BASE_URL ?? '';
  const context = await browser.newContext();
  try {
    const session = await signInBrowser(context, base, panellist.email, panellist.password);
    expect(session.user).toMatchObject({ id: expect.any(String), email: panellist.email, role: 'panellist' });
    // HttpOnly, scoped to the session routes (not sent with page loads)
    expect(await context.cookies(`${base}/api/v1/auth/session`)).toEqual([
      expect.objectContaining({ name: 'lp_session', httpOnly: true, sameSite: 'Strict' }),
    ]);
    expect(await context.cookies(`${base}/me`)).toEqual([]);
    const refreshed = await context.request.post(`${base}/api/v1/auth/session/refresh`, { headers: WEB_CLIENT_HEADER });
    expect(refreshed.status()).toBe(200);
    expect(((await refreshed.json()) as { user: { email: string } }).user.email).toBe(panellist.email);
  } finally {
    await context.close();
  }
});

test('createStudyFor + sendWave: the panellist is eligible, invited and e-mailed a link to /me/invitations', async () => {
  study = await staff.createStudyFor(COUNTRY);
  expect(study.status).toBe('recruiting');
  const wave = await staff.sendWave(study.id);
  expect(wave.invited).toBe(1);
  const mail = await mailTo(panellist.email, INVITATION_SUBJECT);
  expect(new URL(linkIn(mail, '/me/invitations')).origin).toBe(new URL(process.env.LEADPANEL_BROWSER_BASE_URL ?? '').origin);
  await acceptInvitation(panellist, study.id);
});

test('openPostFirstRound: two other participants posted; the panellist sees nothing before posting', async () => {
  const { round, others, posts } = await staff.openPostFirstRound(study.id, campaign);
  expect(round).toMatchObject({ mode: 'post_first', state: 'open' });
  expect(others).toHaveLength(2);
  expect(posts).toHaveLength(2);
  const mail = await mailTo(panellist.email, ROUND_OPENED_SUBJECT);
  expect(linkIn(mail, `/me/studies/${study.id}/rounds/${round.id}`)).toContain(round.id);
  const gate = await call<{ type: string }>('GET', `/rounds/${round.id}/posts`, { token: panellist.token, expect: 403 });
  expect(gate.type).toMatch(/post-first$/);
  const seen = await call<{ items: Array<{ id: string }> }>('GET', `/rounds/${round.id}/posts`, { token: others[0].token, expect: 200 });
  expect(seen.items.map((p) => p.id).sort()).toEqual(posts.map((p) => p.id).sort());
});

test('publishSurveyWithShowIf + assignToAll: every participant gets the survey', async () => {
  survey = await staff.publishSurveyWithShowIf(study.id);
  expect(survey.status).toBe('published');
  expect(survey.questions.filter((q) => q.showIf).map((q) => q.id)).toEqual(['features', 'why_not']);
  const { assigned } = await staff.assignToAll(survey.id);
  expect(assigned).toBe(3);
  const mail = await mailTo(panellist.email, SURVEY_SUBJECT);
  linkIn(mail, '/me/assignments');
  const mine = await call<{ items?: Array<{ surveyId?: string }> } | Array<{ surveyId?: string }>>('GET', '/me/assignments', {
    token: panellist.token,
  });
  expect(JSON.stringify(mine)).toContain(survey.id);
});

test('productWithNda + allocateAndShip: allocated to the participant with an address, NDA accepted, shipped', async () => {
  product = await staff.productWithNda();
  expect(product).toMatchObject({ ndaRequired: true, ndaVersion: 'v1' });
  await putAddress(panellist);
  const shipped = await staff.allocateAndShip(study.id, product.id, {
    beforeShipping: async (allocated) => {
      // only the journey's panellist gave an address
      expect(allocated.map((s) => s.panellistId)).toEqual([panellist.id]);
      expect(allocated[0].readyToShip).toBe(false);
      await acceptNda(panellist, allocated[0].id, 'v1');
    },
  });
  expect(shipped).toHaveLength(1);
  expect(shipped[0]).toMatchObject({ panellistId: panellist.id, status: 'shipped', carrier: 'Colissimo' });
  const mail = await mailTo(panellist.email, SHIPMENT_SUBJECT);
  expect(mail.text).toContain(shipped[0].trackingNumber ?? '(no tracking number)');
  linkIn(mail, '/me/shipments');
});
