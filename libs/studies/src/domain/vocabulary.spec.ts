// Drift checks: the values repeated in vocabulary.ts must equal the panel's own.
// Specs may reach into another context's files (the domain code itself may not).
import { GENDERS } from '../../../panel/src/recruitment/dto/application.dto';
import { PANELLIST_STATUSES } from '../../../panel/src/panellists/panellist-status';
import { EMERGING_MIN_OVERALL, TIERS, tierFor } from '../../../panel/src/scoring/lead-user-score';
import { ELIGIBLE_STATUS, MAINSTREAM_SCORE_BELOW, PANEL_GENDERS, PANEL_TIERS } from './vocabulary';

describe('panel vocabulary', () => {
  it.each<[string, readonly string[], readonly string[]]>([
    ['genders', PANEL_GENDERS, GENDERS],
    ['tiers', PANEL_TIERS, TIERS],
  ])('%s equal the panel list', (_name, ours, panel) => {
    expect([...ours]).toEqual([...panel]);
  });

  it('the eligible status is a panellist status', () => {
    expect(PANELLIST_STATUSES).toContain(ELIGIBLE_STATUS);
  });

  it('mainstream ends where emerging starts', () => {
    expect(MAINSTREAM_SCORE_BELOW).toBe(EMERGING_MIN_OVERALL);
  });

  // The claim criteria.ts relies on: only mainstream lies below 50, and only mainstream stops there.
  it.each<[number, string]>([
    [49.9, 'mainstream'],
    [50, 'emerging'],
    [100, 'lead_user'],
  ])('overall %d with strong core dimensions → %s', (overall, tier) => {
    expect(tierFor(overall, { ahead_of_trend: 100, expected_benefit: 100 })).toBe(tier);
  });

  it('emerging reaches 100 when a core dimension is low', () => {
    expect(tierFor(100, { ahead_of_trend: 10 })).toBe('emerging');
  });
});
