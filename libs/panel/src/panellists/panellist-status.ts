import type { PanellistStatus } from '@leadpanel/platform';

/**
 * Who may move a panellist where. Researchers change status through
 * PATCH /panellists/:id/status; the system moves on confirmation (→ active or
 * waitlisted), inactivity (active → dormant), opt-out and erasure. Nobody goes
 * back to pending_confirmation, and erased is final.
 */
const RESEARCHER_MOVES: Record<PanellistStatus, readonly PanellistStatus[]> = {
  pending_confirmation: ['blocked'],
  active: ['paused', 'blocked', 'waitlisted'],
  waitlisted: ['active', 'blocked'],
  paused: ['active', 'blocked'],
  dormant: ['active', 'blocked'],
  opted_out: [],
  blocked: ['active'],
  erased: [],
};

export function researcherMayMove(from: PanellistStatus, to: PanellistStatus): boolean {
  return RESEARCHER_MOVES[from].includes(to);
}

export function researcherTargets(from: PanellistStatus): readonly PanellistStatus[] {
  return RESEARCHER_MOVES[from];
}
