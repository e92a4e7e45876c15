import { mulberry32 } from './mulberry32';

describe('mulberry32 (pinned: changing it changes every past wave sample and the demo data)', () => {
  it('draws the same numbers from the same state', () => {
    const random = mulberry32(0);
    expect([random(), random(), random()]).toEqual([0.26642920868471265, 0.0003297457005828619, 0.2232720274478197]);
  });

  it('numbers stay in [0, 1)', () => {
    const random = mulberry32(0);
    const draws = Array.from({ length: 10_000 }, random);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
  });
});
