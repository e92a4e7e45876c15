import {
  charLength,
  isFiniteNumber,
  isIntegerIn,
  isNonBlankString,
  isNumberIn,
  isOneOf,
  mustBeOneOf,
  oneOfProblem,
  unknownKeys,
} from './checkers';

describe('isOneOf, mustBeOneOf, oneOfProblem', () => {
  it.each<[unknown, readonly (string | number)[], boolean]>([
    ['b', ['a', 'b'], true],
    ['B', ['a', 'b'], false],
    [5, [5, 7], true],
    ['5', [5, 7], false],
    [undefined, ['a'], false],
    [null, ['a'], false],
    ['a', [], false],
  ])('%j in %j → %s', (value, allowed, expected) => {
    expect(isOneOf(value, allowed)).toBe(expected);
    expect(oneOfProblem(value, allowed)).toBe(expected ? null : mustBeOneOf(allowed));
  });

  it('words the problem with the allowed values', () => {
    expect(mustBeOneOf(['free', 'pro', 'team'])).toBe('must be one of free, pro, team');
    expect(mustBeOneOf([5, 7])).toBe('must be one of 5, 7');
  });
});

describe('isNonBlankString', () => {
  it.each<[unknown, boolean]>([
    ['a', true],
    [' a ', true],
    ['', false],
    [' \n\t', false],
    [3, false],
    [null, false],
    [['a'], false],
  ])('%j → %s', (value, expected) => {
    expect(isNonBlankString(value)).toBe(expected);
  });
});

describe('charLength', () => {
  it.each<[string, number]>([
    ['', 0],
    ['abc', 3],
    ['😀', 1],
    ['a😀b', 3],
    ['e\u0301', 2],
  ])('%j → %s', (text, expected) => {
    expect(charLength(text)).toBe(expected);
  });
});

describe('isFiniteNumber, isNumberIn', () => {
  it.each<[unknown, boolean]>([
    [0, true],
    [-1.5, true],
    [Number.NaN, false],
    [Infinity, false],
    [-Infinity, false],
    ['1', false],
    [undefined, false],
  ])('%j finite → %s', (value, expected) => {
    expect(isFiniteNumber(value)).toBe(expected);
  });

  it.each<[unknown, boolean]>([
    [0, true],
    [100, true],
    [72.5, true],
    [-0.1, false],
    [100.1, false],
    [Number.NaN, false],
    ['50', false],
  ])('%j in 0..100 → %s', (value, expected) => {
    expect(isNumberIn(value, 0, 100)).toBe(expected);
  });
});

describe('isIntegerIn', () => {
  it.each<[unknown, boolean]>([
    [1, true],
    [10, true],
    [0, false],
    [11, false],
    [2.5, false],
    [Number.NaN, false],
    [Infinity, false],
    ['5', false],
    [null, false],
  ])('%j in 1..10 → %s', (value, expected) => {
    expect(isIntegerIn(value, 1, 10)).toBe(expected);
  });
});

describe('unknownKeys', () => {
  it.each<[Record<string, unknown>, string[]]>([
    [{}, []],
    [{ a: 1, b: 2 }, []],
    [{ b: 1, x: 2, a: 3, y: undefined }, ['x', 'y']],
  ])('%j → %j', (record, expected) => {
    expect(unknownKeys(record, ['a', 'b'])).toEqual(expected);
  });
});
