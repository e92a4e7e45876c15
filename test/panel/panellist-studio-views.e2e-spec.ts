import { randomBytes } from 'node:crypto';
import {
  API,
  bearer,
  createCampaign,
  createPanelTestApp,
  errorFields,
  expectProblem,
  joinPanel,
  LOW_ANSWERS,
  type Campaign,
  type Panellist,
  type TestApp,
  type TestUser,
} from './panel-helpers';

/**
 * What the studio's panel pages read beyond the first API: the screener answers behind a
 * panellist's score (GET /panellists/:id `screener`), the last activity in the list, and the
 * list filtered by a profile attribute (`attribute=key:value`).
 */
describe('Studio views of panellists: screener answers, last activity, attribute filter', () => {
  let t: TestApp;
  let researcher: TestUser;
  let campaign: Campaign;
  const tag = `za${randomBytes(3).toString('hex')}`;
  const keys = {
    printer: `printer_${tag}`,
    diet: `diet_${tag}`,
    tools: `tools_${tag}`,
    hours: `hours_${tag}`,
  };
  let maker: Panellist; // printer true, diet vegan, tools drill+saw, hours 12
  let cook: Panellist; // printer false, diet omnivore, tools saw, hours 3

  beforeAll(async () => {
    t = await createPanelTestApp();
    researcher = await t.staff('researcher');
    campaign = await createCampaign(t, researcher.token, { acceptScore: 50 });
    for (const [key, type, options] of [
      [keys.printer, 'boolean', undefined],
      [keys.diet, 'enum', ['vegan', 'omnivore']],
      [keys.tools, 'multi_enum', ['drill', 'saw']],
      [keys.hours, 'number', undefined],
    ] as const) {
      const res = await t
        .http()
        .post(`${API}/profile-attributes`)
        .set(...bearer(researcher.token))
        .send({ key, label: `Label of ${key}`, type, ...(options ? { options } : {}) });
      expect(res.status).toBe(201);
    }
    maker = await joinPanel(t, campaign.slug, { displayName: `Mia Maker ${tag}`, answers: { ...LOW_ANSWERS, hours: 12 } });
    cook = await joinPanel(t, campaign.slug, { displayName: `Carl Cook ${tag}` });
    for (const [p, attributes] of [
      [maker, { [keys.printer]: true, [keys.diet]: 'vegan', [keys.tools]: ['drill', 'saw'], [keys.hours]: 12 }],
      [cook, { [keys.printer]: false, [keys.diet]: 'omnivore', [keys.tools]: ['saw'], [keys.hours]: 3 }],
    ] as const) {
      const res = await t
        .http()
        .patch(`${API}/me/profile`)
        .set(...bearer(p.token))
        .send({ attributes });
      expect(res.status).toBe(200);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  const list = (query: string) =>
    t
      .http()
      .get(`${API}/panellists?q=${tag}&${query}`)
      .set(...bearer(researcher.token));
  const ids = (body: { items: Array<{ id: string }> }) => body.items.map((p) => p.id);

  describe('GET /panellists/:id screener', () => {
    it('gives the answers to the campaign’s screener, in its order, with the dimension and the chosen labels', async () => {
      const res = await t
        .http()
        .get(`${API}/panellists/${maker.id}`)
        .set(...bearer(researcher.token));
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('waitlisted');
      expect(res.body.screener).toEqual({
        surveyId: campaign.screenerSurveyId,
        title: 'Lead-user screener',
        answeredAt: expect.stringMatching(/Z$/),
        answers: [
          {
            questionId: 'trend1',
            prompt: 'I usually try new products before others do',
            type: 'likert',
            dimension: 'ahead_of_trend',
            reverse: false,
            scale: 7,
            answer: 2,
            labels: [],
          },
          expect.objectContaining({ questionId: 'trend2', dimension: 'ahead_of_trend', reverse: true, answer: 6 }),
          expect.objectContaining({ questionId: 'benefit', dimension: 'expected_benefit', answer: 2 }),
          expect.objectContaining({ questionId: 'own', dimension: 'own_solutions', answer: 2 }),
          {
            questionId: 'usage',
            prompt: 'How often do you cook?',
            type: 'single_choice',
            dimension: null,
            reverse: false,
            scale: null,
            answer: 'weekly',
            labels: ['Every week'],
          },
          expect.objectContaining({ questionId: 'hours', type: 'number', dimension: null, answer: 12 }),
        ],
      });
    });

    it('says null for a question left unanswered', async () => {
      const res = await t
        .http()
        .get(`${API}/panellists/${cook.id}`)
        .set(...bearer(researcher.token));
      expect(res.status).toBe(200);
      const hours = (res.body.screener.answers as Array<{ questionId: string; answer: unknown }>).find((a) => a.questionId === 'hours');
      expect(hours).toMatchObject({ answer: null, labels: [] });
    });

    it('comes back with the detail after a status change', async () => {
      const res = await t
        .http()
        .patch(`${API}/panellists/${maker.id}/status`)
        .set(...bearer(researcher.token))
        .send({ status: 'active', reason: 'a maker we want' });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('active');
      expect(res.body.screener.answers).toHaveLength(6);
    });
  });

  describe('GET /panellists', () => {
    it('gives each panellist’s last activity', async () => {
      const res = await list('');
      expect(res.status).toBe(200);
      for (const item of res.body.items as Array<{ lastActiveAt: string }>) expect(item.lastActiveAt).toMatch(/Z$/);
    });

    it.each<[string, () => string, () => string[]]>([
      ['a boolean attribute', () => `${keys.printer}:true`, () => [maker.id]],
      ['a boolean attribute (false)', () => `${keys.printer}:false`, () => [cook.id]],
      ['an enum attribute', () => `${keys.diet}:omnivore`, () => [cook.id]],
      ['a multi_enum attribute (contains)', () => `${keys.tools}:saw`, () => [cook.id, maker.id]],
      ['a multi_enum attribute (contains, one of them)', () => `${keys.tools}:drill`, () => [maker.id]],
      ['a number attribute', () => `${keys.hours}:12`, () => [maker.id]],
      ['a value nobody has', () => `${keys.diet}:vegetarian`, () => []],
    ])('filters by %s', async (_what, condition, expected) => {
      const res = await list(`attribute=${encodeURIComponent(condition())}`);
      expect(res.status).toBe(200);
      expect(ids(res.body)).toEqual(expected());
    });

    it.each<[string, () => string]>([
      ['an unknown attribute', () => `nope_${tag}:x`],
      ['a number attribute with text', () => `${keys.hours}:twelve`],
      ['a boolean attribute with another word', () => `${keys.printer}:yes`],
      ['no value', () => `${keys.diet}:`],
      ['no key', () => ':vegan'],
    ])('refuses %s with a 400 on the attribute field', async (_what, condition) => {
      const res = await list(`attribute=${encodeURIComponent(condition())}`);
      expectProblem(res, 400);
      expect(errorFields(res)).toContain('attribute');
    });
  });
});
