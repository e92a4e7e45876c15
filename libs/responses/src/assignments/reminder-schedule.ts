/**
 * Reminders to those who have not submitted: at most two, at least 48 h apart, the
 * last one 24 h before the due date. So: the second at due − 24 h, the first at
 * due − 72 h; a reminder whose time has passed (or is not 48 h after the previous
 * one) when the survey is assigned is not sent. Pure.
 */
export const HOUR = 3_600_000;

/** A reminder keeps its number whether or not the other is sent: 1 is due − 72 h, 2 is due − 24 h. */
export interface ScheduledReminder {
  n: 1 | 2;
  at: Date;
}

export function reminderSchedule(assignedAt: Date, dueAt: Date): ScheduledReminder[] {
  const last = dueAt.getTime() - 24 * HOUR;
  const first = last - 48 * HOUR;
  const out: ScheduledReminder[] = [];
  if (first > assignedAt.getTime()) out.push({ n: 1, at: new Date(first) });
  if (last > assignedAt.getTime()) out.push({ n: 2, at: new Date(last) });
  return out;
}

export function reminderTimes(assignedAt: Date, dueAt: Date): Date[] {
  return reminderSchedule(assignedAt, dueAt).map((r) => r.at);
}
