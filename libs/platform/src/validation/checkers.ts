/**
 * Small checks of untrusted input, shared by the validators that report every problem as
 * `{field, message}`. They leave the wording to the validator, and length limits to the
 * caller (some count code units, others characters, some the trimmed text).
 */

/** One of `allowed` (compared as `Array.prototype.includes` does). */
export function isOneOf<T>(value: unknown, allowed: readonly T[]): value is T {
  return (allowed as readonly unknown[]).includes(value);
}

/** `must be one of a, b, c` */
export function mustBeOneOf(allowed: readonly (string | number)[]): string {
  return `must be one of ${allowed.join(', ')}`;
}

/** null when `value` is one of `allowed`, else `must be one of …`. */
export function oneOfProblem(value: unknown, allowed: readonly (string | number)[]): string | null {
  return isOneOf(value, allowed) ? null : mustBeOneOf(allowed);
}

/** A string with something besides whitespace. */
export function isNonBlankString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** Length in characters (code points), so an emoji counts as one. */
export function charLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** A number other than NaN and ±Infinity. */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A finite number from `min` to `max`, both included. */
export function isNumberIn(value: unknown, min: number, max: number): value is number {
  return isFiniteNumber(value) && value >= min && value <= max;
}

/** An integer from `min` to `max`, both included. */
export function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** The keys of `record` that are not in `known`, in the record's order. */
export function unknownKeys(record: Readonly<Record<string, unknown>>, known: readonly string[]): string[] {
  return Object.keys(record).filter((key) => !known.includes(key));
}
