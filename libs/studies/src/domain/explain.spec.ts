import type { StudyCriteria } from './criteria';
import { type ExplainContext, type ExplainReason, explain, type PanellistFacts } from './explain';

const anna: PanellistFacts = {
  status: 'active',
  country: 'FR',
  birthYear: 2001, // age 25 in 2026
  gender: 'female',
  scoreOverall: 72.5,
  tier: 'lead_user',
  interests: ['cycling', 'e-bikes'],
  attributes: { plan: 'pro', cars: 1, has_kids: false, sports: ['bike', 'run'] },
  invitationsLast30Days: 1,
  alreadyInvited: false,
};
const context: ExplainContext = { referenceYear: 2026, maxInvitesPer30Days: 4, quotaCells: [] };

const rule = (reasons: ExplainReason[], name: string) => reasons.find((r) => r.rule === name);

describe('explain: the rows and their order', () => {
  it('no criteria, no quotas: the nine fixed rules, all passed', () => {
    const result = explain(anna, {}, context);
    expect(result).toEqual({
      eligible: true,
      reasons: [
        { rule: 'status', passed: true, detail: 'status is active' },
        { rule: 'contact_cap', passed: true, detail: '1 invitation in the last 30 days, below the cap of 4' },
        { rule: 'already_invited', passed: true, detail: 'not yet invited to this study' },
        { rule: 'country', passed: true, detail: 'country FR; no country restriction' },
        { rule: 'age', passed: true, detail: 'born 2001: age 25; no age restriction' },
        { rule: 'gender', passed: true, detail: 'gender female; no gender restriction' },
        { rule: 'score', passed: true, detail: 'score 72.5; no minimum score' },
        { rule: 'tier', passed: true, detail: 'tier lead_user; no tier restriction' },
        { rule: 'interests', passed: true, detail: 'no interest restriction' },
      ],
    });
  });

  it('conditions and cells add rows at the end, in criteria and quota order', () => {
    const criteria: StudyCriteria = {
      attributes: [
        { key: 'plan', op: 'eq', value: 'pro' },
        { key: 'cars', op: 'gte', value: 1 },
      ],
    };
    const quotaCells: ExplainContext['quotaCells'] = [
      { dimension: 'country', value: 'DE', target: 5, enrolled: 0 },
      { dimension: 'country', value: 'FR', target: 5, enrolled: 2 },
      { dimension: 'ageBand', value: '25-34', target: 3, enrolled: 3 },
    ];
    const { eligible, reasons } = explain(anna, criteria, { ...context, quotaCells });
    expect(reasons.map((r) => r.rule)).toEqual([
      'status',
      'contact_cap',
      'already_invited',
      'country',
      'age',
      'gender',
      'score',
      'tier',
      'interests',
      'attribute:plan',
      'attribute:cars',
      'cell_full',
      'cell_full',
    ]);
    expect(reasons.slice(-2)).toEqual([
      { rule: 'cell_full', passed: true, detail: 'cell country=FR has room (2 of 5 places filled)' },
      { rule: 'cell_full', passed: false, detail: 'cell ageBand=25-34 is full (3 of 3 places filled)' },
    ]);
    expect(eligible).toBe(false);
  });
});

