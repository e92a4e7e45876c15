import { randomUUID } from 'node:crypto';
import { createPlatformTestModule, uniqueKey, type PlatformTestContext } from '@leadpanel/platform/testing';
import type { DataSource } from 'typeorm';
import { EligibilityRepository, type EligibilityInputs } from './eligibility.repository';

/** Rows written in SQL: this spec needs the tables, not the services that fill them. */
async function insertPanellist(ds: DataSource, interest: string): Promise<string> {
  const id = randomUUID();
  await ds.query(
    `INSERT INTO panellists (id, status, display_name, country, locale, birth_year, interests, last_active_at)
     VALUES ($1, 'active', 'Test panellist', 'FR', 'fr', 1990, $2::jsonb, now())`,
    [id, JSON.stringify([interest])],
  );
  return id;
}

async function insertStudy(ds: DataSource, interest: string): Promise<{ id: string; criteria: { interestsAny: string[] } }> {
  const criteria = { interestsAny: [interest] };
  const [{ id }] = (await ds.query(
    `INSERT INTO studies (brand_id, title, theme, brief, target_size, incentive_points, criteria, status)
     VALUES ($1, 'Study', 'Theme', 'Brief', 10, 0, $2::jsonb, 'recruiting') RETURNING id`,
    [randomUUID(), JSON.stringify(criteria)],
  )) as Array<{ id: string }>;
  return { id, criteria };
}

/** An invitation of `panellistId` to `studyId`, sent `daysAgo` days before now (database time). */
async function invite(ds: DataSource, studyId: string, panellistId: string, daysAgo: number): Promise<void> {
  const [{ id: waveId }] = (await ds.query(
    `INSERT INTO study_waves (study_id, requested, invited, seed, expires_at) VALUES ($1, 1, 1, 'seed', now() + interval '7 days') RETURNING id`,
    [studyId],
  )) as Array<{ id: string }>;
  await ds.query(
    `INSERT INTO study_invitations (study_id, wave_id, panellist_id, status, expires_at, created_at)
     VALUES ($1, $2, $3, 'expired', now(), now() - make_interval(days => $4))`,
    [studyId, waveId, panellistId, daysAgo],
  );
}

describe('EligibilityRepository (integration): the contact cap as the eligibility query sees it', () => {
  let t: PlatformTestContext;
  let ds: DataSource;
  let eligibility: EligibilityRepository;
  const inputs = (maxInvites: number): EligibilityInputs => ({ referenceYear: 2026, maxInvites, types: {} });

  beforeAll(async () => {
    t = await createPlatformTestModule({ env: { OUTBOX_DISPATCH: 'false' }, providers: [EligibilityRepository] });
    ds = t.dataSource;
    eligibility = t.get(EligibilityRepository);
  });
  afterAll(async () => {
    await t.close();
  });

  /** A panel of its own (one interest no other test uses), a study recruiting from it, and another study that invited. */
  async function panel() {
    const interest = uniqueKey('interest');
    const study = await insertStudy(ds, interest);
    const other = await insertStudy(ds, uniqueKey('other'));
    const [never, days29, days31, twice] = [
      await insertPanellist(ds, interest),
      await insertPanellist(ds, interest),
      await insertPanellist(ds, interest),
      await insertPanellist(ds, interest),
    ];
    await invite(ds, other.id, days29, 29);
    await invite(ds, other.id, days31, 31);
    await invite(ds, other.id, twice, 3);
    await invite(ds, (await insertStudy(ds, uniqueKey('third'))).id, twice, 10);
    return { study, never, days29, days31, twice };
  }

  const drawn = async (study: { id: string; criteria: { interestsAny: string[] } }, maxInvites: number): Promise<string[]> =>
    (await eligibility.drawPool(ds.manager, study, [], inputs(maxInvites), { seed: 'seed', limit: 100 })).map((c) => c.id).sort();

  it('with a cap of 1, a panellist invited 29 days ago is not eligible, one invited 31 days ago is', async () => {
    const p = await panel();
    expect(await drawn(p.study, 1)).toEqual([p.never, p.days31].sort());
    expect(await eligibility.count(p.study, [], inputs(1))).toEqual({ total: 2, cells: [] });
  });

  it('a panellist is eligible while their invitations in the window stay under the cap', async () => {
    const p = await panel();
    expect(await drawn(p.study, 2)).toEqual([p.never, p.days29, p.days31].sort());
    expect(await drawn(p.study, 3)).toEqual([p.never, p.days29, p.days31, p.twice].sort());
    expect((await eligibility.count(p.study, [], inputs(3))).total).toBe(4);
  });

  it('a panellist already invited to the study is not eligible for it, whenever that was', async () => {
    const p = await panel();
    await invite(ds, p.study.id, p.days31, 40);
    expect(await drawn(p.study, 5)).toEqual([p.never, p.days29, p.twice].sort());
  });

  it('explain counts the same window: 29 days ago is in it, 31 days ago is not', async () => {
    const p = await panel();
    expect(await eligibility.contactHistory(p.days29, p.study.id)).toEqual({ recent: 1, invited: false });
    expect(await eligibility.contactHistory(p.days31, p.study.id)).toEqual({ recent: 0, invited: false });
    expect(await eligibility.contactHistory(p.twice, p.study.id)).toEqual({ recent: 2, invited: false });
    await invite(ds, p.study.id, p.never, 0);
    expect(await eligibility.contactHistory(p.never, p.study.id)).toEqual({ recent: 1, invited: true });
  });

  it('draws the same candidates in the same order for the same seed, each with its quota cells', async () => {
    const p = await panel();
    const cells = [{ dimension: 'country', value: 'FR', key: 'country=FR' }];
    const first = await eligibility.drawPool(ds.manager, p.study, cells, inputs(1), { seed: 's1', limit: 100 });
    const again = await eligibility.drawPool(ds.manager, p.study, cells, inputs(1), { seed: 's1', limit: 100 });
    expect(again).toEqual(first);
    expect(first.map((c) => c.cells)).toEqual([['country=FR'], ['country=FR']]);
    expect(await eligibility.drawPool(ds.manager, p.study, cells, inputs(1), { seed: 's1', limit: 1 })).toEqual(first.slice(0, 1));
    expect(await eligibility.count(p.study, [{ dimension: 'country', value: 'DE' }], inputs(1))).toEqual({ total: 2, cells: [0] });
  });
});
