/**
 * Contact cap (DESIGN.md, "Panel" → Panel health): nobody gets more than
 * `PANEL_MAX_INVITES_30D` invitations in any rolling 30 days.
 *
 * The window is `windowDays` × 24 h back from `now`, open at its start: an invitation sent
 * exactly 30 days ago has left it. Invitations dated after `now` (clock skew) count.
 * A panellist is under the cap when one more invitation keeps them at or below `max`,
 * i.e. when fewer than `max` fall in the window.
 */
export const CONTACT_WINDOW_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

export function invitationsInWindow(invitationTimes: readonly Date[], now: Date, windowDays: number = CONTACT_WINDOW_DAYS): number {
  const since = now.getTime() - windowDays * DAY_MS;
  return invitationTimes.filter((t) => t.getTime() > since).length;
}

export function underContactCap(
  invitationTimes: readonly Date[],
  now: Date,
  max: number,
  windowDays: number = CONTACT_WINDOW_DAYS,
): boolean {
  return invitationsInWindow(invitationTimes, now, windowDays) < max;
}
