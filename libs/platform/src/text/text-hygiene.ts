import { ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * Text hygiene shared by every context: what a name may not hide, and what counts as
 * saying nothing. Bidirectional overrides reorder what a reader sees ("‮gnp.exe"), and
 * zero-width characters make two names look alike or a blank name look filled.
 */
const CONTROL = '\\u0000-\\u001F\\u007F-\\u009F';
const BIDI = '\\u202A-\\u202E\\u2066-\\u2069';
const ZERO_WIDTH = '\\u200B-\\u200D\\u2060\\uFEFF';

const UNSAFE_IN_NAME = new RegExp(`[${CONTROL}${BIDI}${ZERO_WIDTH}]`, 'u');
const ZERO_WIDTH_ALL = new RegExp(`[${ZERO_WIDTH}]`, 'gu');

/** Why a one-line name is refused, or null when it is fine. */
export function unsafeNameProblem(value: string, field: string): string | null {
  const m = UNSAFE_IN_NAME.exec(value);
  if (!m) return null;
  const code = `U+${m[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return `${field} must not contain control, bidirectional-override or zero-width characters (found ${code})`;
}

/** Whether a text says nothing: empty once zero-width characters and white space are removed. */
export function isBlankText(value: string): boolean {
  return value.replace(ZERO_WIDTH_ALL, '').trim().length === 0;
}

/** A one-line display text: no control, bidirectional-override or zero-width characters (400 naming the field). */
export function IsSafeName(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSafeName',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || unsafeNameProblem(value, '') === null,
        defaultMessage: (args) =>
          unsafeNameProblem(String(args?.value ?? ''), args?.property ?? 'value') ?? `${args?.property} is not allowed`,
      },
    },
    options,
  );
}

/** A text that must say something: not empty once zero-width characters and white space are removed. */
export function IsNotBlankText(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBlankText',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !isBlankText(value),
        defaultMessage: (args) => `${args?.property} must not be blank`,
      },
    },
    options,
  );
}