describe('explain: each rule', () => {
  it.each<[string, Partial<PanellistFacts>, StudyCriteria, string, boolean, string]>([
    // status
    ['paused', { status: 'paused' }, {}, 'status', false, 'status is paused; only active panellists can be invited'],
    ['waitlisted', { status: 'waitlisted' }, {}, 'status', false, 'status is waitlisted; only active panellists can be invited'],
    // contact cap (cap 4)
    ['no invitation yet', { invitationsLast30Days: 0 }, {}, 'contact_cap', true, '0 invitations in the last 30 days, below the cap of 4'],
    ['3 of 4', { invitationsLast30Days: 3 }, {}, 'contact_cap', true, '3 invitations in the last 30 days, below the cap of 4'],
    ['4 of 4', { invitationsLast30Days: 4 }, {}, 'contact_cap', false, '4 invitations in the last 30 days: the cap of 4 is reached'],
    // already invited
    ['already invited', { alreadyInvited: true }, {}, 'already_invited', false, 'already invited to this study'],
    // country
    ['country in', {}, { countries: ['FR', 'BE'] }, 'country', true, 'country FR is in [FR, BE]'],
    ['country out', { country: 'DE' }, { countries: ['FR', 'BE'] }, 'country', false, 'country DE is not in [FR, BE]'],
    // age (2026)
    ['below the minimum', {}, { ageMin: 30 }, 'age', false, 'born 2001: age 25 is below the minimum 30'],
    ['above the maximum', { birthYear: 1950 }, { ageMax: 70 }, 'age', false, 'born 1950: age 76 is above the maximum 70'],
    ['within the range', { birthYear: 1990 }, { ageMin: 30, ageMax: 45 }, 'age', true, 'born 1990: age 36 is within 30–45'],
    ['on the minimum', {}, { ageMin: 25 }, 'age', true, 'born 2001: age 25 is at least the minimum 25'],
    ['on the maximum', {}, { ageMax: 25 }, 'age', true, 'born 2001: age 25 is at most the maximum 25'],
    // gender
    ['gender in', {}, { genders: ['female', 'male'] }, 'gender', true, 'gender female is in [female, male]'],
    ['gender out', { gender: 'male' }, { genders: ['female'] }, 'gender', false, 'gender male is not in [female]'],
    ['gender not given', { gender: null }, { genders: ['female'] }, 'gender', false, 'gender not known; required one of [female]'],
    ['gender not given, no restriction', { gender: null }, {}, 'gender', true, 'no gender restriction'],
    // score
    ['score above the minimum', {}, { minScore: 60 }, 'score', true, 'score 72.5 is at least the minimum 60'],
    ['score on the minimum', { scoreOverall: 60 }, { minScore: 60 }, 'score', true, 'score 60 is at least the minimum 60'],
    ['score below the minimum', { scoreOverall: 59.9 }, { minScore: 60 }, 'score', false, 'score 59.9 is below the minimum 60'],
    ['no score yet', { scoreOverall: null }, { minScore: 60 }, 'score', false, 'no lead-user score yet; the minimum is 60'],
    ['no score, no minimum', { scoreOverall: null }, {}, 'score', true, 'no minimum score'],
    // tier
    ['tier in', {}, { tiers: ['lead_user', 'emerging'] }, 'tier', true, 'tier lead_user is in [lead_user, emerging]'],
    ['tier out', { tier: 'mainstream' }, { tiers: ['lead_user'] }, 'tier', false, 'tier mainstream is not in [lead_user]'],
    ['no tier yet', { tier: null }, { tiers: ['lead_user'] }, 'tier', false, 'tier not known; required one of [lead_user]'],
    // interests
    ['one shared interest', {}, { interestsAny: ['drones', 'cycling'] }, 'interests', true, 'shares [cycling] with [drones, cycling]'],
    [
      'shared, other case',
      { interests: ['Cycling'] },
      { interestsAny: [' CYCLING'] },
      'interests',
      true,
      'shares [cycling] with [cycling]',
    ],
    ['none shared', {}, { interestsAny: ['drones', 'kayak'] }, 'interests', false, 'none of [drones, kayak] among their interests'],
    ['no interests at all', { interests: [] }, { interestsAny: ['drones'] }, 'interests', false, 'none of [drones] among their interests'],
    // attributes
    [
      'enum eq met',
      {},
      { attributes: [{ key: 'plan', op: 'eq', value: 'pro' }] },
      'attribute:plan',
      true,
      'plan is "pro"; required = "pro"',
    ],
    [
      'enum in not met',
      {},
      { attributes: [{ key: 'plan', op: 'in', value: ['free', 'team'] }] },
      'attribute:plan',
      false,
      'plan is "pro"; required in ["free", "team"]: not met',
    ],
    [
      'number gte not met',
      {},
      { attributes: [{ key: 'cars', op: 'gte', value: 2 }] },
      'attribute:cars',
      false,
      'cars is 1; required ≥ 2: not met',
    ],
    ['number lte met', {}, { attributes: [{ key: 'cars', op: 'lte', value: 1 }] }, 'attribute:cars', true, 'cars is 1; required ≤ 1'],
    [
      'boolean eq false met',
      {},
      { attributes: [{ key: 'has_kids', op: 'eq', value: false }] },
      'attribute:has_kids',
      true,
      'has_kids is false; required = false',
    ],
    [
      'multi_enum eq met',
      {},
      { attributes: [{ key: 'sports', op: 'eq', value: 'run' }] },
      'attribute:sports',
      true,
      'sports is ["bike","run"]; required = "run"',
    ],
    [
      'multi_enum in not met',
      {},
      { attributes: [{ key: 'sports', op: 'in', value: ['swim'] }] },
      'attribute:sports',
      false,
      'sports is ["bike","run"]; required in ["swim"]: not met',
    ],
    [
      'attribute not set',
      {},
      { attributes: [{ key: 'city', op: 'eq', value: 'Lyon' }] },
      'attribute:city',
      false,
      'city not set; required = "Lyon"',
    ],
  ])('%s', (_name, patch, criteria, name, passed, detail) => {
    const { eligible, reasons } = explain({ ...anna, ...patch }, criteria, context);
    expect(rule(reasons, name)).toEqual({ rule: name, passed, detail });
    expect(eligible).toBe(reasons.every((r) => r.passed));
    // Anna passes everything else in these cases, so the one rule decides.
    expect(eligible).toBe(passed);
  });
});

