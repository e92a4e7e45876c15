/**
 * Small checks of untrusted input (a parsed JSON body, typed `unknown`), shared by the
 * validators that report every problem as `{field, message}` (study criteria and quotas,
 * survey definitions). They answer yes or no and leave the wording to the validator, except
 * the "one of" message, which every validator words the same way.
 *
 * Length limits on strings are the caller's: some count UTF-16 code units (`s.length`),
 * others characters (`charLength`), some the trimmed text.
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
