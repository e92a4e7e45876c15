import { ValidationError, type FieldError } from '@leadpanel/platform';

/** A 400 problem naming each field. */
export function invalid(problems: FieldError[]): never {
  throw new ValidationError(
    problems.length === 1 ? `${problems[0].field}: ${problems[0].message}` : `${problems.length} fields are invalid`,
    problems,
  );
}
