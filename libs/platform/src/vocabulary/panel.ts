/**
 * The panel's vocabulary (docs/domain.md, "Panel"): the one definition of each list, in its
 * order. Every layer reads it from here, the pure rule folders too (studies' `domain/`, the
 * surveys' `definitions/`), which is why it lives in the platform and imports nothing: the
 * panel context itself brings Nest and TypeORM with it.
 */

/** Panellist genders, as the application form accepts them. */
export const GENDERS = ['female', 'male', 'non_binary', 'other', 'prefer_not_to_say'] as const;
export type Gender = (typeof GENDERS)[number];

/** Lead-user tiers, best first. */
export const TIERS = ['lead_user', 'emerging', 'mainstream'] as const;
export type Tier = (typeof TIERS)[number];

/** The dimensions a screener question may be scored on (docs/domain.md, "Lead-user score"). */
export const LEAD_USER_DIMENSIONS = ['ahead_of_trend', 'expected_benefit', 'own_solutions', 'expertise', 'opinion_leadership'] as const;
export type LeadUserDimension = (typeof LEAD_USER_DIMENSIONS)[number];

/** von Hippel's two defining traits of lead users. */
export const CORE_DIMENSIONS = ['ahead_of_trend', 'expected_benefit'] as const satisfies readonly LeadUserDimension[];
export type CoreDimension = (typeof CORE_DIMENSIONS)[number];

export const PANELLIST_STATUSES = [
  'pending_confirmation',
  'active',
  'waitlisted',
  'paused',
  'dormant',
  'opted_out',
  'blocked',
  'erased',
] as const;
export type PanellistStatus = (typeof PANELLIST_STATUSES)[number];
