import { uniqueEmail } from '../support/test-app';
import {
  API,
  apply,
  applicationBody,
  bearer,
  confirm,
  confirmationMail,
  createCampaign,
  createPanelTestApp,
  createSurvey,
  dataSource,
  errorFields,
  expectProblem,
  joinPanel,
  LOW_ANSWERS,
  PUBLIC_BASE_URL,
  SCREENER_QUESTIONS,
  TOP_ANSWERS,
  uniqueSlug,
  UUID,
  type Campaign,
  type TestApp,
  type TestUser,
} from './panel-helpers';

describe('Recruitment: campaigns, public page, applications, confirmation', () => {
  let t: TestApp;
  let researcher: TestUser;
  let campaign: Campaign;

  beforeAll(async () => {
    t = await createPanelTestApp();
    researcher = await t.staff('researcher');
    campaign = await createCampaign(t, researcher.token, { acceptScore: 50 });
  });
  afterAll(async () => {
    await t.close();
  });

  const postCampaign = (body: Record<string, unknown>, token: string | null = researcher.token) => {
    const req = t.http().post(`${API}/recruitment-campaigns`);
    if (token) req.set(...bearer(token));
    return req.send(body);
  };
  const campaignBody = (screenerSurveyId: string, overrides: Record<string, unknown> = {}) => ({
    slug: uniqueSlug('camp'),
    title: 'Cyclists who repair their bikes',
    description: 'Tell us about your repairs.',
    screenerSurveyId,
    acceptScore: 60,
    ...overrides,
  });

  describe('POST /recruitment-campaigns', () => {
    it('creates a campaign over a published screener: 201', async () => {
      const body = campaignBody(campaign.screenerSurveyId, { weights: { ahead_of_trend: 2, expected_benefit: 2 } });
      const res = await postCampaign(body);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        id: expect.stringMatching(UUID),
        slug: body.slug,
        title: body.title,
        description: body.description,
        screenerSurveyId: campaign.screenerSurveyId,
        acceptScore: 60,
        weights: { ahead_of_trend: 2, expected_benefit: 2 },
      });
    });

    it('keeps the acceptScore as given, to one decimal', async () => {
      const res = await postCampaign(campaignBody(campaign.screenerSurveyId, { acceptScore: 55.5 }));
      expect(res.status).toBe(201);
      expect(res.body.acceptScore).toBe(55.5);
    });

    it('refuses a draft screener with 422', async () => {
      const draft = await createSurvey(t, researcher.token, { publish: false });
      expectProblem(await postCampaign(campaignBody(draft.id)), 422);
    });

    it('refuses a published survey that is not a screener with 422', async () => {
      const general = await createSurvey(t, researcher.token, {
        kind: 'general',
        questions: [{ id: 'q1', type: 'text', prompt: 'Anything to add?' }],
      });
      expectProblem(await postCampaign(campaignBody(general.id)), 422);
    });

    it('refuses an unknown screener with 422, not 500', async () => {
      expectProblem(await postCampaign(campaignBody('00000000-0000-4000-8000-000000000000')), 422);
    });

    it('refuses a slug that is taken with 409', async () => {
      const res = await postCampaign(campaignBody(campaign.screenerSurveyId, { slug: campaign.slug }));
      expectProblem(res, 409);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['a slug with capitals', { slug: 'Bad-Slug' }, 'slug'],
      ['an acceptScore over 100', { acceptScore: 101 }, 'acceptScore'],
      ['an unknown weight dimension', { weights: { charisma: 1 } }, 'weights'],
      ['a weight over 10', { weights: { expertise: 11 } }, 'weights'],
      ['a screener id that is not a uuid', { screenerSurveyId: 'nope' }, 'screenerSurveyId'],
      ['an acceptScore with two decimals (scores have one)', { acceptScore: 55.55 }, 'acceptScore'],
      ['an acceptScore given as a string', { acceptScore: '50' }, 'acceptScore'],
      ['weights that are a list', { weights: [1, 2] }, 'weights'],
      [
        'all weights 0',
        { weights: { ahead_of_trend: 0, expected_benefit: 0, own_solutions: 0, expertise: 0, opinion_leadership: 0 } },
        'weights',
      ],
    ])('refuses %s with 400 naming the field', async (_what, overrides, field) => {
      const res = await postCampaign(campaignBody(campaign.screenerSurveyId, overrides));
      expectProblem(res, 400);
      expect(errorFields(res)).toContain(field);
    });

    it('is for researchers: anonymous 401, panellist and brand user 403', async () => {
      expectProblem(await postCampaign(campaignBody(campaign.screenerSurveyId), null), 401);
      const admin = await t.staff('admin');
      const brand = await t
        .http()
        .post(`${API}/brands`)
        .set(...bearer(admin.token))
        .send({ name: 'Recruit brand', slug: uniqueSlug('brand') });
      expect(brand.status).toBe(201);
      const brandUser = await t.staff('brand', brand.body.id as string);
      expectProblem(await postCampaign(campaignBody(campaign.screenerSurveyId), brandUser.token), 403);
      const panellist = await joinPanel(t, campaign.slug);
      expectProblem(await postCampaign(campaignBody(campaign.screenerSurveyId), panellist.token), 403);
    });
  });

  describe('GET /public/recruitment/:slug', () => {
    it('shows title, description and the screener questions without the scoring keys, to anyone', async () => {
      const res = await t.http().get(`${API}/public/recruitment/${campaign.slug}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        title: campaign.title,
        description: expect.any(String),
        screener: { questions: expect.any(Array) },
      });
      const questions = res.body.screener.questions as Array<Record<string, unknown>>;
      expect(questions.map((q) => q.id)).toEqual(SCREENER_QUESTIONS.map((q) => q.id));
      for (const q of questions) {
        expect(q).not.toHaveProperty('dimension');
        expect(q).not.toHaveProperty('reverse');
      }
      expect(questions[0]).toMatchObject({ id: 'trend1', type: 'likert', scale: 7, required: true });
      expect(JSON.stringify(res.body)).not.toMatch(/ahead_of_trend|expected_benefit|own_solutions/);
    });

    it('answers an unknown slug with 404', async () => {
      expectProblem(await t.http().get(`${API}/public/recruitment/${uniqueSlug('nowhere')}`), 404);
      expectProblem(await t.http().get(`${API}/public/recruitment/${'x'.repeat(300)}`), 404);
    });
  });

  describe('POST /public/recruitment/:slug/applications', () => {
    it('creates a pending panellist (201) and mails a confirmation link $PUBLIC_BASE_URL/confirm?token=…', async () => {
      const body = applicationBody({ locale: 'en' });
      const res = await apply(t, campaign.slug, body);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ panellistId: expect.stringMatching(UUID), status: 'pending_confirmation' });
      const { mail, token } = await confirmationMail(t, String(body.email));
      expect(mail.subject).toContain(campaign.title);
      expect(mail.text).toContain(`${PUBLIC_BASE_URL}/confirm?token=${token}`);
      expect(token.length).toBeGreaterThanOrEqual(32);
    });

    it('writes the French mail for a French applicant', async () => {
      const body = applicationBody({ locale: 'fr' });
      expect((await apply(t, campaign.slug, body)).status).toBe(201);
      const { mail } = await confirmationMail(t, String(body.email));
      expect(mail.subject).toMatch(/^Confirmez/);
      expect(mail.text).toContain('Bonjour');
    });

    it('answers an application to an unknown campaign with 404', async () => {
      expectProblem(await apply(t, uniqueSlug('nowhere'), applicationBody()), 404);
    });

    const thisYear = new Date().getUTCFullYear();
    it.each<[string, Record<string, unknown>, string]>([
      ['an e-mail that is not one', { email: 'not-an-email' }, 'email'],
      ['an e-mail that is a number', { email: 42 }, 'email'],
      ['a password under 10 characters', { password: 'short-pw1' }, 'password'],
      ['a country that is not ISO 3166-1 alpha-2', { country: 'FRA' }, 'country'],
      ['a country code that does not exist', { country: 'XX' }, 'country'],
      ['a locale other than fr|en', { locale: 'de' }, 'locale'],
      ['a birth year making them under 18', { birthYear: thisYear - 17 }, 'birthYear'],
      ['a birth year this year', { birthYear: thisYear }, 'birthYear'],
      ['a birth year that is not a number', { birthYear: '1990' }, 'birthYear'],
      ['research consent false', { consents: { termsVersion: '2026-01', research: false, productTesting: true } }, 'consents.research'],
      ['research consent missing', { consents: { termsVersion: '2026-01', productTesting: true } }, 'consents.research'],
      ['consents missing', { consents: undefined }, 'consents'],
      ['consents not an object', { consents: 'yes' }, 'consents'],
      ['a required screener answer missing', { answers: { ...TOP_ANSWERS, benefit: undefined } }, 'answers.benefit'],
      ['a likert answer out of range', { answers: { ...TOP_ANSWERS, trend1: 8 } }, 'answers.trend1'],
      ['a likert answer of 0', { answers: { ...TOP_ANSWERS, own: 0 } }, 'answers.own'],
      ['a likert answer as a string', { answers: { ...TOP_ANSWERS, own: '7' } }, 'answers.own'],
      ['a choice answer that is not an option', { answers: { ...TOP_ANSWERS, usage: 'hourly' } }, 'answers.usage'],
      ['a number answer over its max', { answers: { ...TOP_ANSWERS, hours: 169 } }, 'answers.hours'],
      ['an unknown screener question id', { answers: { ...TOP_ANSWERS, shoe_size: 42 } }, 'answers.shoe_size'],
      ['answers missing', { answers: undefined }, 'answers'],
      ['answers as an array', { answers: [7, 7] }, 'answers'],
      ['an unknown field', { admin: true }, 'admin'],
      ['a referral code that does not exist', { referralCode: 'no-such-code' }, 'referralCode'],
      ['a referral code that is not one', { referralCode: "'; drop table referrals; --" }, 'referralCode'],
    ])('refuses %s with 400 naming the field', async (_what, overrides, field) => {
      const body = applicationBody(overrides);
      const res = await apply(t, campaign.slug, body);
      expectProblem(res, 400);
      expect(errorFields(res)).toContain(field);
      if (typeof body.email === 'string' && body.email.includes('@')) {
        // nothing was created: the same e-mail can still apply
        expect((await apply(t, campaign.slug, applicationBody({ email: body.email }))).status).toBe(201);
      }
    });

    it('answers the same e-mail twice, in any letter case, with 201 and the same shape: never 409', async () => {
      const email = uniqueEmail('twice');
      const first = await apply(t, campaign.slug, applicationBody({ email }));
      expect(first.status).toBe(201);
      for (const again of [email, email.toUpperCase(), email.replace(/^./, (c) => c.toUpperCase())]) {
        const res = await apply(t, campaign.slug, applicationBody({ email: again }));
        expect(res.status).toBe(201);
        expect(Object.keys(res.body).sort()).toEqual(Object.keys(first.body).sort());
        expect(res.body).toEqual({ panellistId: expect.stringMatching(UUID), status: 'pending_confirmation' });
        expect(res.body.panellistId).not.toBe(first.body.panellistId);
      }
    });

    it('answers two simultaneous applications with the same e-mail both with 201', async () => {
      const email = uniqueEmail('race');
      const results = await Promise.all([
        apply(t, campaign.slug, applicationBody({ email })),
        apply(t, campaign.slug, applicationBody({ email: email.toUpperCase() })),
      ]);
      expect(results.map((r) => r.status)).toEqual([201, 201]);
    });

    it('stores the e-mail lower-cased: an applicant in capitals logs in in any case', async () => {
      const email = uniqueEmail('Capital').replace('capital', 'CAPITAL');
      const p = await joinPanel(t, campaign.slug, { email });
      expect(p.email).toBe(email.toLowerCase());
      await t.login(email.toUpperCase(), p.password);
    });

    it('refuses an application to a campaign whose screener was published with other questions: answers are checked against it', async () => {
      const otherScreener = await createSurvey(t, researcher.token, {
        questions: [{ id: 'only', type: 'likert', scale: 7, prompt: 'How ahead are you?', required: true, dimension: 'ahead_of_trend' }],
      });
      const other = await createCampaign(t, researcher.token, { screenerSurveyId: otherScreener.id });
      const res = await apply(t, other.slug, applicationBody());
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual(expect.arrayContaining(['answers.only', 'answers.trend1']));
    });
  });

  describe('POST /public/confirm-email', () => {
    it('scores all-top answers 100, lead_user, active; the token works once (then 409)', async () => {
      const body = applicationBody({ answers: TOP_ANSWERS });
      expect((await apply(t, campaign.slug, body)).status).toBe(201);
      const { token } = await confirmationMail(t, String(body.email));
      const res = await confirm(t, token);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'active', score: 100, tier: 'lead_user' });
      expectProblem(await confirm(t, token), 409);
      const session = await t.login(String(body.email), String(body.password));
      const me = await t
        .http()
        .get(`${API}/me/profile`)
        .set(...bearer(session.accessToken));
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({
        status: 'active',
        score: { overall: 100, tier: 'lead_user', dimensions: { ahead_of_trend: 100, expected_benefit: 100, own_solutions: 100 } },
      });
    });

    it('confirms once when the link is opened twice at the same time (200 and 409)', async () => {
      const body = applicationBody();
      expect((await apply(t, campaign.slug, body)).status).toBe(201);
      const { token } = await confirmationMail(t, String(body.email));
      const results = await Promise.all([confirm(t, token), confirm(t, token), confirm(t, token)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    });

    it('refuses a token whose 7 days have passed with 400', async () => {
      const body = applicationBody();
      const applied = await apply(t, campaign.slug, body);
      const { token } = await confirmationMail(t, String(body.email));
      await dataSource(t).query(`UPDATE email_confirmations SET expires_at = now() - interval '1 minute' WHERE panellist_id = $1`, [
        applied.body.panellistId,
      ]);
      expectProblem(await confirm(t, token), 400);
    });

    it('counts the reverse item reversed: answering 7 everywhere is not a top score', async () => {
      // ahead_of_trend = (7 + (8 − 7)) / 2 = 4 → 50; the others 100; overall 83.3; a core dimension under 60 → emerging
      const p = await joinPanel(t, campaign.slug, { answers: { trend1: 7, trend2: 7, benefit: 7, own: 7, usage: 'daily' } });
      expect(p.confirmed).toMatchObject({ status: 'active', score: 83.3, tier: 'emerging' });
    });

    it('waitlists low answers under the acceptScore of 50', async () => {
      const p = await joinPanel(t, campaign.slug, { answers: LOW_ANSWERS });
      expect(p.confirmed).toMatchObject({ status: 'waitlisted', score: 16.7, tier: 'mainstream' });
    });

    it('applies the campaign weights', async () => {
      const weighted = await createCampaign(t, researcher.token, {
        screenerSurveyId: campaign.screenerSurveyId,
        acceptScore: 70,
        weights: { ahead_of_trend: 0, expected_benefit: 3 },
      });
      // ahead_of_trend 16.7 (weight 0), expected_benefit 100 (×3), own_solutions 16.7 (×1): (300 + 16.7) / 4 = 79.2
      const p = await joinPanel(t, weighted.slug, { answers: { trend1: 2, trend2: 6, benefit: 7, own: 2, usage: 'daily' } });
      expect(p.confirmed).toMatchObject({ status: 'active', score: 79.2 });
      // a core dimension (ahead_of_trend, 16.7) was measured under 60: not lead_user
      expect(p.confirmed.tier).toBe('emerging');
    });

    it.each<[string, unknown]>([
      ['a garbage token', 'not-a-token'],
      ['a token of the right shape that was never issued', 'A'.repeat(43)],
      ['a very long token', 'x'.repeat(5000)],
    ])('refuses %s with 400', async (_what, token) => {
      expectProblem(await confirm(t, token as string), 400);
    });

    it.each<[string, Record<string, unknown>]>([
      ['no token', {}],
      ['a number', { token: 42 }],
      ['an empty token', { token: '' }],
    ])('refuses %s with 400', async (_what, body) => {
      expectProblem(await t.http().post(`${API}/public/confirm-email`).send(body), 400);
    });
  });
});
