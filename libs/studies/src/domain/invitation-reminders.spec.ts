import { invitationReminders } from './invitation-reminders';

const t0 = new Date('2026-12-01T09:00:00Z');
const days = (d: number) => new Date(t0.getTime() + d * 86_400_000);
const hoursAfter = (d: Date) => (d.getTime() - t0.getTime()) / 3_600_000;

describe('invitationReminders', () => {
  it.each([
    // expires in days → [n, hours after the wave]
    [
      14,
      [
        [1, 48],
        [2, 96],
      ],
    ],
    [
      5,
      [
        [1, 48],
        [2, 96],
      ],
    ], // 96 h ≤ 120 − 12
    [
      4.5,
      [
        [1, 48],
        [2, 96],
      ],
    ], // 96 h = 108 − 12: just in time
    [4.4, [[1, 48]]], // 96 h > 105.6 − 12
    [2.5, [[1, 48]]], // 48 h ≤ 60 − 12
    [2.4, []], // 48 h > 57.6 − 12
    [1, []],
  ])('an invitation expiring after %d days gets reminders %j', (d, expected) => {
    expect(invitationReminders(t0, days(d)).map((r) => [r.n, hoursAfter(r.at)])).toEqual(expected);
  });

  it('never sends more than two, and keeps them 48 h apart', () => {
    for (let d = 1; d <= 90; d += 0.5) {
      const r = invitationReminders(t0, days(d));
      expect(r.length).toBeLessThanOrEqual(2);
      if (r.length === 2) expect(r[1].at.getTime() - r[0].at.getTime()).toBeGreaterThanOrEqual(48 * 3_600_000);
    }
  });
});
