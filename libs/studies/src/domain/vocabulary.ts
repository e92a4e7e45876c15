/**
 * Panel vocabulary the study rules need at run time.
 *
 * The panel context owns these lists, but `@leadpanel/panel` brings Nest and TypeORM with
 * it, and this folder is pure. So the values are repeated here; the types are imported
 * from the panel (type-only imports vanish at run time) so tsc reports any drift, and
 * vocabulary.spec.ts compares the values with the panel's own.
 */
import type { PanellistStatus, Tier } from '@leadpanel/panel';

/** Panel genders (the panel's application DTO, `GENDERS`). */
export const PANEL_GENDERS = ['female', 'male', 'non_binary', 'other', 'prefer_not_to_say'] as const;
export type Gender = (typeof PANEL_GENDERS)[number];

/** Lead-user tiers, best first (the panel's `TIERS`). */
export const PANEL_TIERS = ['lead_user', 'emerging', 'mainstream'] as const satisfies readonly Tier[];

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

// Compile-time completeness: each list names every member of the panel's type.
type Covers<List extends readonly string[], Union extends string> = [Union] extends [List[number]] ? true : never;
const _tiersComplete: Covers<typeof PANEL_TIERS, Tier> = true;
void _tiersComplete;
