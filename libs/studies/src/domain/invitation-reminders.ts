/**
 * Invitation reminders to non-responders: at most two, at least 48 h apart. We
 * send them 48 h and 96 h after the wave, each only if it falls at least 12 h
 * before the invitation expires (a reminder for an invitation about to close is
 * noise). Numbered 1 and 2 whatever is dropped. Pure.
 */
export const REMINDER_HOURS = [48, 96] as const;
export const REMINDER_MIN_HOURS_BEFORE_EXPIRY = 12;
const HOUR = 3_600_000;

export function invitationReminders(invitedAt: Date, expiresAt: Date): Array<{ n: number; at: Date }> {
  return REMINDER_HOURS.map((h, i) => ({ n: i + 1, at: new Date(invitedAt.getTime() + h * HOUR) })).filter(
    (r) => r.at.getTime() <= expiresAt.getTime() - REMINDER_MIN_HOURS_BEFORE_EXPIRY * HOUR,
  );
}
