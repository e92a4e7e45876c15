import { CONTACT_WINDOW_DAYS, invitationsInWindow, underContactCap } from './contact-cap';

const NOW = new Date('2026-06-30T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number, ms = 0) => new Date(NOW.getTime() - days * DAY - ms);

describe('invitationsInWindow (rolling 30 × 24 h, open at its start)', () => {
  it.each<[string, Date[], number]>([
    ['none', [], 0],
    ['just now', [ago(0)], 1],
    ['29 days ago', [ago(29)], 1],
    ['30 days less 1 ms ago', [ago(30, -1)], 1],
    ['exactly 30 days ago: out', [ago(30)], 0],
    ['31 days ago: out', [ago(31)], 0],
    ['in the future (clock skew): in', [new Date(NOW.getTime() + 1000)], 1],
    ['mixed', [ago(1), ago(10), ago(29), ago(30), ago(45)], 3],
  ])('%s → %d', (_name, times, expected) => {
    expect(invitationsInWindow(times, NOW)).toBe(expected);
  });

  it('defaults to a 30-day window', () => {
    expect(CONTACT_WINDOW_DAYS).toBe(30);
  });

  it.each<[number, number]>([
    [7, 2],
    [60, 4],
  ])('window of %d days → %d', (windowDays, expected) => {
    expect(invitationsInWindow([ago(1), ago(6), ago(8), ago(59)], NOW, windowDays)).toBe(expected);
  });
});

describe('underContactCap', () => {
  it.each<[string, Date[], number, boolean]>([
    ['0 of 4', [], 4, true],
    ['3 of 4', [ago(1), ago(2), ago(3)], 4, true],
    ['4 of 4: one more would be 5', [ago(1), ago(2), ago(3), ago(4)], 4, false],
    ['5 of 4', [ago(1), ago(2), ago(3), ago(4), ago(5)], 4, false],
    ['4 of 4 but one left the window', [ago(1), ago(2), ago(3), ago(30)], 4, true],
    ['many old ones', Array.from({ length: 20 }, (_, i) => ago(31 + i)), 4, true],
    ['cap 1, one recent', [ago(29)], 1, false],
    ['cap 0: nobody', [], 0, false],
  ])('%s → %s', (_name, times, max, expected) => {
    expect(underContactCap(times, NOW, max)).toBe(expected);
  });
});
