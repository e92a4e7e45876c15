import { HOUR, reminderSchedule, reminderTimes } from './reminder-schedule';

const t0 = new Date('2026-12-01T09:00:00Z');
const at = (h: number) => new Date(t0.getTime() + h * HOUR);

describe('reminderTimes', () => {
  it.each([
    // due in hours → reminders (hours after assignment)
    [240, [168, 216]], // 10 days: due−72 h and due−24 h
    [96, [24, 72]], // 4 days: both still ahead
    [73, [1, 49]], // first one hour after assignment
    [72, [48]], // first would be now: only the last
    [30, [6]], // only the last, 6 h ahead
    [24, []], // due in 24 h: the last reminder time is now, nothing to send
    [10, []],
  ])('due in %i h → reminders at %j h', (dueInHours, expected) => {
    expect(reminderTimes(t0, at(dueInHours)).map((d) => (d.getTime() - t0.getTime()) / HOUR)).toEqual(expected);
  });

  it('keeps the two reminders at least 48 h apart and the last 24 h before the due date', () => {
    for (let h = 25; h < 500; h += 7) {
      const times = reminderTimes(t0, at(h));
      expect(times.length).toBeLessThanOrEqual(2);
      expect(times[times.length - 1].getTime()).toBe(at(h).getTime() - 24 * HOUR);
      if (times.length === 2) expect(times[1].getTime() - times[0].getTime()).toBeGreaterThanOrEqual(48 * HOUR);
    }
  });
});

describe('reminderSchedule', () => {
  it.each([
    [240, [1, 2]],
    [73, [1, 2]],
    [72, [2]], // the first is left out; the one left is still reminder 2 (due − 24 h)
    [30, [2]],
    [24, []],
  ])('due in %i h → reminders numbered %j', (dueInHours, expected) => {
    expect(reminderSchedule(t0, at(dueInHours)).map((r) => r.n)).toEqual(expected);
  });
});
