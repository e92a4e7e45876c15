/**
 * Quota arithmetic (DESIGN.md, "Studies" → Quotas, Invitations).
 *
 * Quotas are independent (marginal) cells: one per (dimension, value), each with a target
 * of enrolled participants. A panellist belongs to at most one cell per dimension (the
 * quota validator allows no multi-valued dimension) and to cells of several dimensions at
 * once; every rule below applies to each of their cells.
 *
 * - remaining need = max(0, target − enrolled); a cell is full when nothing remains.
 * - Open invitations in a cell never exceed 3 × its remaining need (no flood of
 *   invitations for places that cannot be had): room = max(0, 3 × remaining − open).
 * - Accepting enrols the panellist unless one of their cells is already full; then the
 *   acceptance is `waitlisted`.
 */
import type { Tier } from '@leadpanel/panel';
import { ageBandOf } from './age-band';
import { attributeKeyOf, type QuotaDimension } from './criteria';

/** Open invitations allowed per place still needed in a cell. */
export const INVITATIONS_PER_PLACE = 3;

/** What the quota rules read about a panellist. */
export interface QuotaFacts {
  country: string;
  birthYear: number;
  gender: string | null;
  tier: Tier | null;
  /** Profile attribute values by key: string, number, boolean, or string[] for multi_enum. */
  attributes: Readonly<Record<string, unknown>>;
}

export interface CellRef {
  dimension: QuotaDimension;
  value: string;
}

export interface QuotaCellState {
  target: number;
  enrolled: number;
  openInvitations: number;
}

export type AcceptOutcome = 'enrolled' | 'waitlisted';

/** `country=FR`, `attribute:plan=pro`: a cell's key. Dimensions never contain "=" (attribute keys are [a-z0-9_]). */
export function cellKey(cell: CellRef): string {
  return `${cell.dimension}=${cell.value}`;
}

/** The dimension part of a cell key. */
export function dimensionOfKey(key: string): string {
  const at = key.indexOf('=');
  return at < 0 ? key : key.slice(0, at);
}

/**
 * The panellist's value(s) on a dimension, as quota cell values: the age band from
 * `referenceYear`, a boolean as "true"/"false", a number as its decimal string. Empty when
 * the panellist has none (no gender given, no tier yet, under 18, attribute not set).
 */
export function valuesOn(facts: QuotaFacts, dimension: QuotaDimension, referenceYear: number): string[] {
  switch (dimension) {
    case 'country':
      return [facts.country];
    case 'gender':
      return facts.gender === null ? [] : [facts.gender];
    case 'tier':
      return facts.tier === null ? [] : [facts.tier];
    case 'ageBand': {
      const band = ageBandOf(facts.birthYear, referenceYear);
      return band === null ? [] : [band];
    }
    default: {
      const value = facts.attributes[attributeKeyOf(dimension) ?? ''];
      if (Array.isArray(value)) return value.map(String);
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return [String(value)];
      return [];
    }
  }
}

/** The cells (among `cells`, in their order) the panellist belongs to. Returns the given objects, state and all. */
export function cellsOf<C extends CellRef>(facts: QuotaFacts, cells: readonly C[], referenceYear: number): C[] {
  return cells.filter((cell) => valuesOn(facts, cell.dimension, referenceYear).includes(cell.value));
}

export function remainingNeed(cell: Pick<QuotaCellState, 'target' | 'enrolled'>): number {
  return Math.max(0, cell.target - cell.enrolled);
}

export function isFull(cell: Pick<QuotaCellState, 'target' | 'enrolled'>): boolean {
  return remainingNeed(cell) === 0;
}

/** How many more invitations may be open at once for `remaining` places with `open` invitations out. */
export function roomFor(remaining: number, open: number): number {
  return Math.max(0, INVITATIONS_PER_PLACE * Math.max(0, remaining) - open);
}

export function openInvitationRoom(cell: QuotaCellState): number {
  return roomFor(remainingNeed(cell), cell.openInvitations);
}

/** What accepting an invitation does, given the panellist's cells (none when the study has no quotas). */
export function acceptOutcome(panellistCells: readonly Pick<QuotaCellState, 'target' | 'enrolled'>[]): AcceptOutcome {
  return panellistCells.some(isFull) ? 'waitlisted' : 'enrolled';
}