describe('explain: eligible only when every rule passes', () => {
  const criteria: StudyCriteria = {
    countries: ['FR', 'BE'],
    ageMin: 18,
    ageMax: 40,
    genders: ['female', 'non_binary'],
    minScore: 60,
    tiers: ['lead_user'],
    interestsAny: ['cycling'],
    attributes: [{ key: 'plan', op: 'in', value: ['pro', 'team'] }],
  };
  const quotaCells: ExplainContext['quotaCells'] = [{ dimension: 'country', value: 'FR', target: 10, enrolled: 4 }];

  it.each<[string, Partial<PanellistFacts>, Partial<ExplainContext>, string[]]>([
    ['Anna meets all', {}, {}, []],
    ['two failures', { status: 'dormant', country: 'DE' }, {}, ['status', 'country']],
    ['her cell fills up', {}, { quotaCells: [{ dimension: 'country', value: 'FR', target: 4, enrolled: 4 }] }, ['cell_full']],
    ['a lower cap', {}, { maxInvitesPer30Days: 1 }, ['contact_cap']],
    ['ten years on', {}, { referenceYear: 2042 }, ['age']],
    [
      'everything wrong',
      {
        status: 'blocked',
        invitationsLast30Days: 9,
        alreadyInvited: true,
        country: 'IT',
        birthYear: 1940,
        gender: 'male',
        scoreOverall: 10,
        tier: 'mainstream',
        interests: [],
        attributes: {},
      },
      {},
      ['status', 'contact_cap', 'already_invited', 'country', 'age', 'gender', 'score', 'tier', 'interests', 'attribute:plan'],
    ],
  ])('%s → failed %j', (_name, patch, ctx, failed) => {
    const { eligible, reasons } = explain({ ...anna, ...patch }, criteria, { ...context, quotaCells, ...ctx });
    expect(reasons.filter((r) => !r.passed).map((r) => r.rule)).toEqual(failed);
    expect(eligible).toBe(failed.length === 0);
  });
});
