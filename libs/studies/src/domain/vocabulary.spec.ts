// Drift checks: the study rules' constants must agree with the panel's tier rule.
// Specs may reach into another context's files (the domain code itself may not).
import { PANELLIST_STATUSES } from '@leadpanel/platform';
import { EMERGING_MIN_OVERALL, tierFor } from '../../../panel/src/scoring/lead-user-score';
import { ELIGIBLE_STATUS, MAINSTREAM_SCORE_BELOW } from './vocabulary';

describe('panel vocabulary', () => {
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
