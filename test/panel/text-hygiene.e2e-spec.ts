import {
  API,
  apply,
  applicationBody,
  bearer,
  createCampaign,
  createPanelTestApp,
  dataSource,
  errorFields,
  expectProblem,
  joinPanel,
  type Campaign,
  type Panellist,
  type TestApp,
} from './panel-helpers';

/**
 * Display names are one line of visible text: no control characters (CR/LF included), no
 * bidirectional overrides or isolates, no zero-width characters. The same rule holds on the
 * application form and on the profile (one validator in libs/platform).
 */
const HIDDEN: Array<[string, string]> = [
  ['a line feed', 'Ada\nAdmin'],
  ['a carriage return', 'Ada\rL.'],
  ['a tab', 'Ada\tL.'],
  ['a DEL', 'Ada\u007F'],
  ['a C1 control', 'Ada\u0085L.'],
  ['a right-to-left override', 'Ada \u202Egnp.exe'],
  ['a left-to-right embedding', '\u202AAda'],
  ['a pop directional formatting', 'Ada\u202C'],
  ['a first-strong isolate', 'Ada \u2068L.\u2069'],
  ['a right-to-left isolate', '\u2067Ada'],
  ['a zero-width space', 'Ad\u200Ba'],
  ['a zero-width non-joiner', 'Ad\u200Ca'],
  ['a zero-width joiner', 'Ad\u200Da'],
  ['a word joiner', 'Ad\u2060a'],
  ['a byte-order mark', '\uFEFFAda'],
];

describe('Text hygiene of display names', () => {
  let t: TestApp;
  let campaign: Campaign;
  let panellist: Panellist;

  beforeAll(async () => {
    t = await createPanelTestApp();
    const researcher = await t.staff('researcher');
    campaign = await createCampaign(t, researcher.token);
    panellist = await joinPanel(t, campaign.slug, { displayName: 'Ada L.' });
  });
  afterAll(async () => {
    await t.close();
  });

  const patchProfile = (body: Record<string, unknown>) =>
    t
      .http()
      .patch(`${API}/me/profile`)
      .set(...bearer(panellist.token))
      .send(body);

  it.each(HIDDEN)(
    'PATCH /me/profile refuses a display name with %s (400 naming displayName), and keeps the old one',
    async (_what, name) => {
      const res = await patchProfile({ displayName: name });
      expectProblem(res, 400);
      expect(errorFields(res)).toEqual(['displayName']);
      const me = await t
        .http()
        .get(`${API}/me/profile`)
        .set(...bearer(panellist.token));
      expect(me.body.displayName).toBe('Ada L.');
    },
  );

  it.each(HIDDEN)('an application refuses a display name with %s (400 naming displayName), and creates nobody', async (_what, name) => {
    const body = applicationBody({ displayName: name });
    const res = await apply(t, campaign.slug, body);
    expectProblem(res, 400);
    expect(errorFields(res)).toEqual(['displayName']);
    const rows = (await dataSource(t).query(`SELECT 1 FROM users WHERE email = $1`, [String(body.email).toLowerCase()])) as unknown[];
    expect(rows).toEqual([]);
  });

  it('takes names in any script, with accents, emoji and right-to-left letters', async () => {
    for (const name of ['Zoë Ångström', 'محمد', 'Ана 🚀', '李小龍']) {
      const res = await patchProfile({ displayName: name });
      expect(res.status).toBe(200);
      expect(res.body.displayName).toBe(name);
    }
  });
});
