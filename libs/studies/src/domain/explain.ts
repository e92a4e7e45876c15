/**
 * Explain (docs/domain.md, "Studies" → Explain): for one panellist and one study, every rule
 * with passed/failed and a sentence a researcher can read ("why was Anna not invited?").
 *
 * A criterion the study does not set still has its row (passed, "no … restriction"), so
 * the list has the same shape for every panellist of a study.
 *
 * Meanings shared with the eligibility query: the contact cap needs fewer than
 * `maxInvitesPer30Days` invitations, since the next one must not go over it; any earlier
 * invitation to this study counts as "already invited", whatever became of it; a
 * panellist without a gender, score, tier or attribute value fails a criterion on it.
 */
import { ageIn, type PanellistStatus } from '@leadpanel/platform';
import { type AttributeCondition, conditionHolds, describeCondition } from './attribute-conditions';
import { normalizeInterest, type StudyCriteria } from './criteria';
import { type CellRef, cellKey, cellsOf, isFull, type QuotaCellState, type QuotaFacts } from './quotas';
import { ELIGIBLE_STATUS } from './vocabulary';

export interface PanellistFacts extends QuotaFacts {
  status: PanellistStatus;
  /** Overall lead-user score (0–100, one decimal); null before the screener is scored. */
  scoreOverall: number | null;
  interests: readonly string[];
  /** Invitations received (all studies) in the rolling contact window ending now. */
  invitationsLast30Days: number;
  /** Has an invitation to this study, in any state. */
  alreadyInvited: boolean;
}

export type ExplainCell = CellRef & Pick<QuotaCellState, 'target' | 'enrolled'>;

export interface ExplainContext {
  /** Usually the current UTC year. */
  referenceYear: number;
  /** `PANEL_MAX_INVITES_30D`. */
  maxInvitesPer30Days: number;
  /** The study's quota cells with their enrolment so far. */
  quotaCells: readonly ExplainCell[];
}

export type ExplainRule =
  | 'status'
  | 'contact_cap'
  | 'already_invited'
  | 'country'
  | 'age'
  | 'gender'
  | 'score'
  | 'tier'
  | 'interests'
  | `attribute:${string}`
  | 'cell_full';

export interface ExplainReason {
  rule: ExplainRule;
  passed: boolean;
  detail: string;
}

export interface Explanation {
  eligible: boolean;
  reasons: ExplainReason[];
}

export function explain(facts: PanellistFacts, criteria: StudyCriteria, context: ExplainContext): Explanation {
  const reasons: ExplainReason[] = [
    statusRule(facts),
    contactCapRule(facts, context.maxInvitesPer30Days),
    alreadyInvitedRule(facts),
    countryRule(facts, criteria),
    ageRule(facts, criteria, context.referenceYear),
    listRule('gender', 'gender', facts.gender, criteria.genders),
    scoreRule(facts, criteria),
    listRule('tier', 'tier', facts.tier, criteria.tiers),
    interestsRule(facts, criteria),
    ...(criteria.attributes ?? []).map((c) => attributeRule(facts, c)),
    ...cellsOf(facts, context.quotaCells, context.referenceYear).map(cellRule),
  ];
  return { eligible: reasons.every((r) => r.passed), reasons };
}

const list = (values: readonly unknown[]) => `[${values.join(', ')}]`;

function statusRule(facts: PanellistFacts): ExplainReason {
  const passed = facts.status === ELIGIBLE_STATUS;
  return {
    rule: 'status',
    passed,
    detail: passed ? 'status is active' : `status is ${facts.status}; only active panellists can be invited`,
  };
}

function contactCapRule(facts: PanellistFacts, max: number): ExplainReason {
  const n = facts.invitationsLast30Days;
  const passed = n < max;
  const count = `${n} invitation${n === 1 ? '' : 's'} in the last 30 days`;
  return {
    rule: 'contact_cap',
    passed,
    detail: passed ? `${count}, below the cap of ${max}` : `${count}: the cap of ${max} is reached`,
  };
}

