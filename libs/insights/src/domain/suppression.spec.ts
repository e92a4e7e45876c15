import { DEFAULT_MIN_CELL, isSuppressed, suppressRows } from './suppression';

interface Row {
  value: string;
  n: number;
  mean?: number;
  distribution?: { value: number; n: number; pct: number }[];
}

const row = (value: string, n: number): Row => ({ value, n, mean: n / 2, distribution: [{ value: 1, n, pct: 100 }] });

describe('isSuppressed: n < minCell', () => {
  it('defaults to 5', () => {
    expect(DEFAULT_MIN_CELL).toBe(5);
  });

  it.each<[number, number | undefined, boolean]>([
    [0, undefined, true],
    [1, undefined, true],
    [4, undefined, true],
    [5, undefined, false],
    [6, undefined, false],
    [1000, undefined, false],
    [0, 1, true],
    [1, 1, false],
    [9, 10, true],
    [10, 10, false],
  ])('n %d, minCell %s → %s', (n, minCell, expected) => {
    expect(isSuppressed(n, minCell)).toBe(expected);
  });

  it.each<[number, number]>([
    [3, 0],
    [3, -5],
    [3, 2.5],
    [3, Number.NaN],
    [-1, 5],
    [1.5, 5],
  ])('refuses n %d, minCell %d', (n, minCell) => {
    expect(() => isSuppressed(n, minCell)).toThrow(RangeError);
  });
});

describe('suppressRows', () => {
  it('a small row keeps value and n and loses every figure; others are marked visible', () => {
    expect(suppressRows([row('FR', 12), row('BE', 4), row('CH', 5)])).toStrictEqual([
      { ...row('FR', 12), suppressed: false },
      { value: 'BE', n: 4, suppressed: true },
      { ...row('CH', 5), suppressed: false },
    ]);
  });

  it('no figure key of any kind survives on a suppressed row', () => {
    const [out] = suppressRows([{ value: 'x', n: 2, mean: 3, median: 3, sd: 1, ci95: [1, 5], top2box: { pct: 50 } }]);
    expect(Object.keys(out).sort()).toEqual(['n', 'suppressed', 'value']);
  });

  it.each<[number, boolean[]]>([
    [1, [true, false, false, false]],
    [5, [true, true, false, false]],
    [6, [true, true, true, false]],
    [100, [true, true, true, true]],
  ])('minCell %d', (minCell, expected) => {
    const rows = [row('a', 0), row('b', 4), row('c', 5), row('d', 6)];
    expect(suppressRows(rows, { minCell }).map((r) => r.suppressed)).toEqual(expected);
  });

  it('keeps order and count; empty in, empty out', () => {
    expect(suppressRows([row('z', 1), row('a', 9)]).map((r) => r.value)).toEqual(['z', 'a']);
    expect(suppressRows([])).toEqual([]);
  });

  it('does not mutate its input', () => {
    const rows = [row('a', 2)];
    const copy = structuredClone(rows);
    suppressRows(rows);
    expect(rows).toEqual(copy);
  });

  it('refuses a bad minCell', () => {
    expect(() => suppressRows([row('a', 9)], { minCell: 0 })).toThrow(RangeError);
  });

  describe('complementary suppression (opt-in)', () => {
    it.each<[string, number[], boolean[]]>([
      ['one small row: the smallest visible row goes too', [20, 3, 8, 12], [false, true, true, false]],
      ['tie on the smallest: the first one', [8, 3, 8], [true, true, false]],
      ['two small rows already protect each other', [20, 3, 2, 12], [false, true, true, false]],
      ['no small row: nothing changes', [20, 8], [false, false]],
      ['a lone small row with nothing else', [3], [true]],
      ['two rows, one small: both go', [3, 50], [true, true]],
    ])('%s', (_name, ns, expected) => {
      const rows = ns.map((n, i) => row(String(i), n));
      expect(suppressRows(rows, { complementary: true }).map((r) => r.suppressed)).toEqual(expected);
    });

    it('is off by default', () => {
      expect(suppressRows([row('a', 20), row('b', 3), row('c', 8)]).map((r) => r.suppressed)).toEqual([false, true, false]);
    });

    it('a complementarily suppressed row also loses its figures but keeps n', () => {
      expect(suppressRows([row('a', 3), row('b', 7)], { complementary: true })[1]).toStrictEqual({ value: 'b', n: 7, suppressed: true });
    });
  });
});
