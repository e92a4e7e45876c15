import { AGE_BAND_RANGES, AGE_BANDS, type AgeBand, ageBandOf, ageIn, isAgeBand } from './age-band';

const REF = 2026;

describe('ageBandOf (age = reference year − birth year)', () => {
  it.each<[number, number, AgeBand | null]>([
    [2026 - 0, 0, null],
    [2009, 17, null],
    [2008, 18, '18-24'],
    [2002, 24, '18-24'],
    [2001, 25, '25-34'],
    [1992, 34, '25-34'],
    [1991, 35, '35-44'],
    [1982, 44, '35-44'],
    [1981, 45, '45-54'],
    [1972, 54, '45-54'],
    [1971, 55, '55-64'],
    [1962, 64, '55-64'],
    [1961, 65, '65+'],
    [1906, 120, '65+'],
  ])('born %d (age %d) → %s', (birthYear, age, band) => {
    expect(ageIn(birthYear, REF)).toBe(age);
    expect(ageBandOf(birthYear, REF)).toBe(band);
  });

  it('uses the reference year, not the birthday: born 2001 is 25 all through 2026', () => {
    expect(ageBandOf(2001, 2026)).toBe('25-34');
    expect(ageBandOf(2001, 2025)).toBe('18-24');
  });
});

describe('AGE_BAND_RANGES', () => {
  it.each(AGE_BANDS.map((b) => [b]))('%s: the name says the range', (band) => {
    const { min, max } = AGE_BAND_RANGES[band];
    expect(band).toBe(max === null ? `${min}+` : `${min}-${max}`);
  });

  it('the bands follow each other without gap or overlap from 18', () => {
    const ranges = AGE_BANDS.map((b) => AGE_BAND_RANGES[b]);
    expect(ranges[0].min).toBe(18);
    ranges.slice(1).forEach((r, i) => expect(r.min).toBe((ranges[i].max ?? NaN) + 1));
    expect(ranges[ranges.length - 1].max).toBeNull();
  });
});

describe('isAgeBand', () => {
  it.each<[unknown, boolean]>([
    ['18-24', true],
    ['65+', true],
    ['65-74', false],
    ['18–24', false],
    [18, false],
  ])('%j → %s', (value, expected) => {
    expect(isAgeBand(value)).toBe(expected);
  });
});