function alreadyInvitedRule(facts: PanellistFacts): ExplainReason {
  return {
    rule: 'already_invited',
    passed: !facts.alreadyInvited,
    detail: facts.alreadyInvited ? 'already invited to this study' : 'not yet invited to this study',
  };
}

function countryRule(facts: PanellistFacts, criteria: StudyCriteria): ExplainReason {
  return listRule('country', 'country', facts.country, criteria.countries);
}

/** `<label> X is in [..]` / `is not in [..]` / `not given; required one of [..]` / `no <label> restriction`. */
function listRule(rule: ExplainRule, label: string, actual: string | null, allowed: readonly string[] | undefined): ExplainReason {
  if (allowed === undefined)
    return { rule, passed: true, detail: actual === null ? `no ${label} restriction` : `${label} ${actual}; no ${label} restriction` };
  if (actual === null) return { rule, passed: false, detail: `${label} not known; required one of ${list(allowed)}` };
  const passed = allowed.includes(actual);
  return { rule, passed, detail: `${label} ${actual} is ${passed ? '' : 'not '}in ${list(allowed)}` };
}

function ageRule(facts: PanellistFacts, criteria: StudyCriteria, referenceYear: number): ExplainReason {
  const age = ageIn(facts.birthYear, referenceYear);
  const born = `born ${facts.birthYear}: age ${age}`;
  const { ageMin: min, ageMax: max } = criteria;
  if (min !== undefined && age < min) return { rule: 'age', passed: false, detail: `${born} is below the minimum ${min}` };
  if (max !== undefined && age > max) return { rule: 'age', passed: false, detail: `${born} is above the maximum ${max}` };
  const detail =
    min !== undefined && max !== undefined
      ? `${born} is within ${min}–${max}`
      : min !== undefined
        ? `${born} is at least the minimum ${min}`
        : max !== undefined
          ? `${born} is at most the maximum ${max}`
          : `${born}; no age restriction`;
  return { rule: 'age', passed: true, detail };
}

function scoreRule(facts: PanellistFacts, criteria: StudyCriteria): ExplainReason {
  const { minScore } = criteria;
  const score = facts.scoreOverall;
  if (minScore === undefined) {
    return { rule: 'score', passed: true, detail: score === null ? 'no minimum score' : `score ${score}; no minimum score` };
  }
  if (score === null) return { rule: 'score', passed: false, detail: `no lead-user score yet; the minimum is ${minScore}` };
  const passed = score >= minScore;
  return {
    rule: 'score',
    passed,
    detail: passed ? `score ${score} is at least the minimum ${minScore}` : `score ${score} is below the minimum ${minScore}`,
  };
}

function interestsRule(facts: PanellistFacts, criteria: StudyCriteria): ExplainReason {
  if (criteria.interestsAny === undefined) return { rule: 'interests', passed: true, detail: 'no interest restriction' };
  const wanted = criteria.interestsAny.map(normalizeInterest);
  const own = new Set(facts.interests.map(normalizeInterest));
  const shared = [...new Set(wanted.filter((w) => own.has(w)))];
  return shared.length > 0
    ? { rule: 'interests', passed: true, detail: `shares ${list(shared)} with ${list(wanted)}` }
    : { rule: 'interests', passed: false, detail: `none of ${list(wanted)} among their interests` };
}

function attributeRule(facts: PanellistFacts, condition: AttributeCondition): ExplainReason {
  const rule = `attribute:${condition.key}` as const;
  const actual = facts.attributes[condition.key];
  const wanted = `required ${describeCondition(condition)}`;
  if (actual === undefined || actual === null) return { rule, passed: false, detail: `${condition.key} not set; ${wanted}` };
  const passed = conditionHolds(condition, actual);
  return { rule, passed, detail: `${condition.key} is ${JSON.stringify(actual)}; ${wanted}${passed ? '' : ': not met'}` };
}

function cellRule(cell: ExplainCell): ExplainReason {
  const full = isFull(cell);
  const filled = `${cell.enrolled} of ${cell.target} places filled`;
  return {
    rule: 'cell_full',
    passed: !full,
    detail: full ? `cell ${cellKey(cell)} is full (${filled})` : `cell ${cellKey(cell)} has room (${filled})`,
  };
}
