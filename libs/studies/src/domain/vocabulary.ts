/**
 * Study rules' constants over the panel's vocabulary. The lists themselves (genders, tiers,
 * statuses, age bands) are defined once, in @leadpanel/platform.
 */
import type { PanellistStatus } from '@leadpanel/platform';

/** The only panellist status that may be invited to a study (docs/domain.md, "Studies"). */
export const ELIGIBLE_STATUS = 'active' satisfies PanellistStatus;

/**
 * The panel's tier rule (panel `EMERGING_MIN_OVERALL`): `mainstream` means an overall score
 * below 50, while `emerging` and `lead_user` reach up to 100. So `minScore ≥ 50` rules out
 * `mainstream` and nothing else.
 */
export const MAINSTREAM_SCORE_BELOW = 50;

/** ISO 3166-1 alpha-2, upper case. A shape check only: we do not keep the list of assigned codes. */
export const COUNTRY_CODE = /^[A-Z]{2}$/;
