/** Shared by the statistics tests: a histogram from a value→count map, and an interval check to a number of digits. */
import { expect } from '@jest/globals';
import type { Bin } from './statistics';

export const bins = (counts: Record<number, number>): Bin[] => Object.entries(counts).map(([value, n]) => ({ value: Number(value), n }));

export function expectInterval(actual: [number, number] | undefined, low: number, high: number, digits = 9): void {
  expect(actual).toBeDefined();
  const [l, h] = actual as [number, number];
  expect(l).toBeCloseTo(low, digits);
  expect(h).toBeCloseTo(high, digits);
}
